package io.localpack.vmm.tier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Plain SQL rather than bulk JPQL, for the reasons given in {@code ServiceMachineUpdatesImpl}. */
class ServiceTierUpdatesImpl implements ServiceTierUpdates {

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;

    ServiceTierUpdatesImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int setState(UUID serviceId, UUID stampId, String deploymentState, String computerTierStatus,
            OffsetDateTime now) {
        entityManager.flush();
        return jdbc.update("UPDATE computer_tiers SET deployment_state = ?, computer_tier_status = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", deploymentState, computerTierStatus, now, serviceId,
                stampId);
    }

    @Override
    @Transactional
    public int setFailedJob(UUID serviceId, UUID stampId, UUID failedJobId, OffsetDateTime now) {
        entityManager.flush();
        return jdbc.update("UPDATE computer_tiers SET failed_job_id = ?, modified_time = ?"
                + " WHERE service_id = ? AND stamp_id = ?", failedJobId, now, serviceId, stampId);
    }
}
