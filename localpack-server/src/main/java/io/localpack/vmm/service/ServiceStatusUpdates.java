package io.localpack.vmm.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The status a Stop or Start job leaves a service in, written without loading the service (a fragment of
 * {@link ServiceRepository}): a zero-duration job of either kind otherwise read the whole row to change three
 * columns, and wrote all of them back. It flushes pending changes first and does not refresh a Service already
 * loaded in the transaction.
 */
public interface ServiceStatusUpdates {

    /** @return 1, or 0 when the service is gone (deleted meanwhile) */
    int setStatus(UUID id, UUID stampId, String serviceStatus, String overallStatus, OffsetDateTime modifiedTime);
}
