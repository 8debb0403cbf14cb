package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.BYTE;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code VirtualMachines} entity set: VMM.VirtualMachine on the wire over {@link VirtualMachine} rows, the machines
 * of the subscription. Tenants operate, change and delete them through {@link VirtualMachineWrites}.
 */
@Configuration(proxyBeanMethods = false)
public class VirtualMachineEntitySet {

    /**
     * VMM.VirtualMachine, reduced to the properties LocalPack stores (shared/spec/vmm-odata.md 6 lists SPF's ~150).
     * Names and types are SPF's; the order is that of the clients' property lists, SPF's own order being unknown.
     */
    @Bean
    @Order(50)
    EntitySetDeclaration<VirtualMachine> virtualMachines(VirtualMachineRepository machines,
            VirtualMachineWrites writes) {
        return EntitySetDeclaration.builder("VirtualMachines", "VirtualMachine", VirtualMachine.class)
                .property("AddedTime", DATE_TIME, VirtualMachine::getAddedTime).queryable("addedTime")
                .property("CloudId", GUID, VirtualMachine::getCloudId).queryable("cloudId")
                .property("ComputerName", STRING, VirtualMachine::getComputerName).queryable("computerName")
                .property("ComputerTierId", GUID, VirtualMachine::getComputerTierId).queryable("computerTierId")
                .property("CostCenter", STRING, VirtualMachine::getCostCenter).queryable("costCenter")
                .property("CPUCount", BYTE, VirtualMachine::getCpuCount).queryable("cpuCount").writable()
                .property("CreationTime", DATE_TIME, VirtualMachine::getCreationTime).queryable("creationTime")
                .property("Description", STRING, VirtualMachine::getDescription).queryable("description")
                .writable()
                .property("Enabled", BOOLEAN, VirtualMachine::getEnabled).queryable("enabled")
                .property("FailedJobID", GUID, VirtualMachine::getFailedJobId).queryable("failedJobId")
                .key("ID", VirtualMachine::getId).queryable("id")
                .property("Memory", INT32, VirtualMachine::getMemoryMb).queryable("memoryMb").writable()
                .property("ModifiedTime", DATE_TIME, VirtualMachine::getModifiedTime).queryable("modifiedTime")
                .property("MostRecentTaskId", GUID, VirtualMachine::getMostRecentTaskId).queryable("mostRecentTaskId")
                .property("Name", STRING, VirtualMachine::getName).queryable("name").writable()
                .property("OperatingSystem", STRING, VirtualMachine::getOperatingSystem).queryable("operatingSystem")
                .complex("Owner", CommonTypes.USER_AND_ROLE, VirtualMachine::getOwner).queryable("owner")
                .property("ServiceId", GUID, VirtualMachine::getServiceId).queryable("serviceId")
                .key("StampId", VirtualMachine::getStampId).queryable("stampId")
                .property("Status", STRING, VirtualMachine::getStatus).queryable("status")
                .property("StatusString", STRING, VirtualMachine::getStatusString).queryable("statusString")
                .property("Tag", STRING, VirtualMachine::getTag).queryable("tag")
                .property("UpgradeDomain", INT32, VirtualMachine::getUpgradeDomain).queryable("upgradeDomain")
                .property("VirtualMachineState", STRING, VirtualMachine::getVirtualMachineState)
                .queryable("virtualMachineState")
                .property("VMHostName", STRING, VirtualMachine::getVmHostName).queryable("vmHostName")
                // Write-only members of the write side (read back as null), at the end until the full property
                // list puts them in their place.
                .property("Operation", STRING, vm -> null).writable()
                .property("Agent", BOOLEAN, vm -> null).writable()
                .property("Retry", BOOLEAN, vm -> null).writable()
                .property("Undo", BOOLEAN, vm -> null).writable()
                .property("Dismiss", BOOLEAN, vm -> null).writable()
                .writes(writes)
                .scope(TenantScope.ownedRows(), machines::findOwned)
                .build();
    }
}
