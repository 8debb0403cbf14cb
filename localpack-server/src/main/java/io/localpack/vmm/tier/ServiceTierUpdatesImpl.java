package io.localpack.vmm.tier;

import io.localpack.vmm.common.FlushedUpdates;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Plain SQL rather than bulk JPQL (see {@link FlushedUpdates}). */
class ServiceTierUpdatesImpl implements ServiceTierUpdates {

    private final FlushedUpdates updates;

    ServiceTierUpdatesImpl(FlushedUpdates updates) {
        this.updates = updates;
    }

    @Override
    public int setState(UUID serviceId, UUID stampId, String deploymentState, String computerTierStatus,
            OffsetDateTime now) {
        return updates.update("UPDATE computer_tiers SET deployment_state = ?, computer_tier_status = ?,"
                + " modified_time = ? WHERE service_id = ? AND stamp_id = ?", deploymentState, computerTierStatus,
                now, serviceId, stampId);
    }

    @Override
    public int setStateByJob(UUID serviceId, UUID stampId, String deploymentState, String computerTierStatus,
            OffsetDateTime now) {
        return updates.update("UPDATE computer_tiers SET deployment_state = ?, computer_tier_status = ?,"
                + " failed_job_id = NULL, modified_time = ? WHERE service_id = ? AND stamp_id = ?", deploymentState,
                computerTierStatus, now, serviceId, stampId);
    }

    @Override
    public int setFailedJob(UUID serviceId, UUID stampId, UUID failedJobId, OffsetDateTime now) {
        return updates.update("UPDATE computer_tiers SET failed_job_id = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", failedJobId, now, serviceId, stampId);
    }
}
