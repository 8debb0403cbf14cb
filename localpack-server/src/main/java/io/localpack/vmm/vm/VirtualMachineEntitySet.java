package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT16;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.ComplexTypeDeclaration;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code VirtualMachines} entity set: VMM.VirtualMachine on the wire over {@link VirtualMachine} rows, the machines
 * of the subscription, with navigations to their devices and checkpoints.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualMachineEntitySet {

    /** VMM's default expectation of a VM's CPU use, in percent (Set-SCVirtualMachine -ExpectedCPUUtilization). */
    static final int EXPECTED_CPU_UTILIZATION = 20;
    static final String HYPER_V = "HyperV";

    /** Write-only: read from a create's body, never stored as such. */
    public static final ComplexTypeDeclaration<NewVmNetworkAdapterInput> NEW_ADAPTER_INPUT =
            ComplexTypeDeclaration.builder("NewVMVirtualNetworkAdapterInput", NewVmNetworkAdapterInput.class)
                    .property("VMNetworkName", STRING, NewVmNetworkAdapterInput::vmNetworkName)
                    .property("VMNetworkId", GUID, NewVmNetworkAdapterInput::vmNetworkId)
                    .property("VMSubnetName", STRING, NewVmNetworkAdapterInput::vmSubnetName)
                    .property("MACAddressType", STRING, NewVmNetworkAdapterInput::macAddressType)
                    .property("MACAddress", STRING, NewVmNetworkAdapterInput::macAddress)
                    .property("IPv4AddressType", STRING, NewVmNetworkAdapterInput::ipv4AddressType)
                    .property("IPv6AddressType", STRING, NewVmNetworkAdapterInput::ipv6AddressType)
                    .property("VLanEnabled", BOOLEAN, NewVmNetworkAdapterInput::vlanEnabled)
                    .property("VLanId", INT16, NewVmNetworkAdapterInput::vlanId)
                    .build();

    public static final ComplexTypeDeclaration<VmNetworkAssignment> NETWORK_ASSIGNMENT =
            ComplexTypeDeclaration.builder("VMNetworkAssignment", VmNetworkAssignment.class)
                    .property("VirtualNetworkAdapterId", GUID, VmNetworkAssignment::virtualNetworkAdapterId)
                    .property("VMNetworkName", STRING, VmNetworkAssignment::vmNetworkName)
                    .build();

    public static final ComplexTypeDeclaration<GuestOperatingSystem> OPERATING_SYSTEM =
            ComplexTypeDeclaration.builder("OperatingSystem", GuestOperatingSystem.class)
                    .property("Architecture", STRING, GuestOperatingSystem::architecture)
                    .property("Description", STRING, GuestOperatingSystem::name)
                    .property("Edition", STRING, GuestOperatingSystem::edition)
                    .property("Name", STRING, GuestOperatingSystem::name)
                    .property("OSType", STRING, GuestOperatingSystem::osType)
                    .property("ProductType", STRING, GuestOperatingSystem::productType)
                    .property("Version", STRING, GuestOperatingSystem::version)
                    .build();

    /**
     * VMM.ErrorInfo (shared/spec/vmm-states.md 3.4) as a VM's DeploymentErrorInfo: LocalPack's stand-alone VMs have no
     * deployment error to show, so every member reads null.
     */
    public static final ComplexTypeDeclaration<Object> ERROR_INFO =
            ComplexTypeDeclaration.builder("ErrorInfo", Object.class)
                    .property("CloudProblem", STRING, none -> null)
                    .property("Code", STRING, none -> null)
                    .property("DetailedCode", INT32, none -> null)
                    .property("DetailedErrorCode", STRING, none -> null)
                    .property("DetailedSource", STRING, none -> null)
                    .property("DisplayableErrorCode", STRING, none -> null)
                    .property("ErrorCodeString", STRING, none -> null)
                    .property("ErrorType", STRING, none -> null)
                    .property("ExceptionDetails", STRING, none -> null)
                    .property("IsConditionallyTerminating", BOOLEAN, none -> null)
                    .property("IsDeploymentBlocker", BOOLEAN, none -> null)
                    .property("IsMomAlert", BOOLEAN, none -> null)
                    .property("IsSuccess", BOOLEAN, none -> null)
                    .property("IsTerminating", BOOLEAN, none -> null)
                    .property("MessageParameters", STRING, none -> null)
                    .property("Problem", STRING, none -> null)
                    .property("RecommendedAction", STRING, none -> null)
                    .property("RecommendedActionCLI", STRING, none -> null)
                    .property("ShowDetailedError", BOOLEAN, none -> null)
                    .build();

    /**
     * VMM.VirtualMachine with SPF 2012 R2's property list (shared/spec/vmm-vms-networks-vmroles.md 2.1; the later
     * shielding members are left out), in case-insensitive alphabetical order, SPF's own order being unknown. Three
     * kinds of member: stored ones (queryable); ones derived from the stored state (e.g. MemoryAssignedMB is the
     * memory of a VM on its host, 0 when off); and write-only ones (guest customisation, Operation and its flags,
     * StartVM), which GET answers null or [] and which are never stored.
     */
    @Bean
    @Order(50)
    EntitySetDeclaration<VirtualMachine> virtualMachines(VirtualMachineRepository machines,
            VirtualMachineWrites writes) {
        return EntitySetDeclaration.builder("VirtualMachines", "VirtualMachine", VirtualMachine.class)
                .property("AddedTime", DATE_TIME, VirtualMachine::getAddedTime).queryable("addedTime")
                .property("Agent", BOOLEAN, vm -> null).writable()
                .property("AllocatedGPU", STRING, vm -> null)
                .property("BackupEnabled", BOOLEAN, vm -> true)
                .property("BlockDynamicOptimization", BOOLEAN, VirtualMachine::getBlockDynamicOptimization)
                .queryable("blockDynamicOptimization")
                .property("BlockLiveMigrationIfHostBusy", BOOLEAN, vm -> false)
                .property("CanVMConnect", BOOLEAN, VirtualMachineEntitySet::isOnHost)
                .property("CapabilityProfile", STRING, VirtualMachine::getCapabilityProfile)
                .queryable("capabilityProfile")
                .property("CheckpointLocation", STRING, VirtualMachine::getLocation)
                .property("CloudId", GUID, VirtualMachine::getCloudId).queryable("cloudId").writable()
                .property("CloudVMRoleName", STRING, VirtualMachine::getCloudVmRoleName).queryable("cloudVmRoleName")
                .property("ComputerName", STRING, VirtualMachine::getComputerName).queryable("computerName").writable()
                .property("ComputerTierId", GUID, VirtualMachine::getComputerTierId).queryable("computerTierId")
                .property("CostCenter", STRING, VirtualMachine::getCostCenter).queryable("costCenter")
                .property("CPUCount", BYTE, VirtualMachine::getCpuCount).queryable("cpuCount").writable()
                .property("CPULimitForMigration", BOOLEAN, VirtualMachine::getLimitCpuForMigration)
                .property("CPULimitFunctionality", BOOLEAN, VirtualMachine::getLimitCpuFunctionality)
                .property("CPUMax", INT32, VirtualMachine::getCpuMax).queryable("cpuMax")
                .property("CPURelativeWeight", INT32, VirtualMachine::getCpuRelativeWeight)
                .queryable("cpuRelativeWeight")
                .property("CPUReserve", INT32, VirtualMachine::getCpuReserve).queryable("cpuReserve")
                .property("CPUType", STRING, VirtualMachine::getCpuType).queryable("cpuType")
                .property("CPUUtilization", INT32, VirtualMachineEntitySet::cpuUtilization)
                .property("CreationSource", STRING, VirtualMachineEntitySet::creationSource)
                .property("CreationTime", DATE_TIME, VirtualMachine::getCreationTime).queryable("creationTime")
                .property("DataExchangeEnabled", BOOLEAN, vm -> true)
                .property("DelayStart", INT32, VirtualMachine::getDelayStartSeconds)
                .property("DelayStartSeconds", INT32, VirtualMachine::getDelayStartSeconds)
                .queryable("delayStartSeconds")
                .complex("DeploymentErrorInfo", ERROR_INFO, vm -> null)
                .property("DeployPath", STRING, vm -> null)
                .property("Description", STRING, VirtualMachine::getDescription).queryable("description").writable()
                .property("DiskIO", INT32, vm -> 0)
                .property("Dismiss", BOOLEAN, vm -> null).writable()
                .property("Domain", STRING, vm -> null)
                .property("DynamicMemoryBufferPercentage", INT32, VirtualMachine::getDynamicMemoryBufferPercentage)
                .queryable("dynamicMemoryBufferPercentage")
                .property("DynamicMemoryDemandMB", INT32, VirtualMachineEntitySet::memoryInUse)
                .property("DynamicMemoryEnabled", BOOLEAN, VirtualMachine::getDynamicMemoryEnabled)
                .queryable("dynamicMemoryEnabled").writable()
                .property("DynamicMemoryMaximumMB", INT32, VirtualMachine::getDynamicMemoryMaximumMb)
                .queryable("dynamicMemoryMaximumMb").writable()
                .property("DynamicMemoryMinimumMB", INT32, VirtualMachine::getDynamicMemoryMinimumMb)
                .queryable("dynamicMemoryMinimumMb").writable()
                .property("Enabled", BOOLEAN, VirtualMachine::getEnabled).queryable("enabled")
                .property("ExcludeFromPRO", BOOLEAN, vm -> false)
                .property("ExpectedCPUUtilization", INT32, vm -> EXPECTED_CPU_UTILIZATION)
                .property("FailedJobID", GUID, VirtualMachine::getFailedJobId).queryable("failedJobId")
                .property("FullName", STRING, vm -> null)
                .property("Generation", INT32, VirtualMachine::getGeneration).queryable("generation")
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE, vm -> List.of())
                .property("HardwareProfileId", GUID, VirtualMachine::getHardwareProfileId)
                .queryable("hardwareProfileId").writable()
                .property("HasPassthroughDisk", BOOLEAN, vm -> false)
                .property("HasSavedState", BOOLEAN, VirtualMachine::getHasSavedState).queryable("hasSavedState")
                .property("HasVMAdditions", BOOLEAN, vm -> true)
                .property("HeartbeatEnabled", BOOLEAN, vm -> true)
                .property("HighlyAvailable", BOOLEAN, VirtualMachine::getHighlyAvailable).queryable("highlyAvailable")
                .key("ID", VirtualMachine::getId).queryable("id")
                .property("IsFaultTolerant", BOOLEAN, vm -> false)
                .property("IsHighlyAvailable", BOOLEAN, VirtualMachine::getHighlyAvailable)
                .property("IsRecoveryVM", BOOLEAN, vm -> false)
                .property("IsUndergoingLiveMigration", BOOLEAN, vm -> false)
                .property("LastRestoredCheckpointId", GUID, VirtualMachine::getLastRestoredCheckpointId)
                .queryable("lastRestoredCheckpointId")
                .property("LibraryGroup", STRING, vm -> null)
                .property("LimitCPUForMigration", BOOLEAN, VirtualMachine::getLimitCpuForMigration)
                .queryable("limitCpuForMigration")
                .property("LimitCPUFunctionality", BOOLEAN, VirtualMachine::getLimitCpuFunctionality)
                .queryable("limitCpuFunctionality")
                .property("LinuxAdministratorSSHKey", STRING, vm -> null).writable()
                .property("LinuxAdministratorSSHKeyString", STRING, vm -> null).writable()
                .property("LinuxDomainName", STRING, vm -> null)
                .property("LocalAdminPassword", STRING, vm -> null).writable()
                .property("LocalAdminRunAsAccountName", STRING, vm -> null)
                .property("LocalAdminUserName", STRING, vm -> null).writable()
                .property("Location", STRING, VirtualMachine::getLocation).queryable("location")
                .property("MarkedAsTemplate", BOOLEAN, vm -> false)
                .property("Memory", INT32, VirtualMachine::getMemoryMb).queryable("memoryMb").writable()
                .property("MemoryAssignedMB", INT32, VirtualMachineEntitySet::memoryInUse)
                .property("MemoryAvailablePercentage", INT16, VirtualMachineEntitySet::memoryAvailablePercentage)
                .property("MemoryWeight", INT32, VirtualMachine::getMemoryWeight).queryable("memoryWeight")
                .property("ModifiedTime", DATE_TIME, VirtualMachine::getModifiedTime).queryable("modifiedTime")
                .property("MostRecentTaskId", GUID, VirtualMachine::getMostRecentTaskId).queryable("mostRecentTaskId")
                .property("Name", STRING, VirtualMachine::getName).queryable("name").writable()
                .property("NetworkUtilization", INT32, vm -> 0)
                .complexCollection("NewVirtualNetworkAdapterInput", NEW_ADAPTER_INPUT,
                        vm -> List.of()).writable()
                .property("NumLock", BOOLEAN, vm -> false)
                .property("OperatingSystem", STRING, VirtualMachine::getOperatingSystem).queryable("operatingSystem")
                .complex("OperatingSystemInstance", OPERATING_SYSTEM,
                        vm -> GuestOperatingSystem.named(vm.getOperatingSystem()))
                .property("OperatingSystemShutdownEnabled", BOOLEAN, vm -> true)
                .property("Operation", STRING, vm -> null).writable()
                .property("OrganizationName", STRING, vm -> null)
                .complex("Owner", CommonTypes.USER_AND_ROLE, VirtualMachine::getOwner).queryable("owner")
                .property("Password", STRING, vm -> null)
                .property("Path", STRING, VirtualMachine::getLocation)
                .property("PerfCPUUtilization", INT32, VirtualMachineEntitySet::cpuUtilization)
                .property("PerfDiskBytesRead", INT64, vm -> 0L)
                .property("PerfDiskBytesWrite", INT64, vm -> 0L)
                .property("PerfNetworkBytesRead", INT64, vm -> 0L)
                .property("PerfNetworkBytesWrite", INT64, vm -> 0L)
                .property("ProductKey", STRING, vm -> null).writable()
                .property("Retry", BOOLEAN, vm -> null).writable()
                .property("RunAsAccountUserName", STRING, vm -> null)
                .property("RunGuestAccount", STRING, vm -> null)
                .property("ServiceDeploymentErrorMessage", STRING, vm -> null)
                .property("ServiceId", GUID, VirtualMachine::getServiceId).queryable("serviceId")
                .property("SharePath", STRING, vm -> null)
                .property("SourceObjectType", STRING, VirtualMachineEntitySet::sourceObjectType)
                .key("StampId", VirtualMachine::getStampId).queryable("stampId").writable()
                .property("StartAction", STRING, VirtualMachine::getStartAction).queryable("startAction")
                .property("StartVM", BOOLEAN, vm -> null).writable()
                .property("Status", STRING, VirtualMachine::getStatus).queryable("status")
                .property("StatusString", STRING, VirtualMachine::getStatusString).queryable("statusString")
                .property("StopAction", STRING, VirtualMachine::getStopAction).queryable("stopAction")
                .property("Tag", STRING, VirtualMachine::getTag).queryable("tag")
                .property("TimeSynchronizationEnabled", BOOLEAN, vm -> true)
                .property("TimeZone", INT32, vm -> null)
                .property("TotalSize", INT64, VirtualMachine::getTotalSize).queryable("totalSize")
                .property("Undo", BOOLEAN, vm -> null).writable()
                .property("UndoDisksEnabled", BOOLEAN, vm -> false)
                .property("UpgradeDomain", INT32, VirtualMachine::getUpgradeDomain).queryable("upgradeDomain")
                .property("UseCluster", BOOLEAN, vm -> false)
                .property("UseLAN", BOOLEAN, vm -> false)
                .property("UserName", STRING, vm -> null)
                .property("VirtualHardDiskId", GUID, VirtualMachine::getVirtualHardDiskId)
                .queryable("virtualHardDiskId").writable()
                .property("VirtualizationPlatform", STRING, vm -> HYPER_V)
                .property("VirtualMachineState", STRING, VirtualMachine::getVirtualMachineState)
                .queryable("virtualMachineState")
                .property("VMBaseConfigurationId", GUID, vm -> null)
                .property("VMConfigResource", STRING, vm -> null)
                .property("VMCPath", STRING, VirtualMachine::getLocation)
                .property("VMHostName", STRING, VirtualMachine::getVmHostName).queryable("vmHostName")
                .property("VMId", STRING, VirtualMachineEntitySet::hyperVId)
                .complexCollection("VMNetworkAssignments", NETWORK_ASSIGNMENT, vm -> List.of())
                .property("VMResource", STRING, vm -> null)
                .property("VMResourceGroup", STRING, vm -> null)
                .property("VMTemplateId", GUID, VirtualMachine::getVmTemplateId).queryable("vmTemplateId").writable()
                .property("WorkGroup", STRING, vm -> null)
                .collectionNavigation("VirtualNetworkAdapters", "VirtualNetworkAdapters", VirtualMachineEntitySet::devicesOf)
                .collectionNavigation("VirtualDiskDrives", "VirtualDiskDrives", VirtualMachineEntitySet::devicesOf)
                .collectionNavigation("VirtualHardDisks", "VirtualHardDisks", VirtualMachineEntitySet::devicesOf)
                .collectionNavigation("VirtualDVDDrives", "VirtualDVDDrives", VirtualMachineEntitySet::devicesOf)
                .collectionNavigation("VirtualSCSIAdapters", "VirtualSCSIAdapters", VirtualMachineEntitySet::devicesOf)
                .collectionNavigation("VMCheckpoints", "VMCheckPoints", VirtualMachineEntitySet::devicesOf)
                .writes(writes)
                .scope(TenantScope.ownedRows(), machines::findOwned)
                .build();
    }

    /** A VM's rows in its device and checkpoint sets: those naming it by VMId (indexed by vm_id, stamp_id). */
    private static Map<String, Object> devicesOf(VirtualMachine vm) {
        return Map.of("vmId", vm.getId(), "stampId", vm.getStampId());
    }

    /** Whether the VM exists on its host with memory assigned: running or paused (a saved VM has none). */
    static Boolean isOnHost(VirtualMachine vm) {
        return VirtualMachineStates.RUNNING_STATE.status().equals(vm.getStatus()) || "Paused".equals(vm.getStatus());
    }

    /** A steady small figure for a running VM; LocalPack has no guest to measure. */
    static Integer cpuUtilization(VirtualMachine vm) {
        return VirtualMachineStates.RUNNING_STATE.status().equals(vm.getStatus()) ? 5 : 0;
    }

    /** A VM on its host uses its (startup) memory; one that is off or saved none. */
    static Integer memoryInUse(VirtualMachine vm) {
        return isOnHost(vm) && vm.getMemoryMb() != null ? vm.getMemoryMb() : 0;
    }

    static Short memoryAvailablePercentage(VirtualMachine vm) {
        return isOnHost(vm) ? (short) 20 : (short) 0;
    }

    static String creationSource(VirtualMachine vm) {
        return vm.getVmTemplateId() != null ? "VMTemplate" : vm.getVirtualHardDiskId() != null ? "VirtualHardDisk" : null;
    }

    static String sourceObjectType(VirtualMachine vm) {
        return vm.getVmTemplateId() != null ? "VM Template" : vm.getVirtualHardDiskId() != null ? "Virtual Hard Disk"
                : null;
    }

    /** Hyper-V's own id of the VM, as VMM shows it: LocalPack reuses the VMM id, upper case. */
    static String hyperVId(VirtualMachine vm) {
        return vm.getId().toString().toUpperCase(Locale.ROOT);
    }
}
