package io.localpack.asm.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** An ASM cloud service (hosted service) of one subscription. */
@Entity
@Table(name = "asm_hosted_services")
public class HostedService {

    @Id
    private UUID id;
    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;
    @Column(name = "service_name", nullable = false)
    private String serviceName;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Column(nullable = false)
    private String label;
    private String description;
    private String location;
    @Column(name = "affinity_group")
    private String affinityGroup;
    @Column(nullable = false)
    private String status;
    @Column(name = "date_created", nullable = false)
    private OffsetDateTime dateCreated;
    @Column(name = "date_last_modified", nullable = false)
    private OffsetDateTime dateLastModified;
    @Column(name = "reverse_dns_fqdn")
    private String reverseDnsFqdn;
    @Column(name = "extended_properties")
    private String extendedProperties;
    @OneToMany(mappedBy = "hostedService", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("slot")
    private List<Deployment> deployments = new ArrayList<>();

    protected HostedService() {
    }

    public HostedService(UUID id, UUID subscriptionId, String serviceName, String label, String description,
                         String location, String affinityGroup, String reverseDnsFqdn, String extendedProperties,
                         OffsetDateTime now) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.serviceName = serviceName;
        this.nameKey = nameKey(serviceName);
        this.label = label;
        this.description = description;
        this.location = location;
        this.affinityGroup = affinityGroup;
        this.reverseDnsFqdn = reverseDnsFqdn;
        this.extendedProperties = extendedProperties;
        this.status = "Created";
        this.dateCreated = now;
        this.dateLastModified = now;
    }

    public static String nameKey(String serviceName) {
        return serviceName.toLowerCase(Locale.ROOT);
    }

    public UUID getId() { return id; }
    public UUID getSubscriptionId() { return subscriptionId; }
    public String getServiceName() { return serviceName; }
    public String getLabel() { return label; }
    public String getDescription() { return description; }
    public String getLocation() { return location; }
    public String getAffinityGroup() { return affinityGroup; }
    public String getStatus() { return status; }
    public OffsetDateTime getDateCreated() { return dateCreated; }
    public OffsetDateTime getDateLastModified() { return dateLastModified; }
    public String getReverseDnsFqdn() { return reverseDnsFqdn; }
    public String getExtendedProperties() { return extendedProperties; }
    public List<Deployment> getDeployments() { return deployments; }

    void update(String label, String description, String reverseDnsFqdn, String extendedProperties,
                OffsetDateTime now) {
        if (label != null) {
            this.label = label;
        }
        if (description != null) {
            this.description = description;
        }
        if (reverseDnsFqdn != null) {
            this.reverseDnsFqdn = reverseDnsFqdn;
        }
        if (extendedProperties != null) {
            this.extendedProperties = extendedProperties;
        }
        this.dateLastModified = now;
    }

    void touch(OffsetDateTime now) {
        this.dateLastModified = now;
    }
}
