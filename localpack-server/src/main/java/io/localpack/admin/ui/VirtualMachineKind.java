package io.localpack.admin.ui;

import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachineOperation;
import io.localpack.vmm.vm.VirtualMachineStates;
import io.localpack.vmm.vm.VirtualMachineTransitions;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * VMM virtual machines (standalone, of services, of VM Roles); every VM Operation the API takes. Repair is offered
 * where the API accepts it: after a failed job (Status CreationFailed, UpdateFailed, …) with the choice of Retry,
 * Undo or Dismiss, and on a running machine for the guest agent (Agent).
 */
@Component
class VirtualMachineKind extends JpaResourceKind<VirtualMachine> {

    VirtualMachineKind(EntityManager entityManager) {
        super(VirtualMachine.class, entityManager);
    }

    @Override
    public String key() {
        return "virtual-machines";
    }

    @Override
    public String title() {
        return "Virtual machines";
    }

    @Override
    public String api() {
        return "VMM";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> columns() {
        return List.of("Service tier", "CPU", "Memory MB", "Operating system");
    }

    @Override
    protected String subscriptionAttribute() {
        return "subscriptionId";
    }

    @Override
    protected String nameAttribute() {
        return "name";
    }

    @Override
    protected String stateAttribute() {
        return "status";
    }

    @Override
    protected ResourceRow row(VirtualMachine v, UUID subscription) {
        return new ResourceRow(v.getId().toString(), v.getSubscriptionId(), v.getName(), v.getStatus(),
                List.of(text(v.getComputerTierName()), text(v.getCpuCount()), text(v.getMemoryMb()),
                        text(v.getOperatingSystem())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(VirtualMachine v, UUID subscription) {
        ResourceDetail.Builder page = ResourceDetail.builder(key(), v.getId().toString(), subscription, v.getName(),
                        v.getStatus())
                .vmmEntity("VirtualMachines", v.getId(), v.getStampId())
                .jobTarget(v.getId())
                .journalPathKey(v.getId().toString());
        String actions = "vmm/VirtualMachines/" + subscription + "/" + v.getId() + "/" + v.getStampId() + "/";
        for (VirtualMachineOperation operation : VirtualMachineOperation.values()) {
            if (operation != VirtualMachineOperation.REPAIR) {
                page.operation(operation.wireName(), actions + operation.wireName(), null);
            }
        }
        String repair = VirtualMachineOperation.REPAIR.wireName();
        if (VirtualMachineTransitions.FAILED.contains(v.getStatus())) {
            page.operation(repair, actions + repair, null, ResourceDetail.Choice.oneOf("flag", "Repair by",
                    List.of("Retry", "Undo", "Dismiss")));
        } else if (VirtualMachineStates.RUNNING.equals(v.getStatus())) {
            page.operation(repair, actions + repair, null, ResourceDetail.Choice.oneOf("flag", "Repair", List.of("Agent")));
        }
        if (v.getServiceId() != null) {
            page.section(new ResourceDetail.Section("Service", List.of("Service id", "Tier"),
                    List.of(List.of(v.getServiceId().toString(), text(v.getComputerTierName()))),
                    List.of("services/" + subscription + "/" + v.getServiceId())));
        }
        return Optional.of(page);
    }
}
