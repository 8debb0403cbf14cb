package io.localpack.admin.ui;

import io.localpack.vmm.service.Service;
import io.localpack.vmm.tier.ComputerTier;
import io.localpack.vmm.vm.VirtualMachine;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM services, with their tiers and virtual machines; Start and Stop as the API's Operation. */
@Component
class ServiceKind extends JpaResourceKind<Service> {

    private final EntityManager entityManager;

    ServiceKind(EntityManager entityManager) {
        super(Service.class, entityManager);
        this.entityManager = entityManager;
    }

    @Override
    public String key() {
        return "services";
    }

    @Override
    public String title() {
        return "VMM services";
    }

    @Override
    public String api() {
        return "VMM";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> columns() {
        return List.of("Deployment state", "Template release", "Stamp");
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
        return "serviceStatus";
    }

    @Override
    protected ResourceRow row(Service s, UUID subscription) {
        return new ResourceRow(s.getId().toString(), s.getSubscriptionId(), s.getName(), s.getServiceStatus(),
                List.of(text(s.getDeploymentState()), text(s.getServiceTemplateRelease()), text(s.getStampId())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(Service s, UUID subscription) {
        String sub = subscription.toString();
        ResourceDetail.Builder page = ResourceDetail.builder(key(), s.getId().toString(), subscription, s.getName(),
                        s.getServiceStatus())
                .vmmEntity("Services", s.getId(), s.getStampId())
                .jobTarget(s.getId())
                .journalPathKey(s.getId().toString());
        for (String operation : List.of("Start", "Stop")) {
            page.operation(operation, "vmm/Services/" + sub + "/" + s.getId() + "/" + s.getStampId() + "/" + operation,
                    null);
        }
        List<ComputerTier> tiers = entityManager.createQuery("SELECT t FROM ComputerTier t WHERE t.serviceId = :service"
                        + " AND t.stampId = :stamp AND t.subscriptionId = :sub ORDER BY t.name", ComputerTier.class)
                .setParameter("service", s.getId()).setParameter("stamp", s.getStampId())
                .setParameter("sub", subscription).setMaxResults(ResourceQuery.MAX_SIZE).getResultList();
        page.section(new ResourceDetail.Section("Tiers", List.of("Name", "Status", "Deployment state", "Instances"),
                tiers.stream().map(t -> List.of(text(t.getName()), text(t.getComputerTierStatus()),
                        text(t.getDeploymentState()), t.getInstanceMinimumCount() + "–" + t.getInstanceMaximumCount()))
                        .toList(), null));
        List<VirtualMachine> machines = entityManager.createQuery("SELECT v FROM VirtualMachine v WHERE "
                        + "v.serviceId = :service AND v.stampId = :stamp AND v.subscriptionId = :sub ORDER BY v.name",
                        VirtualMachine.class)
                .setParameter("service", s.getId()).setParameter("stamp", s.getStampId())
                .setParameter("sub", subscription).setMaxResults(ResourceQuery.MAX_SIZE).getResultList();
        page.section(new ResourceDetail.Section("Virtual machines", List.of("Name", "Status", "Tier", "CPU", "Memory MB"),
                machines.stream().map(v -> List.of(text(v.getName()), text(v.getStatus()),
                        text(v.getComputerTierName()), text(v.getCpuCount()), text(v.getMemoryMb()))).toList(),
                machines.stream().map(v -> "virtual-machines/" + sub + "/" + v.getId()).toList()));
        return Optional.of(page);
    }
}
