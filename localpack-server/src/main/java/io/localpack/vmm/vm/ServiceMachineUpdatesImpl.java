package io.localpack.vmm.vm;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain SQL rather than bulk JPQL: the statements are the ones Hibernate would send, without translating the JPQL and
 * going through the repository's query machinery on every call (a third of a zero-duration service job's CPU). The
 * flush first keeps what the JPQL updates did: machines persisted earlier in the transaction are updated too.
 */
class ServiceMachineUpdatesImpl implements ServiceMachineUpdates {

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;

    ServiceMachineUpdatesImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int setPowerState(UUID serviceId, UUID stampId, String status, String statusString,
            String virtualMachineState, OffsetDateTime now) {
        entityManager.flush();
        return jdbc.update("UPDATE virtual_machines SET status = ?, status_string = ?, virtual_machine_state = ?,"
                + " modified_time = ? WHERE service_id = ? AND stamp_id = ?", status, statusString,
                virtualMachineState, now, serviceId, stampId);
    }

    @Override
    @Transactional
    public int setJobs(UUID serviceId, UUID stampId, UUID jobId, UUID failedJobId, OffsetDateTime now) {
        entityManager.flush();
        return jdbc.update("UPDATE virtual_machines SET most_recent_task_id = ?, failed_job_id = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", jobId, failedJobId, now, serviceId, stampId);
    }

    @Override
    @Transactional
    public int setDeploymentState(UUID serviceId, UUID stampId, String deploymentState, OffsetDateTime now) {
        entityManager.flush();
        return jdbc.update("UPDATE virtual_machines SET deployment_state = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", deploymentState, now, serviceId, stampId);
    }
}
