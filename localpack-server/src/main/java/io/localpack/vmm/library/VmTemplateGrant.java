package io.localpack.vmm.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A VM template granted to a subscription: only those are visible to its tenant. */
@Entity
@Table(name = "subscription_vm_templates")
public class VmTemplateGrant {

    @EmbeddedId
    private Key key;

    protected VmTemplateGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "template_id") UUID templateId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
