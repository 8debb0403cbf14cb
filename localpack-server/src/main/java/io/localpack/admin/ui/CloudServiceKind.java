package io.localpack.admin.ui;

import io.localpack.asm.domain.Deployment;
import io.localpack.asm.domain.HostedService;
import io.localpack.asm.domain.RoleInstance;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * ASM cloud services (hosted services) with their deployments and role instances. Found by service name, as the API
 * addresses them; each running or suspended deployment offers Update Deployment Status.
 */
@Component
class CloudServiceKind extends JpaResourceKind<HostedService> {

    CloudServiceKind(EntityManager entityManager) {
        super(HostedService.class, entityManager);
    }

    @Override
    public String key() {
        return "cloud-services";
    }

    @Override
    public String title() {
        return "ASM cloud services";
    }

    @Override
    public String api() {
        return "ASM";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> columns() {
        return List.of("Label", "Location", "Deployments");
    }

    @Override
    protected String subscriptionAttribute() {
        return "subscriptionId";
    }

    @Override
    protected String nameAttribute() {
        return "serviceName";
    }

    @Override
    protected String stateAttribute() {
        return "status";
    }

    @Override
    protected Specification<HostedService> withId(String id) {
        String key = id.toLowerCase(Locale.ROOT); // service names are unique regardless of case (name_key)
        return (root, query, cb) -> cb.equal(root.get("nameKey"), key);
    }

    @Override
    protected ResourceRow row(HostedService h, UUID subscription) {
        return new ResourceRow(h.getServiceName(), h.getSubscriptionId(), h.getServiceName(), h.getStatus(),
                List.of(text(h.getLabel()), text(h.getLocation()), Integer.toString(h.getDeployments().size())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(HostedService h, UUID subscription) {
        ResourceDetail.Builder page = ResourceDetail.builder(key(), h.getServiceName(), subscription,
                        h.getServiceName(), h.getStatus())
                .jobTarget(h.getId())
                .journalPathKey("/services/hostedservices/" + h.getServiceName());
        List<List<String>> deployments = new ArrayList<>();
        List<List<String>> instances = new ArrayList<>();
        for (Deployment d : h.getDeployments()) {
            page.jobTarget(d.getId());
            deployments.add(List.of(d.getSlot().toString(), d.getName(), d.getStatus(), d.getLabel(),
                    Integer.toString(d.getRoleInstances().size())));
            for (RoleInstance i : d.getRoleInstances()) {
                instances.add(List.of(d.getSlot().toString(), i.getRoleName(), i.getInstanceName(),
                        i.getInstanceStatus(), i.getPowerState(), i.getInstanceSize()));
            }
            String action = "asm/" + subscription + "/" + h.getServiceName() + "/" + d.getSlot() + "/status";
            page.operation("Run " + d.getSlot().toString().toLowerCase(Locale.ROOT), action, "{\"status\":\"Running\"}");
            page.operation("Suspend " + d.getSlot().toString().toLowerCase(Locale.ROOT), action,
                    "{\"status\":\"Suspended\"}");
        }
        page.section(new ResourceDetail.Section("Deployments", List.of("Slot", "Name", "Status", "Label", "Instances"),
                deployments, null));
        page.section(new ResourceDetail.Section("Role instances",
                List.of("Slot", "Role", "Instance", "Status", "Power state", "Size"), instances, null));
        return Optional.of(page);
    }
}
