package io.localpack.vmm.model;

import io.localpack.vmm.common.VmmKey;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;

/**
 * An entity set tenants can create, update and delete in. Each call is scoped to the subscription, checks the
 * request, and queues the job that does the work; the caller decides whether to wait for it.
 */
public interface WritableEntitySet {

    /** The entity a write is about and the job doing it (the request id). */
    record WriteOutcome(VmmKey key, UUID jobId) {
    }

    WriteOutcome create(UUID subscriptionId, Entity body, String principal);

    /** Merge semantics: members absent or null in {@code body} leave the entity as it is. */
    WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal);

    WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal);
}
