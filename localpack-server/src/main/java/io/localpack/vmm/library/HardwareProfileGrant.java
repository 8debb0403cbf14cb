package io.localpack.vmm.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A hardware profile granted to a subscription. */
@Entity
@Table(name = "subscription_hardware_profiles")
public class HardwareProfileGrant {

    @EmbeddedId
    private Key key;

    protected HardwareProfileGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "profile_id") UUID profileId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
