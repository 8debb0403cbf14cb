package io.localpack.vmm.vm;

import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.service.Service;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A VMM virtual machine, as part of a service tier or (later) on its own, owned by one subscription.
 * Field names follow the VMM.VirtualMachine properties; the wire mapping lives in {@link VirtualMachineEntitySet}.
 * The life-cycle jobs change machines in bulk through {@link VirtualMachineRepository}. Its hardware settings and
 * origin are columns of {@link VirtualMachineConfiguration}.
 */
@Entity
@Table(name = "virtual_machines")
@IdClass(VmmKey.class)
// A job or an operation changes a few of the machine's ~130 columns: the UPDATE names only those (each of the ~130
// parameters was bound through the data source's watch, and PostgreSQL parsed them all).
@DynamicUpdate
public class VirtualMachine extends VirtualMachineConfiguration {

    /** VMM's default number of upgrade domains of a tier: machines are spread over them in turn. */
    static final int UPGRADE_DOMAINS = 5;
    /** NetBIOS computer names are at most 15 characters. */
    private static final int COMPUTER_NAME_MAX = 15;

    @Id
    private UUID id;

    @Id
    @Column(name = "stamp_id")
    private UUID stampId;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private UUID subscriptionId;
    @Column(name = "service_id")
    private UUID serviceId;
    @Column(name = "cloud_id", nullable = false)
    private UUID cloudId;
    @Column(name = "computer_tier_name")
    private String computerTierName;
    /** The ComputerTier row of the machine's tier; null for a stand-alone machine. */
    @Column(name = "computer_tier_id")
    private UUID computerTierId;

    private String name;
    @Column(name = "computer_name")
    private String computerName;
    private String description;
    @Column(name = "cost_center")
    private String costCenter;
    private String tag;

    private String status;
    @Column(name = "status_string")
    private String statusString;
    @Column(name = "virtual_machine_state")
    private String virtualMachineState;
    @Column(name = "deployment_state")
    private String deploymentState;

    @Column(name = "cpu_count")
    private Integer cpuCount;
    @Column(name = "memory_mb")
    private Integer memoryMb;
    @Column(name = "operating_system")
    private String operatingSystem;

    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;
    @Column(name = "creation_time")
    private OffsetDateTime creationTime;
    @Column(name = "most_recent_task_id")
    private UUID mostRecentTaskId;
    @Column(name = "failed_job_id")
    private UUID failedJobId;
    private Boolean enabled;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "userName", column = @Column(name = "owner_user_name")),
        @AttributeOverride(name = "roleName", column = @Column(name = "owner_role_name")),
        @AttributeOverride(name = "roleId", column = @Column(name = "owner_role_id"))})
    private UserAndRole owner;

    @Column(name = "vm_host_name")
    private String vmHostName;
    @Column(name = "upgrade_domain")
    private Integer upgradeDomain;

    protected VirtualMachine() {
    }

    /**
     * The machines a newly deployed service gets: for each tier, {@code instanceCount} machines named
     * "&lt;service name&gt;-&lt;suffix&gt;&lt;NN&gt;" (e.g. "Fabrikam Shop-Web01"), with computer names built from the
     * service name's initials (e.g. "FS-WEB01"), in the service's subscription, stamp and cloud, owned like the service,
     * spread over the tier's upgrade domains. Nothing is saved; the deploy job saves them with the service, typically in
     * {@link VirtualMachineStates#UNDER_CREATION_STATE} first and {@link VirtualMachineStates#RUNNING_STATE} once
     * deployed. Hosts are not modelled: VMHostName stays null.
     *
     * @param service the service being deployed, already holding its id, stamp, subscription, cloud and name
     * @param tiers the template's tiers, e.g. {@code ComputerTierPlan.forTemplate(template.getName())}
     * @param state the initial Status, StatusString and VirtualMachineState
     * @param deploymentState DeploymentState of the machines, as the service's (e.g. "Deploying")
     * @param now AddedTime, ModifiedTime and CreationTime
     */
    public static List<VirtualMachine> forNewService(Service service, List<ComputerTierPlan> tiers,
            VirtualMachineStates.PowerState state, String deploymentState, OffsetDateTime now) {
        return forNewService(service, tiers, Map.of(), state, deploymentState, now);
    }

    /**
     * As {@link #forNewService(Service, List, VirtualMachineStates.PowerState, String, OffsetDateTime)}, with each
     * machine pointing at the ComputerTier row of its tier.
     *
     * @param tierIds ComputerTier ids by tier name; a tier missing here leaves its machines' ComputerTierId null
     */
    public static List<VirtualMachine> forNewService(Service service, List<ComputerTierPlan> tiers,
            Map<String, UUID> tierIds, VirtualMachineStates.PowerState state, String deploymentState,
            OffsetDateTime now) {
        List<VirtualMachine> machines = new ArrayList<>();
        String initials = initialsOf(service.getName());
        for (ComputerTierPlan tier : tiers) {
            for (int i = 0; i < tier.instanceCount(); i++) {
                String number = String.format(Locale.ROOT, "%02d", i + 1);
                VirtualMachine vm = new VirtualMachine();
                vm.id = UUID.randomUUID();
                vm.stampId = service.getStampId();
                vm.subscriptionId = service.getSubscriptionId();
                vm.serviceId = service.getId();
                vm.cloudId = service.getCloudId();
                vm.computerTierName = tier.name();
                vm.computerTierId = tierIds.get(tier.name());
                vm.name = service.getName() + "-" + tier.machineNameSuffix() + number;
                vm.computerName = computerName(initials, tier.machineNameSuffix() + number);
                vm.costCenter = service.getCostCenter();
                vm.cpuCount = tier.cpuCount();
                vm.memoryMb = tier.memoryMb();
                vm.operatingSystem = tier.operatingSystem();
                vm.addedTime = now;
                vm.modifiedTime = now;
                vm.creationTime = now;
                vm.enabled = true;
                vm.owner = copyOf(service.getOwner());
                vm.upgradeDomain = i % UPGRADE_DOMAINS;
                vm.deploymentState = deploymentState;
                vm.status = state.status();
                vm.statusString = state.statusString();
                vm.virtualMachineState = state.virtualMachineState();
                machines.add(vm);
            }
        }
        return machines;
    }

    /** "Network Gateway 1" gives "NG1": the first letter of each word, numbers whole, upper case. */
    static String initialsOf(String serviceName) {
        StringBuilder initials = new StringBuilder();
        for (String word : (serviceName == null ? "" : serviceName).split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            initials.append(word.chars().allMatch(Character::isDigit) ? word : word.substring(0, 1));
        }
        return initials.length() == 0 ? "SVC" : initials.toString().toUpperCase(Locale.ROOT);
    }

    private static String computerName(String initials, String machine) {
        String suffix = "-" + machine.toUpperCase(Locale.ROOT);
        int room = Math.max(1, COMPUTER_NAME_MAX - suffix.length());
        return (initials.length() > room ? initials.substring(0, room) : initials) + suffix;
    }

    private static UserAndRole copyOf(UserAndRole owner) {
        return owner == null ? null : new UserAndRole(owner.getUserName(), owner.getRoleName(), owner.getRoleId());
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

    public UUID getCloudId() {
        return cloudId;
    }

    public String getComputerTierName() {
        return computerTierName;
    }

    public UUID getComputerTierId() {
        return computerTierId;
    }

    public String getName() {
        return name;
    }

    public String getComputerName() {
        return computerName;
    }

    public String getDescription() {
        return description;
    }

    public String getCostCenter() {
        return costCenter;
    }

    public String getTag() {
        return tag;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusString() {
        return statusString;
    }

    public String getVirtualMachineState() {
        return virtualMachineState;
    }

    public String getDeploymentState() {
        return deploymentState;
    }

    public Integer getCpuCount() {
        return cpuCount;
    }

    public Integer getMemoryMb() {
        return memoryMb;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }

    public OffsetDateTime getCreationTime() {
        return creationTime;
    }

    public UUID getMostRecentTaskId() {
        return mostRecentTaskId;
    }

    public UUID getFailedJobId() {
        return failedJobId;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public UserAndRole getOwner() {
        return owner;
    }

    public String getVmHostName() {
        return vmHostName;
    }

    public Integer getUpgradeDomain() {
        return upgradeDomain;
    }


    // Changes made by the stand-alone machine life cycle (VirtualMachineLifecycle and its jobs).

    /** Shows a state of {@link VirtualMachineStates}: Status, StatusString and VirtualMachineState together. */
    public void showState(VirtualMachineStates.PowerState state, OffsetDateTime now) {
        this.status = state.status();
        this.statusString = state.statusString();
        this.virtualMachineState = state.virtualMachineState();
        this.modifiedTime = now;
        // Saving keeps the memory on disk until the machine starts again or the state is discarded.
        if (VirtualMachineStates.SAVED.equals(state.status())) {
            this.hasSavedState = true;
        } else if (VirtualMachineStates.RUNNING.equals(state.status())
                || VirtualMachineStates.POWER_OFF.equals(state.status())) {
            this.hasSavedState = false;
        }
    }

    /** The checkpoint the machine was last restored to (LastRestoredCheckpointId). */
    public void setLastRestoredCheckpointId(UUID checkpointId) {
        this.lastRestoredCheckpointId = checkpointId;
    }

    /**
     * What a new stand-alone machine is made of, resolved from its template, or its profile and library disk, and the
     * request's own values.
     */
    public record Blueprint(String name, String computerName, String description, int cpuCount, int memoryMb,
            boolean dynamicMemoryEnabled, Integer dynamicMemoryMinimumMb, Integer dynamicMemoryMaximumMb,
            Integer dynamicMemoryBufferPercentage, int generation, String cpuType, String operatingSystem,
            UUID vmTemplateId, UUID hardwareProfileId, UUID virtualHardDiskId, long totalSize, String location) {
    }

    /** A new stand-alone machine of a subscription, UnderCreation; its create job does the rest. Nothing is saved. */
    public static VirtualMachine standAlone(UUID id, UUID stampId, UUID subscriptionId, UUID cloudId,
            Blueprint blueprint, UserAndRole owner, OffsetDateTime now) {
        VirtualMachine vm = new VirtualMachine();
        vm.id = id;
        vm.stampId = stampId;
        vm.subscriptionId = subscriptionId;
        vm.cloudId = cloudId;
        vm.name = blueprint.name();
        vm.computerName = blueprint.computerName();
        vm.description = blueprint.description();
        vm.cpuCount = blueprint.cpuCount();
        vm.memoryMb = blueprint.memoryMb();
        vm.operatingSystem = blueprint.operatingSystem();
        vm.configureFrom(blueprint);
        vm.owner = owner;
        vm.enabled = true;
        vm.addedTime = now;
        vm.creationTime = now;
        vm.showState(VirtualMachineStates.UNDER_CREATION_STATE, now);
        return vm;
    }

    /** The job that last worked on the machine (MostRecentTaskId). */
    public void setMostRecentTaskId(UUID jobId) {
        this.mostRecentTaskId = jobId;
    }

    /** The job that failed on the machine (FailedJobID); null clears it. */
    public void setFailedJobId(UUID jobId) {
        this.failedJobId = jobId;
    }

    /** Applies a change of properties: null members keep the current value. */
    public void apply(VirtualMachineUpdate update, OffsetDateTime now) {
        if (update.name() != null) {
            this.name = update.name();
        }
        if (update.description() != null) {
            this.description = update.description();
        }
        if (update.cpuCount() != null) {
            this.cpuCount = update.cpuCount();
        }
        if (update.memoryMb() != null) {
            this.memoryMb = update.memoryMb();
        }
        applyConfiguration(update);
        this.modifiedTime = now;
    }
}
