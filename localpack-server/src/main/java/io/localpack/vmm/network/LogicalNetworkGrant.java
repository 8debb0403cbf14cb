package io.localpack.vmm.network;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A logical network granted to a subscription. */
@Entity
@Table(name = "subscription_logical_networks")
public class LogicalNetworkGrant {

    @EmbeddedId
    private Key key;

    protected LogicalNetworkGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "logical_network_id") UUID logicalNetworkId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
