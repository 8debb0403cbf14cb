package io.localpack.vmm.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One UPDATE in plain SQL, in the caller's transaction, after a flush of what JPA holds: what a bulk JPQL update with
 * {@code flushAutomatically} does (rows persisted earlier in the transaction are updated too), without translating
 * the JPQL and going through the repository's query machinery on every call, which was a third of a zero-duration
 * service job's CPU. Like the JPQL update, it does not refresh objects already loaded in the transaction.
 */
@Component
public class FlushedUpdates {

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;

    FlushedUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many rows changed */
    @Transactional
    public int update(String sql, Object... parameters) {
        entityManager.flush();
        return jdbc.update(sql, parameters);
    }
}
