package io.localpack.vmm.library;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import io.localpack.vmm.vm.GuestOperatingSystem;
import io.localpack.vmm.vm.VirtualMachineTypes;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * What a VM is made from, read-only to tenants: {@code VMTemplates} and {@code HardwareProfiles} (visible through
 * grants, like clouds and service templates) and {@code VirtualHardDisks} (library disks through grants, a VM's own
 * disks by ownership). Members clients read but LocalPack does not model read null, [] or VMM's default.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryEntitySets {

    /** VMM's template "CustomProperties": ten custom properties, empty unless an administrator sets them. */
    private static final List<String> EMPTY_CUSTOM_PROPERTIES = Collections.nCopies(10, "");

    /** VMM.VMTemplate (spec 2.6, the members DAS and the WAP sample show); navigation to its network adapters. */
    @Bean
    @Order(76)
    EntitySetDeclaration<VmTemplate> vmTemplates(VmTemplateRepository templates) {
        return EntitySetDeclaration.builder("VMTemplates", "VMTemplate", VmTemplate.class)
                .property("Accessibility", STRING, VmTemplate::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, VmTemplate::getAddedTime).queryable("addedTime")
                .property("AdminPasswordHasValue", BOOLEAN, VmTemplate::getAdminPasswordHasValue)
                .queryable("adminPasswordHasValue")
                .primitiveCollection("BootOrder", STRING, t -> SeparatedValues.of(t.getBootOrder()))
                .property("CloudID", GUID, t -> null)
                .property("ComputerName", STRING, VmTemplate::getComputerName).queryable("computerName")
                .property("CPUCount", BYTE, VmTemplate::getCpuCount).queryable("cpuCount")
                .property("CPUMax", INT32, VmTemplate::getCpuMax).queryable("cpuMax")
                .property("CPUReserve", INT32, VmTemplate::getCpuReserve).queryable("cpuReserve")
                .property("CPUType", STRING, VmTemplate::getCpuType).queryable("cpuType")
                .primitiveCollection("CustomProperties", STRING, t -> EMPTY_CUSTOM_PROPERTIES)
                .property("Description", STRING, VmTemplate::getDescription).queryable("description")
                .property("DiskIO", INT32, t -> 0)
                .property("DomainAdmin", STRING, t -> null)
                .property("DomainJoinOrganizationalUnit", STRING, t -> null)
                .property("DynamicMemoryBufferPercentage", INT32, VmTemplate::getDynamicMemoryBufferPercentage)
                .queryable("dynamicMemoryBufferPercentage")
                .property("DynamicMemoryEnabled", BOOLEAN, VmTemplate::getDynamicMemoryEnabled)
                .queryable("dynamicMemoryEnabled")
                .property("DynamicMemoryMaximumMB", INT32, VmTemplate::getDynamicMemoryMaximumMb)
                .queryable("dynamicMemoryMaximumMb")
                .property("DynamicMemoryMinimumMB", INT32, VmTemplate::getDynamicMemoryMinimumMb)
                .queryable("dynamicMemoryMinimumMb")
                .property("Enabled", BOOLEAN, VmTemplate::getEnabled).queryable("enabled")
                .property("Generation", INT32, VmTemplate::getGeneration).queryable("generation")
                .primitiveCollection("GuiRunOnceCommands", STRING, t -> List.of())
                .property("HardwareProfileId", GUID, VmTemplate::getHardwareProfileId).queryable("hardwareProfileId")
                .key("ID", VmTemplate::getId).queryable("id")
                .property("IsCustomizable", BOOLEAN, VmTemplate::getIsCustomizable).queryable("isCustomizable")
                .property("JoinDomain", STRING, t -> null)
                .property("JoinWorkgroup", STRING, t -> "Windows".equals(t.getOsType()) ? "WORKGROUP" : null)
                .property("LimitCPUForMigration", BOOLEAN, VmTemplate::getLimitCpuForMigration)
                .queryable("limitCpuForMigration")
                .property("LimitCPUFunctionality", BOOLEAN, VmTemplate::getLimitCpuFunctionality)
                .queryable("limitCpuFunctionality")
                .property("Memory", INT32, VmTemplate::getMemoryMb).queryable("memoryMb")
                .property("ModifiedTime", DATE_TIME, VmTemplate::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VmTemplate::getName).queryable("name")
                .property("NicCount", INT32, VmTemplate::getNicCount)
                .property("OperatingSystem", STRING, VmTemplate::getOperatingSystem).queryable("operatingSystem")
                .complex("OperatingSystemInstance", VirtualMachineTypes.OPERATING_SYSTEM,
                        t -> GuestOperatingSystem.named(t.getOperatingSystem()))
                .property("OSType", STRING, VmTemplate::getOsType).queryable("osType")
                .complex("Owner", CommonTypes.USER_AND_ROLE, VmTemplate::getOwner).queryable("owner")
                .property("ProductKeyHasValue", BOOLEAN, VmTemplate::getProductKeyHasValue)
                .queryable("productKeyHasValue")
                .property("SQLProfileId", GUID, t -> null)
                .key("StampId", VmTemplate::getStampId).queryable("stampId")
                .property("Status", STRING, VmTemplate::getStatus).queryable("status")
                .property("TimeZone", INT32, VmTemplate::getTimeZone).queryable("timeZone")
                .property("TotalVHDCapacity", INT64, VmTemplate::getTotalVhdCapacity).queryable("totalVhdCapacity")
                .property("VirtualHardDiskId", GUID, VmTemplate::getVirtualHardDiskId).queryable("virtualHardDiskId")
                .collectionNavigation("VirtualNetworkAdapters", "VirtualNetworkAdapters",
                        t -> Map.of("templateId", t.getId(), "stampId", t.getStampId()))
                .scope(TenantScope.grantedRows(VmTemplateGrant.class, "templateId"), templates::findGranted)
                .build();
    }

    /** VMM.HardwareProfile (spec 2.5, the members DAS reads). */
    @Bean
    @Order(77)
    EntitySetDeclaration<HardwareProfile> hardwareProfiles(HardwareProfileRepository profiles) {
        return EntitySetDeclaration.builder("HardwareProfiles", "HardwareProfile", HardwareProfile.class)
                .property("AccessedTime", DATE_TIME, HardwareProfile::getModifiedTime)
                .property("Accessibility", STRING, HardwareProfile::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, HardwareProfile::getAddedTime).queryable("addedTime")
                .property("CPUCount", BYTE, HardwareProfile::getCpuCount).queryable("cpuCount")
                .property("CPUMax", INT32, HardwareProfile::getCpuMax).queryable("cpuMax")
                .property("CPUReserve", INT32, HardwareProfile::getCpuReserve).queryable("cpuReserve")
                .property("CreationTime", DATE_TIME, HardwareProfile::getAddedTime)
                .property("Description", STRING, HardwareProfile::getDescription).queryable("description")
                .property("DiskIO", INT32, p -> 0)
                .property("Enabled", BOOLEAN, HardwareProfile::getEnabled).queryable("enabled")
                .property("ExpectedCPUUtilization", INT32, p -> 20)
                .property("Generation", INT32, HardwareProfile::getGeneration).queryable("generation")
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE, p -> List.of())
                .key("ID", HardwareProfile::getId).queryable("id")
                .property("LimitCPUForMigration", BOOLEAN, HardwareProfile::getLimitCpuForMigration)
                .queryable("limitCpuForMigration")
                .property("LimitCPUFunctionality", BOOLEAN, HardwareProfile::getLimitCpuFunctionality)
                .queryable("limitCpuFunctionality")
                .property("Memory", INT32, HardwareProfile::getMemoryMb).queryable("memoryMb")
                .property("ModifiedTime", DATE_TIME, HardwareProfile::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, HardwareProfile::getName).queryable("name")
                .property("NetworkUtilization", INT32, p -> 0)
                .property("NumLockEnabled", BOOLEAN, p -> false)
                .complex("Owner", CommonTypes.USER_AND_ROLE, HardwareProfile::getOwner).queryable("owner")
                .property("RelativeWeight", INT32, HardwareProfile::getRelativeWeight).queryable("relativeWeight")
                .property("ShareSCSIBus", BOOLEAN, p -> false)
                .key("StampId", HardwareProfile::getStampId).queryable("stampId")
                .property("TotalVHDCapacity", INT64, HardwareProfile::getTotalVhdCapacity)
                .queryable("totalVhdCapacity")
                .property("UndoDisksEnabled", BOOLEAN, p -> false)
                .scope(TenantScope.grantedRows(HardwareProfileGrant.class, "profileId"), profiles::findGranted)
                .build();
    }

    /** VMM.VirtualHardDisk (spec 2.4, DAS's member list): a VM's disks and the library's granted ones. */
    @Bean
    @Order(78)
    EntitySetDeclaration<VirtualHardDisk> virtualHardDisks(VirtualHardDiskRepository disks) {
        TenantScope.Visibility<VirtualHardDisk> owned = TenantScope.ownedRows();
        TenantScope.Visibility<VirtualHardDisk> granted =
                TenantScope.grantedRows(VirtualHardDiskGrant.class, "diskId");
        return EntitySetDeclaration.builder("VirtualHardDisks", "VirtualHardDisk", VirtualHardDisk.class)
                .property("Accessibility", STRING, VirtualHardDisk::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, VirtualHardDisk::getAddedTime).queryable("addedTime")
                .property("CloudId", GUID, VirtualHardDisk::getCloudId).queryable("cloudId")
                .property("Description", STRING, VirtualHardDisk::getDescription).queryable("description")
                .property("Directory", STRING, VirtualHardDisk::getDirectory).queryable("directory")
                .property("Enabled", BOOLEAN, VirtualHardDisk::getEnabled).queryable("enabled")
                .property("FamilyName", STRING, VirtualHardDisk::getFamilyName).queryable("familyName")
                .property("HostVolumeId", GUID, d -> null)
                .key("ID", VirtualHardDisk::getId).queryable("id")
                .property("IsOrphaned", BOOLEAN, d -> false)
                .property("IsResourceGroup", BOOLEAN, d -> false)
                .property("JobGroupId", GUID, d -> null)
                .property("LibraryGroup", STRING, d -> null)
                .property("LibraryShareId", GUID, VirtualHardDisk::getLibraryShareId).queryable("libraryShareId")
                .property("Location", STRING, VirtualHardDisk::getSharePath)
                .property("MaximumSize", INT64, VirtualHardDisk::getMaximumSize).queryable("maximumSize")
                .property("ModifiedTime", DATE_TIME, VirtualHardDisk::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, VirtualHardDisk::getName).queryable("name")
                .property("Namespace", STRING, d -> null)
                .property("OperatingSystem", STRING, VirtualHardDisk::getOperatingSystem).queryable("operatingSystem")
                .property("OperatingSystemId", GUID, d -> null)
                .complex("OperatingSystemInstance", VirtualMachineTypes.OPERATING_SYSTEM,
                        d -> GuestOperatingSystem.named(d.getOperatingSystem()))
                .complex("Owner", CommonTypes.USER_AND_ROLE, d -> null)
                .property("OwnerSid", STRING, d -> null)
                .property("ParentDiskId", GUID, VirtualHardDisk::getParentDiskId).queryable("parentDiskId")
                .property("Release", STRING, VirtualHardDisk::getRelease).queryable("release")
                .property("ReleaseTime", DATE_TIME, VirtualHardDisk::getReleaseTime).queryable("releaseTime")
                .property("SANCopyCapable", BOOLEAN, d -> false)
                .property("SharePath", STRING, VirtualHardDisk::getSharePath).queryable("sharePath")
                .property("Size", INT64, VirtualHardDisk::getSize).queryable("size")
                .key("StampId", VirtualHardDisk::getStampId).queryable("stampId")
                .property("State", STRING, VirtualHardDisk::getState).queryable("state")
                .primitiveCollection("Tag", STRING, d -> SeparatedValues.of(d.getTags()))
                .property("TemplateId", GUID, d -> null)
                .property("Type", STRING, VirtualHardDisk::getVhdFormat)
                .property("VHDType", STRING, VirtualHardDisk::getVhdType).queryable("vhdType")
                .property("VirtualizationPlatform", STRING, d -> "HyperV")
                .property("VMId", GUID, VirtualHardDisk::getVmId).queryable("vmId")
                .scope((subscriptionId, root, query, cb) -> cb.or(owned.of(subscriptionId, root, query, cb),
                        granted.of(subscriptionId, root, query, cb)), disks::findVisible)
                .build();
    }
}
