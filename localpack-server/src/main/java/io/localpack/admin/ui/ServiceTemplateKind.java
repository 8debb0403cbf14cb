package io.localpack.admin.ui;

import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.template.ServiceTemplateGrant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM service templates granted to a subscription. */
@Component
class ServiceTemplateKind extends GrantedResourceKind<ServiceTemplate> {

    ServiceTemplateKind(EntityManager entityManager) {
        super(ServiceTemplate.class, entityManager, ServiceTemplateGrant.class, "templateId");
    }

    @Override
    public String key() {
        return "service-templates";
    }

    @Override
    public String title() {
        return "Service templates granted";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<String> columns() {
        return List.of("Release", "Published", "Stamp");
    }

    @Override
    protected String stateAttribute() {
        return "serviceTemplateState";
    }

    @Override
    protected String entitySet() {
        return "ServiceTemplates";
    }

    @Override
    protected UUID idOf(ServiceTemplate t) {
        return t.getId();
    }

    @Override
    protected UUID stampOf(ServiceTemplate t) {
        return t.getStampId();
    }

    @Override
    protected ResourceRow row(ServiceTemplate t, UUID subscription) {
        return new ResourceRow(t.getId().toString(), subscription, t.getName(), text(t.getServiceTemplateState()),
                List.of(text(t.getRelease()), text(t.getPublished()), text(t.getStampId())));
    }
}
