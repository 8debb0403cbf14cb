package io.localpack.asm.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    // loaded with this row: Hibernate makes no lazy-loading proxies here (io.localpack.NoRuntimeBytecode)
    @ManyToOne(optional = false)
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
    @Column(name = "upgrade_type")
    private String upgradeType;
    @Column(name = "upgrade_domain_state")
    private String upgradeDomainState;
    @Column(name = "current_upgrade_domain")
    private Integer currentUpgradeDomain;
    @Column(name = "upgrade_domains_to_walk")
    private Integer upgradeDomainsToWalk;
    @Column(name = "upgrade_role")
    private String upgradeRole;
    @Column(name = "upgrade_is_rollback", nullable = false)
    private boolean upgradeIsRollback;
    @Column(name = "previous_configuration")
    private String previousConfiguration;
    @Column(name = "previous_package_url")
    private String previousPackageUrl;
    @Column(name = "previous_label")
    private String previousLabel;
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
    public String getUpgradeType() { return upgradeType; }
    public String getUpgradeDomainState() { return upgradeDomainState; }
    public Integer getCurrentUpgradeDomain() { return currentUpgradeDomain; }
    public Integer getUpgradeDomainsToWalk() { return upgradeDomainsToWalk; }
    public String getUpgradeRole() { return upgradeRole; }
    public boolean isUpgradeRollback() { return upgradeIsRollback; }
    public String getPreviousConfiguration() { return previousConfiguration; }

    /** An upgrade or configuration change (or its rollback) has domains left to walk. */
    public boolean upgradeInProgress() {
        return upgradeType != null;
    }

    void setStatus(String status, OffsetDateTime now) {
        this.status = status;
        this.lastModifiedTime = now;
    }

    void moveTo(DeploymentSlot slot, String url, OffsetDateTime now) {
        this.slot = slot;
        this.url = url;
        this.lastModifiedTime = now;
    }

    void setExtendedProperties(String extendedProperties) {
        this.extendedProperties = extendedProperties;
    }

    void setUpgradeDomainCount(int count) {
        this.upgradeDomainCount = count;
    }

    /**
     * Starts an upgrade (new package and label) or a configuration change (package and label null): the new
     * configuration is the deployment's from now on, the old one is kept for a rollback.
     */
    void startUpgrade(String mode, String configuration, String packageUrl, String label, String role,
                      OffsetDateTime now) {
        this.previousConfiguration = this.configuration;
        this.previousPackageUrl = this.packageUrl;
        this.previousLabel = this.label;
        this.configuration = configuration;
        if (packageUrl != null) {
            this.packageUrl = packageUrl;
        }
        if (label != null) {
            this.label = label;
        }
        this.upgradeType = mode;
        this.upgradeRole = role;
        this.upgradeIsRollback = false;
        this.upgradeDomainsToWalk = upgradeDomainCount;
        this.currentUpgradeDomain = 0;
        this.upgradeDomainState = "Before";
        this.rollbackAllowed = true;
        this.lastModifiedTime = now;
    }

    /** A rollback: the old configuration back, and the domains already upgraded to walk again. */
    void startRollback(String mode, int domainsToWalk, OffsetDateTime now) {
        this.configuration = previousConfiguration;
        this.packageUrl = previousPackageUrl;
        this.label = previousLabel;
        this.upgradeType = mode;
        this.upgradeIsRollback = true;
        this.upgradeDomainsToWalk = domainsToWalk;
        this.currentUpgradeDomain = 0;
        this.upgradeDomainState = "Before";
        this.rollbackAllowed = false;
        this.lastModifiedTime = now;
    }

    void setUpgradeDomainState(int domain, String state, OffsetDateTime now) {
        this.currentUpgradeDomain = domain;
        this.upgradeDomainState = state;
        this.lastModifiedTime = now;
    }

    void finishUpgrade(OffsetDateTime now) {
        this.upgradeType = null;
        this.upgradeDomainState = null;
        this.currentUpgradeDomain = null;
        this.upgradeDomainsToWalk = null;
        this.upgradeRole = null;
        this.upgradeIsRollback = false;
        this.rollbackAllowed = false;
        this.lastModifiedTime = now;
    }

    /** Undo {@link #startUpgrade} when the job that started it failed. */
    void abandonUpgrade(OffsetDateTime now) {
        this.configuration = previousConfiguration;
        this.packageUrl = previousPackageUrl;
        this.label = previousLabel;
        finishUpgrade(now);
    }
}
