package io.localpack.vmm.cloud;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A cloud offered to a subscription by its plan: only those clouds are visible to, and deployable by, its tenant. */
@Entity
@Table(name = "subscription_clouds")
public class CloudGrant {

    @EmbeddedId
    private Key key;

    protected CloudGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "cloud_id") UUID cloudId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
