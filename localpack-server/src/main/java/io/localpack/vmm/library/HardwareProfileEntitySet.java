package io.localpack.vmm.library;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The read-only {@code HardwareProfiles} entity set: the hardware profiles granted to the subscription. */
@Configuration(proxyBeanMethods = false)
public class HardwareProfileEntitySet {

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
}
