package io.localpack.vmm.model;

import java.util.Collection;
import java.util.UUID;

/**
 * An entity set clients poll for the status of work ({@code Jobs}): the processor reports each read of its entities,
 * before answering, so that jobs timed by status reads advance (see {@code /_localpack/timing}).
 */
@FunctionalInterface
public interface PolledForStatus {

    /** The client is about to read these entities (by id). */
    void statusRead(UUID subscriptionId, Collection<UUID> ids);
}
