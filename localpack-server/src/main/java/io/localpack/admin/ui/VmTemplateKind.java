package io.localpack.admin.ui;

import io.localpack.vmm.library.VmTemplate;
import io.localpack.vmm.library.VmTemplateGrant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM VM templates granted to a subscription. */
@Component
class VmTemplateKind extends GrantedResourceKind<VmTemplate> {

    VmTemplateKind(EntityManager entityManager) {
        super(VmTemplate.class, entityManager, VmTemplateGrant.class, "templateId");
    }

    @Override
    public String key() {
        return "vm-templates";
    }

    @Override
    public String title() {
        return "VM templates granted";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<String> columns() {
        return List.of("Operating system", "CPU", "Memory MB");
    }

    @Override
    protected String stateAttribute() {
        return "status";
    }

    @Override
    protected String entitySet() {
        return "VMTemplates";
    }

    @Override
    protected UUID idOf(VmTemplate t) {
        return t.getId();
    }

    @Override
    protected UUID stampOf(VmTemplate t) {
        return t.getStampId();
    }

    @Override
    protected ResourceRow row(VmTemplate t, UUID subscription) {
        return new ResourceRow(t.getId().toString(), subscription, t.getName(), text(t.getStatus()),
                List.of(text(t.getOperatingSystem()), text(t.getCpuCount()), text(t.getMemoryMb())));
    }
}
