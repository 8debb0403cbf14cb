package io.localpack.asm.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A deployment of a cloud service in its production or staging slot. */
@Entity
@Table(name = "asm_deployments")
public class Deployment {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hosted_service_id")
    private HostedService hostedService;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeploymentSlot slot;
    @Column(nullable = false)
    private String name;
    @Column(name = "private_id", nullable = false)
    private String privateId;
    @Column(nullable = false)
    private String status;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String url;
    @Column(nullable = false)
    private String configuration;
    @Column(name = "package_url")
    private String packageUrl;
    @Column(name = "upgrade_domain_count", nullable = false)
    private int upgradeDomainCount;
    @Column(name = "sdk_version")
    private String sdkVersion;
    @Column(nullable = false)
    private boolean locked;
    @Column(name = "rollback_allowed", nullable = false)
    private boolean rollbackAllowed;
    @Column(name = "created_time", nullable = false)
    private OffsetDateTime createdTime;
    @Column(name = "last_modified_time", nullable = false)
    private OffsetDateTime lastModifiedTime;
    @Column(name = "extended_properties")
    private String extendedProperties;
    @OneToMany(mappedBy = "deployment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RoleInstance> roleInstances = new ArrayList<>();

    protected Deployment() {
    }

    Deployment(UUID id, HostedService hostedService, DeploymentSlot slot, String name, String label, String url,
               String configuration, String packageUrl, String status, String extendedProperties,
               OffsetDateTime now) {
        this.id = id;
        this.hostedService = hostedService;
        this.slot = slot;
        this.name = name;
        this.privateId = id.toString().replace("-", "");
        this.status = status;
        this.label = label;
        this.url = url;
        this.configuration = configuration;
        this.packageUrl = packageUrl;
        this.sdkVersion = "2.9.8899.26";
        this.extendedProperties = extendedProperties;
        this.createdTime = now;
        this.lastModifiedTime = now;
    }

    public UUID getId() { return id; }
    public HostedService getHostedService() { return hostedService; }
    public DeploymentSlot getSlot() { return slot; }
    public String getName() { return name; }
    public String getPrivateId() { return privateId; }
    public String getStatus() { return status; }
    public String getLabel() { return label; }
    public String getUrl() { return url; }
    public String getConfiguration() { return configuration; }
    public String getPackageUrl() { return packageUrl; }
    public int getUpgradeDomainCount() { return upgradeDomainCount; }
    public String getSdkVersion() { return sdkVersion; }
    public boolean isLocked() { return locked; }
    public boolean isRollbackAllowed() { return rollbackAllowed; }
    public OffsetDateTime getCreatedTime() { return createdTime; }
    public OffsetDateTime getLastModifiedTime() { return lastModifiedTime; }
    public String getExtendedProperties() { return extendedProperties; }
    public List<RoleInstance> getRoleInstances() { return roleInstances; }

    void setStatus(String status, OffsetDateTime now) {
        this.status = status;
        this.lastModifiedTime = now;
    }

    void moveTo(DeploymentSlot slot, String url, OffsetDateTime now) {
        this.slot = slot;
        this.url = url;
        this.lastModifiedTime = now;
    }

    void setUpgradeDomainCount(int count) {
        this.upgradeDomainCount = count;
    }
}
