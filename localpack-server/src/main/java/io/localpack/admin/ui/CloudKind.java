package io.localpack.admin.ui;

import io.localpack.vmm.cloud.Cloud;
import io.localpack.vmm.cloud.CloudGrant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM clouds granted to a subscription. */
@Component
class CloudKind extends GrantedResourceKind<Cloud> {

    CloudKind(EntityManager entityManager) {
        super(Cloud.class, entityManager, CloudGrant.class, "cloudId");
    }

    @Override
    public String key() {
        return "clouds";
    }

    @Override
    public String title() {
        return "Clouds granted";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> columns() {
        return List.of("Description", "Stamp");
    }

    @Override
    protected String stateAttribute() {
        return null;
    }

    @Override
    protected String entitySet() {
        return "Clouds";
    }

    @Override
    protected UUID idOf(Cloud c) {
        return c.getId();
    }

    @Override
    protected UUID stampOf(Cloud c) {
        return c.getStampId();
    }

    @Override
    protected ResourceRow row(Cloud c, UUID subscription) {
        return new ResourceRow(c.getId().toString(), subscription, c.getName(), "",
                List.of(text(c.getDescription()), text(c.getStampId())));
    }
}
