package io.localpack.vmm.service;

import java.util.Optional;
import java.util.UUID;

/** The row lock a service operation takes before it queues a job (a fragment of {@link ServiceRepository}). */
public interface ServiceLocks {

    /**
     * Locks the service's row until the transaction ends (SELECT … FOR UPDATE), so a job on the service and a job on
     * one of its machines are not queued both at once: each checks the other's lock while holding this one.
     */
    Optional<Service> lockForJob(UUID id, UUID stampId);
}
