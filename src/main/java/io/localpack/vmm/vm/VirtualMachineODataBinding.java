package io.localpack.vmm.vm;

import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.CommonValues;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.EntityWriter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * The {@code VirtualMachines} entity set: VMM.VirtualMachine on the wire over {@link VirtualMachine} rows, the machines
 * of the subscription. Read-only: machines change only through the jobs of their service, so POST, PUT, MERGE and
 * DELETE answer 405.
 */
@Component
public class VirtualMachineODataBinding extends EntitySetBindingBase<VirtualMachine> {

    private static final Map<String, String> QUERYABLE = Map.ofEntries(
            Map.entry("ID", "id"), Map.entry("StampId", "stampId"), Map.entry("Name", "name"),
            Map.entry("ComputerName", "computerName"), Map.entry("Description", "description"),
            Map.entry("CostCenter", "costCenter"), Map.entry("Tag", "tag"),
            Map.entry("ServiceId", "serviceId"), Map.entry("CloudId", "cloudId"),
            Map.entry("ComputerTierId", "computerTierId"),
            Map.entry("Status", "status"), Map.entry("StatusString", "statusString"),
            Map.entry("VirtualMachineState", "virtualMachineState"),
            Map.entry("CPUCount", "cpuCount"), Map.entry("Memory", "memoryMb"),
            Map.entry("OperatingSystem", "operatingSystem"),
            Map.entry("AddedTime", "addedTime"), Map.entry("ModifiedTime", "modifiedTime"),
            Map.entry("CreationTime", "creationTime"), Map.entry("MostRecentTaskId", "mostRecentTaskId"),
            Map.entry("FailedJobID", "failedJobId"), Map.entry("Enabled", "enabled"),
            Map.entry("Owner/UserName", "owner.userName"), Map.entry("Owner/RoleName", "owner.roleName"),
            Map.entry("Owner/RoleID", "owner.roleId"),
            Map.entry("VMHostName", "vmHostName"), Map.entry("UpgradeDomain", "upgradeDomain"));

    private final VirtualMachineRepository machines;

    public VirtualMachineODataBinding(VirtualMachineRepository machines) {
        super(VmmEdmProvider.VIRTUAL_MACHINES, VirtualMachine.class, QUERYABLE);
        this.machines = machines;
    }

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<VirtualMachine> root, CriteriaQuery<?> query,
            CriteriaBuilder cb) {
        return cb.equal(root.get("subscriptionId"), subscriptionId);
    }

    @Override
    public Optional<VirtualMachine> find(UUID subscriptionId, UUID id, UUID stampId) {
        return machines.findOwned(subscriptionId, id, stampId);
    }

    @Override
    public Entity toEntity(VirtualMachine vm, UUID subscriptionId) {
        return EntityWriter.entity(VmmEdmProvider.VIRTUAL_MACHINE.getFullQualifiedNameAsString())
                .primitive("AddedTime", vm.getAddedTime())
                .primitive("CloudId", vm.getCloudId())
                .primitive("ComputerName", vm.getComputerName())
                .primitive("ComputerTierId", vm.getComputerTierId())
                .primitive("CostCenter", vm.getCostCenter())
                .primitive("CPUCount", vm.getCpuCount())
                .primitive("CreationTime", vm.getCreationTime())
                .primitive("Description", vm.getDescription())
                .primitive("Enabled", vm.getEnabled())
                .primitive("FailedJobID", vm.getFailedJobId())
                .primitive("ID", vm.getId())
                .primitive("Memory", vm.getMemoryMb())
                .primitive("ModifiedTime", vm.getModifiedTime())
                .primitive("MostRecentTaskId", vm.getMostRecentTaskId())
                .primitive("Name", vm.getName())
                .primitive("OperatingSystem", vm.getOperatingSystem())
                .complex("Owner", CommonValues.userAndRole(vm.getOwner()))
                .primitive("ServiceId", vm.getServiceId())
                .primitive("StampId", vm.getStampId())
                .primitive("Status", vm.getStatus())
                .primitive("StatusString", vm.getStatusString())
                .primitive("Tag", vm.getTag())
                .primitive("UpgradeDomain", vm.getUpgradeDomain())
                .primitive("VirtualMachineState", vm.getVirtualMachineState())
                .primitive("VMHostName", vm.getVmHostName())
                .toEntity();
    }
}
