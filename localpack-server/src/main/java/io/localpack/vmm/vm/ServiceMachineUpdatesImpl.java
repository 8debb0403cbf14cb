package io.localpack.vmm.vm;

import io.localpack.vmm.common.FlushedUpdates;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Plain SQL rather than bulk JPQL (see {@link FlushedUpdates}). */
class ServiceMachineUpdatesImpl implements ServiceMachineUpdates {

    private final FlushedUpdates updates;

    ServiceMachineUpdatesImpl(FlushedUpdates updates) {
        this.updates = updates;
    }

    @Override
    public int setPowerState(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, OffsetDateTime now) {
        return updates.update("UPDATE virtual_machines SET status = ?, status_string = ?, virtual_machine_state = ?,"
                + " modified_time = ? WHERE service_id = ? AND stamp_id = ?", status, statusString,
                virtualMachineState, now, serviceId, stampId);
    }

    @Override
    public int setPowerStateByJob(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, UUID jobId, OffsetDateTime now) {
        return updates.update("UPDATE virtual_machines SET status = ?, status_string = ?, virtual_machine_state = ?,"
                + " most_recent_task_id = ?, failed_job_id = NULL, modified_time = ? WHERE service_id = ?"
                + " AND stamp_id = ?", status, statusString, virtualMachineState, jobId, now, serviceId, stampId);
    }

    @Override
    public int setPowerAndDeploymentStateByJob(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, String deploymentState, UUID jobId, OffsetDateTime now) {
        return updates.update("UPDATE virtual_machines SET status = ?, status_string = ?, virtual_machine_state = ?,"
                + " deployment_state = ?, most_recent_task_id = ?, failed_job_id = NULL, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", status, statusString, virtualMachineState,
                deploymentState, jobId, now, serviceId, stampId);
    }

    @Override
    public int setJobs(UUID serviceId, UUID stampId, UUID jobId, UUID failedJobId, OffsetDateTime now) {
        return updates.update("UPDATE virtual_machines SET most_recent_task_id = ?, failed_job_id = ?,"
                + " modified_time = ? WHERE service_id = ? AND stamp_id = ?", jobId, failedJobId, now, serviceId,
                stampId);
    }

    @Override
    public int setDeploymentState(UUID serviceId, UUID stampId, String deploymentState, OffsetDateTime now) {
        return updates.update("UPDATE virtual_machines SET deployment_state = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", deploymentState, now, serviceId, stampId);
    }
}
