package io.localpack.vmm.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A library disk granted to a subscription (a VM's own disks need no grant: they are owned). */
@Entity
@Table(name = "subscription_virtual_hard_disks")
public class VirtualHardDiskGrant {

    @EmbeddedId
    private Key key;

    protected VirtualHardDiskGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "disk_id") UUID diskId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
