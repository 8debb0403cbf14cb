package io.localpack.jobs.faults;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class FaultRuleRepository {

    private static final RowMapper<FaultRule> MAPPER = (rs, i) -> new FaultRule(
            rs.getObject("id", UUID.class), rs.getString("operation"), rs.getObject("target_object_id", UUID.class),
            rs.getObject("template_id", UUID.class), rs.getInt("error_code"), rs.getString("error_name"),
            rs.getString("message"), rs.getString("recommended_action"), rs.getInt("http_status"),
            rs.getInt("at_step"), rs.getObject("remaining", Integer.class),
            rs.getObject("created_time", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    FaultRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FaultRule r) {
        jdbc.update("""
                INSERT INTO job_fault_rules (id, operation, target_object_id, template_id, error_code, error_name,
                  message, recommended_action, http_status, at_step, remaining, created_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.operation(), r.targetObjectId(), r.templateId(), r.errorCode(), r.errorName(), r.message(),
                r.recommendedAction(), r.httpStatus(), r.atStep(), r.remaining(), r.createdTime());
    }

    List<FaultRule> findAll() {
        return jdbc.query("SELECT * FROM job_fault_rules ORDER BY created_time, id", MAPPER);
    }

    /** Rules that can still fire, oldest first. */
    List<FaultRule> findLive() {
        return jdbc.query("SELECT * FROM job_fault_rules WHERE remaining IS NULL OR remaining > 0 "
                + "ORDER BY created_time, id", MAPPER);
    }

    /** Race-safe across instances: of two jobs matching a once-rule, only one UPDATE decrements it. */
    boolean consume(UUID id) {
        return jdbc.update("UPDATE job_fault_rules SET remaining = remaining - 1 WHERE id = ? AND remaining > 0",
                id) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM job_fault_rules WHERE id = ?", id) == 1;
    }

    int deleteAll() {
        return jdbc.update("DELETE FROM job_fault_rules");
    }
}
