package io.localpack.vmm.service;

import io.localpack.jobs.HeldObjects;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.template.ServiceTemplate;
import java.util.UUID;

/**
 * What service jobs do to a service's virtual machines. Implemented by the virtual-machine package, so the service
 * life cycle does not depend on how machines are stored.
 */
public interface ServiceMachines {

    /** Where a service operation leaves its machines. */
    enum Phase { CREATING, RUNNING, STOPPING, STOPPED, STARTING, CREATION_FAILED, DELETING }

    /** Creates the machines of a new service from its template's tiers, under creation. */
    void create(Service service, ServiceTemplate template);

    default void moveTo(VmmKey service, Phase phase) {
        moveTo(service, phase, null);
    }

    /**
     * {@link #moveTo(VmmKey, Phase)} that also records the job on the machines, as {@link #recordJob} with no failed
     * job does, in the same write (null: the machines' state only).
     */
    void moveTo(VmmKey service, Phase phase, UUID jobId);

    /** The job the machines were last touched by (MostRecentTaskId) and the one that failed, if any. */
    void recordJob(VmmKey service, UUID jobId, UUID failedJobId);

    void deleteAll(VmmKey service);

    /** The service's machines, which a job on the service holds too (each can be the target of a job of its own). */
    HeldObjects heldWith(VmmKey service);
}
