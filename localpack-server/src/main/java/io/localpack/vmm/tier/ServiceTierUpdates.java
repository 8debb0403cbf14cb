package io.localpack.vmm.tier;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The updates of all tiers of a service at once (part of {@link ComputerTierRepository}), as
 * {@code ServiceMachineUpdates} does for machines: flush, then one UPDATE in the caller's transaction, not refreshing
 * tiers already loaded.
 */
public interface ServiceTierUpdates {

    /** Sets DeploymentState and ComputerTierStatus of every tier of a service, e.g. "Deployed"/"OK". */
    int setState(UUID serviceId, UUID stampId, String deploymentState, String computerTierStatus, OffsetDateTime now);

    /** {@link #setState} that also clears FailedJobID, in the same statement: the state a job leaves the tiers in. */
    int setStateByJob(UUID serviceId, UUID stampId, String deploymentState, String computerTierStatus,
            OffsetDateTime now);

    /** Points every tier of a service at the job that failed on it; null clears FailedJobID. */
    int setFailedJob(UUID serviceId, UUID stampId, UUID failedJobId, OffsetDateTime now);
}
