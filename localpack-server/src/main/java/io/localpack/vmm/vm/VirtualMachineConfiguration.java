package io.localpack.vmm.vm;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The columns of a {@link VirtualMachine} that say what it is made of and where it came from: hardware settings,
 * saved state, template, profile and disk. Kept apart only to keep the entity readable; they are attributes of
 * {@code VirtualMachine} for JPA and $filter alike.
 */
@MappedSuperclass
public abstract class VirtualMachineConfiguration {

    // Hardware and origin (V9). The initial values are Hyper-V's for a VM created without saying otherwise, as the
    // columns' defaults: JPA inserts every column, so a new machine (service tier or stand-alone) needs them here.
    protected Integer generation = 1;
    @Column(name = "dynamic_memory_enabled")
    protected Boolean dynamicMemoryEnabled = false;
    @Column(name = "dynamic_memory_minimum_mb")
    protected Integer dynamicMemoryMinimumMb;
    @Column(name = "dynamic_memory_maximum_mb")
    protected Integer dynamicMemoryMaximumMb;
    @Column(name = "dynamic_memory_buffer_percentage")
    protected Integer dynamicMemoryBufferPercentage;
    @Column(name = "memory_weight")
    protected Integer memoryWeight = 5000;
    @Column(name = "cpu_max")
    protected Integer cpuMax = 100;
    @Column(name = "cpu_reserve")
    protected Integer cpuReserve = 0;
    @Column(name = "cpu_relative_weight")
    protected Integer cpuRelativeWeight = 100;
    @Column(name = "cpu_type")
    protected String cpuType;
    @Column(name = "limit_cpu_for_migration")
    protected Boolean limitCpuForMigration = false;
    @Column(name = "limit_cpu_functionality")
    protected Boolean limitCpuFunctionality = false;
    @Column(name = "highly_available")
    protected Boolean highlyAvailable = false;
    @Column(name = "block_dynamic_optimization")
    protected Boolean blockDynamicOptimization = false;
    @Column(name = "start_action")
    protected String startAction = "TurnOnVMIfRunningWhenVSStopped";
    @Column(name = "stop_action")
    protected String stopAction = "SaveVM";
    @Column(name = "delay_start_seconds")
    protected Integer delayStartSeconds = 0;
    @Column(name = "has_saved_state")
    protected Boolean hasSavedState = false;
    @Column(name = "last_restored_checkpoint_id")
    protected UUID lastRestoredCheckpointId;
    @Column(name = "vm_template_id")
    protected UUID vmTemplateId;
    @Column(name = "hardware_profile_id")
    protected UUID hardwareProfileId;
    @Column(name = "virtual_hard_disk_id")
    protected UUID virtualHardDiskId;
    @Column(name = "total_size")
    protected Long totalSize = 0L;
    protected String location;
    @Column(name = "capability_profile")
    protected String capabilityProfile;
    /** The VM Role the machine is an instance of (V13), null for others; the role's name is CloudVMRoleName. */
    @Column(name = "vm_role_id")
    protected UUID vmRoleId;
    @Column(name = "cloud_vm_role_name")
    protected String cloudVmRoleName;

    /** Makes the machine an instance of a VM Role (before it is first saved). */
    void assignToRole(UUID roleId, String roleName) {
        this.vmRoleId = roleId;
        this.cloudVmRoleName = roleName;
    }

    public UUID getVmRoleId() {
        return vmRoleId;
    }

    public String getCloudVmRoleName() {
        return cloudVmRoleName;
    }

    public Integer getGeneration() {
        return generation;
    }

    public Boolean getDynamicMemoryEnabled() {
        return dynamicMemoryEnabled;
    }

    public Integer getDynamicMemoryMinimumMb() {
        return dynamicMemoryMinimumMb;
    }

    public Integer getDynamicMemoryMaximumMb() {
        return dynamicMemoryMaximumMb;
    }

    public Integer getDynamicMemoryBufferPercentage() {
        return dynamicMemoryBufferPercentage;
    }

    public Integer getMemoryWeight() {
        return memoryWeight;
    }

    public Integer getCpuMax() {
        return cpuMax;
    }

    public Integer getCpuReserve() {
        return cpuReserve;
    }

    public Integer getCpuRelativeWeight() {
        return cpuRelativeWeight;
    }

    public String getCpuType() {
        return cpuType;
    }

    public Boolean getLimitCpuForMigration() {
        return limitCpuForMigration;
    }

    public Boolean getLimitCpuFunctionality() {
        return limitCpuFunctionality;
    }

    public Boolean getHighlyAvailable() {
        return highlyAvailable;
    }

    public Boolean getBlockDynamicOptimization() {
        return blockDynamicOptimization;
    }

    public String getStartAction() {
        return startAction;
    }

    public String getStopAction() {
        return stopAction;
    }

    public Integer getDelayStartSeconds() {
        return delayStartSeconds;
    }

    public Boolean getHasSavedState() {
        return hasSavedState;
    }

    public UUID getLastRestoredCheckpointId() {
        return lastRestoredCheckpointId;
    }

    public UUID getVmTemplateId() {
        return vmTemplateId;
    }

    public UUID getHardwareProfileId() {
        return hardwareProfileId;
    }

    public UUID getVirtualHardDiskId() {
        return virtualHardDiskId;
    }

    public Long getTotalSize() {
        return totalSize;
    }

    public String getLocation() {
        return location;
    }

    public String getCapabilityProfile() {
        return capabilityProfile;
    }

    /** The configuration of a new stand-alone machine. */
    protected void configureFrom(VirtualMachine.Blueprint blueprint) {
        dynamicMemoryEnabled = blueprint.dynamicMemoryEnabled();
        dynamicMemoryMinimumMb = blueprint.dynamicMemoryMinimumMb();
        dynamicMemoryMaximumMb = blueprint.dynamicMemoryMaximumMb();
        dynamicMemoryBufferPercentage = blueprint.dynamicMemoryBufferPercentage();
        generation = blueprint.generation();
        cpuType = blueprint.cpuType();
        vmTemplateId = blueprint.vmTemplateId();
        hardwareProfileId = blueprint.hardwareProfileId();
        virtualHardDiskId = blueprint.virtualHardDiskId();
        totalSize = blueprint.totalSize();
        location = blueprint.location();
    }

    /** The configuration members of a change: null members keep the current value. */
    protected void applyConfiguration(VirtualMachineUpdate update) {
        if (update.dynamicMemoryEnabled() != null) {
            dynamicMemoryEnabled = update.dynamicMemoryEnabled();
        }
        if (update.dynamicMemoryMinimumMb() != null) {
            dynamicMemoryMinimumMb = update.dynamicMemoryMinimumMb();
        }
        if (update.dynamicMemoryMaximumMb() != null) {
            dynamicMemoryMaximumMb = update.dynamicMemoryMaximumMb();
        }
        if (update.hardwareProfileId() != null) {
            hardwareProfileId = update.hardwareProfileId();
        }
    }
}
