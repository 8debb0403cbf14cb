package io.localpack.admin.ui;

import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachineOperation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM virtual machines (standalone and of services); every VM Operation the API takes but Repair. */
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
        for (VirtualMachineOperation operation : VirtualMachineOperation.values()) {
            if (operation != VirtualMachineOperation.REPAIR) { // needs flags the page does not ask for
                page.operation(operation.wireName(), "vmm/VirtualMachines/" + subscription + "/" + v.getId() + "/"
                        + v.getStampId() + "/" + operation.wireName(), null);
            }
        }
        if (v.getServiceId() != null) {
            page.section(new ResourceDetail.Section("Service", List.of("Service id", "Tier"),
                    List.of(List.of(v.getServiceId().toString(), text(v.getComputerTierName()))),
                    List.of("services/" + subscription + "/" + v.getServiceId())));
        }
        return Optional.of(page);
    }
}
