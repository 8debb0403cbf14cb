package io.localpack.vmm.template;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A template granted to a subscription: only granted templates are visible to, and deployable by, its tenant. */
@Entity
@Table(name = "subscription_service_templates")
public class ServiceTemplateGrant {

    @EmbeddedId
    private Key key;

    protected ServiceTemplateGrant() {
    }

    @Embeddable
    public record Key(
            @Column(name = "subscription_id") UUID subscriptionId,
            @Column(name = "template_id") UUID templateId,
            @Column(name = "stamp_id") UUID stampId) implements Serializable {
    }
}
