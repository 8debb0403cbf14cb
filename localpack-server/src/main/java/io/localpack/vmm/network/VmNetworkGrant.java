package io.localpack.vmm.network;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A provider's VM network (one no tenant owns) shared with a subscription. */
@Entity
@Table(name = "subscription_vm_networks")
public class VmNetworkGrant {

    @EmbeddedId
    private Key key;

    protected VmNetworkGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "vm_network_id") UUID vmNetworkId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
