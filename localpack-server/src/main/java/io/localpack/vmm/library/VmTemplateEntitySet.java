package io.localpack.vmm.library;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import io.localpack.vmm.vm.GuestOperatingSystem;
import io.localpack.vmm.vm.VirtualMachineEntitySet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The read-only {@code VMTemplates} entity set: the VM templates granted to the subscription. */
@Configuration(proxyBeanMethods = false)
public class VmTemplateEntitySet {

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
                .complex("OperatingSystemInstance", VirtualMachineEntitySet.OPERATING_SYSTEM,
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
}
