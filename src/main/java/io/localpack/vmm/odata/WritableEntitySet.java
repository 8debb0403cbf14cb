package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmKey;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;

/** An entity set tenants can create, update and delete in; each call is scoped to the subscription. */
public interface WritableEntitySet {

    /** @return the key of the new entity */
    VmmKey create(UUID subscriptionId, Entity body);

    /** Merge semantics: members absent or null in {@code body} leave the entity as it is. */
    VmmKey update(UUID subscriptionId, UUID id, UUID stampId, Entity body);

    void delete(UUID subscriptionId, UUID id, UUID stampId);
}
