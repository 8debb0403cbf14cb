package io.localpack.vmm.service;

import io.localpack.vmm.common.FlushedUpdates;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Plain SQL rather than bulk JPQL (see {@link FlushedUpdates}). */
class ServiceStatusUpdatesImpl implements ServiceStatusUpdates {

    private final FlushedUpdates updates;

    ServiceStatusUpdatesImpl(FlushedUpdates updates) {
        this.updates = updates;
    }

    @Override
    public int setStatus(UUID id, UUID stampId, String serviceStatus, String overallStatus,
            OffsetDateTime modifiedTime) {
        return updates.update("UPDATE services SET service_status = ?, overall_status = ?, modified_time = ?"
                + " WHERE id = ? AND stamp_id = ?", serviceStatus, overallStatus, modifiedTime, id, stampId);
    }
}
