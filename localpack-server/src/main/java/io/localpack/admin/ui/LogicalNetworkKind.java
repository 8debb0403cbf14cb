package io.localpack.admin.ui;

import io.localpack.vmm.network.LogicalNetwork;
import io.localpack.vmm.network.LogicalNetworkGrant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** VMM logical networks granted to a subscription (the networks its VM networks are made on). */
@Component
class LogicalNetworkKind extends GrantedResourceKind<LogicalNetwork> {

    LogicalNetworkKind(EntityManager entityManager) {
        super(LogicalNetwork.class, entityManager, LogicalNetworkGrant.class, "logicalNetworkId");
    }

    @Override
    public String key() {
        return "logical-networks";
    }

    @Override
    public String title() {
        return "Logical networks granted";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public List<String> columns() {
        return List.of("Network virtualization", "External range", "Stamp");
    }

    @Override
    protected String stateAttribute() {
        return null;
    }

    @Override
    protected String entitySet() {
        return "LogicalNetworks";
    }

    @Override
    protected UUID idOf(LogicalNetwork n) {
        return n.getId();
    }

    @Override
    protected UUID stampOf(LogicalNetwork n) {
        return n.getStampId();
    }

    @Override
    protected ResourceRow row(LogicalNetwork n, UUID subscription) {
        String range = n.getExternalRangeStart() == null ? "" : n.getExternalRangeStart() + " – "
                + text(n.getExternalRangeEnd());
        return new ResourceRow(n.getId().toString(), subscription, n.getName(), "",
                List.of(text(n.getNetworkVirtualizationEnabled()), range, text(n.getStampId())));
    }
}
