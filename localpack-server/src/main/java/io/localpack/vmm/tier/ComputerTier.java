package io.localpack.vmm.tier;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.service.Service;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One tier of a deployed VMM service (VMM.ComputerTier), e.g. the "Web Tier" of a website: the machines of the tier
 * point at it through their ComputerTierId. Field names follow the VMM.ComputerTier properties; the wire mapping lives
 * in {@link ComputerTierEntitySet}. Tiers are created by the deploy job and go with their service.
 */
@Entity
@Table(name = "computer_tiers")
@IdClass(VmmKey.class)
public class ComputerTier {

    public static final String STATUS_OK = "OK";
    public static final String STATUS_NEEDS_ATTENTION = "NeedsAttention";

    @Id
    private UUID id;

    @Id
    @Column(name = "stamp_id")
    private UUID stampId;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private UUID subscriptionId;
    @Column(name = "service_id", nullable = false, updatable = false)
    private UUID serviceId;

    private String name;
    private String description;
    @Column(name = "deployment_state")
    private String deploymentState;
    @Column(name = "computer_tier_status")
    private String computerTierStatus;
    @Column(name = "instance_minimum_count")
    private Integer instanceMinimumCount;
    @Column(name = "instance_maximum_count")
    private Integer instanceMaximumCount;

    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;
    @Column(name = "failed_job_id")
    private UUID failedJobId;
    private Boolean enabled;
    private String accessibility;
    @Column(name = "all_vms_accessible")
    private Boolean allVmsAccessible;

    protected ComputerTier() {
    }

    /**
     * A tier of a newly deployed service, in the service's subscription and stamp, accessible like the service. Nothing
     * is saved. LocalPack does not scale tiers out, so the tier holds between one and {@code instanceCount} machines.
     *
     * @param service the service being deployed, already holding its id, stamp, subscription and accessibility
     * @param name tier name, e.g. "Web Tier"
     * @param instanceCount machines the tier deploys (at least one)
     * @param deploymentState DeploymentState, as the service's (e.g. "Deploying")
     * @param now AddedTime and ModifiedTime
     */
    public static ComputerTier forNewService(Service service, String name, int instanceCount, String deploymentState,
            OffsetDateTime now) {
        ComputerTier tier = new ComputerTier();
        tier.id = UUID.randomUUID();
        tier.stampId = service.getStampId();
        tier.subscriptionId = service.getSubscriptionId();
        tier.serviceId = service.getId();
        tier.name = name;
        tier.description = "";
        tier.deploymentState = deploymentState;
        tier.computerTierStatus = STATUS_OK;
        tier.instanceMinimumCount = 1;
        tier.instanceMaximumCount = instanceCount;
        tier.addedTime = now;
        tier.modifiedTime = now;
        tier.enabled = true;
        tier.accessibility = service.getAccessibility();
        tier.allVmsAccessible = service.getAllVmsAccessible();
        return tier;
    }

    public VmmKey key() {
        return new VmmKey(id, stampId);
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public UUID getServiceId() {
        return serviceId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getDeploymentState() {
        return deploymentState;
    }

    public String getComputerTierStatus() {
        return computerTierStatus;
    }

    public Integer getInstanceMinimumCount() {
        return instanceMinimumCount;
    }

    public Integer getInstanceMaximumCount() {
        return instanceMaximumCount;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }

    public UUID getFailedJobId() {
        return failedJobId;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public Boolean getAllVmsAccessible() {
        return allVmsAccessible;
    }
}
