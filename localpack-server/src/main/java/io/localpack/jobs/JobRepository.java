package io.localpack.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * SQL over the {@code jobs} table. Every write that a runner makes after claiming a job is guarded by the
 * {@code version} it claimed, so a runner that lost its lease cannot overwrite the new owner's work.
 */
@Repository
class JobRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<JobError>> ERROR_LIST = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JobRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Writes the queued job and answers it as written, without reading it back, unless an unfinished job holds its
     * target or one of {@code others}: the check and the write in one statement ({@link #findActiveJobs} then says
     * which job holds what).
     *
     * @return the job; empty when something it needs is held
     */
    Optional<Job> insertIfFree(JobRequest r, HeldObjects others, OffsetDateTime at) {
        OffsetDateTime now = at.truncatedTo(ChronoUnit.MICROS); // what both databases keep
        List<Object> parameters = new ArrayList<>(Arrays.asList(r.id(), r.stampId(), r.subscriptionId(), r.kind(),
                r.name(), r.descriptionCode(), r.descriptionCodeString(), r.cmdletName(), JobStatus.Queued.name(),
                JobStatus.Queued.statusString(), now, r.owner(), r.targetObjectId(), r.targetObjectType(),
                r.targetObjectName(), activeTarget(r.targetObjectId()), r.restartable(), toJson(r.parameters())));
        String held = heldObjects(r.targetObjectId(), others, parameters);
        int written = jdbc.update("""
                INSERT INTO jobs (id, stamp_id, subscription_id, kind, name, description_code, description_code_string,
                  cmdlet_name, status, status_string, progress_value, current_step_index, skip_steps_before,
                  created_time, owner, target_object_id, target_object_type, target_object_name, active_target,
                  is_restartable, is_completed, parameters, attempt, version)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0, 0
                WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE active_target IN (""" + held + "))",
                parameters.toArray());
        if (written == 0) {
            return Optional.empty();
        }
        return Optional.of(new Job(r.id(), r.stampId(), r.subscriptionId(), r.kind(), r.name(), r.descriptionCode(),
                r.descriptionCodeString(), r.cmdletName(), JobStatus.Queued, 0, null, now, null, null, r.owner(),
                r.targetObjectId(), r.targetObjectType(), r.targetObjectName(), null, null, null, r.restartable(),
                false, null, List.of(), parametersOf(r), null, 0));
    }

    private static Map<String, String> parametersOf(JobRequest r) {
        return r.parameters() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(r.parameters()));
    }

    static String activeTarget(UUID targetObjectId) {
        return targetObjectId == null ? null : targetObjectId.toString();
    }

    Optional<Job> find(UUID subscriptionId, UUID id) {
        return jdbc.query("SELECT * FROM jobs WHERE subscription_id = ? AND id = ?", mapper(), subscriptionId, id)
                .stream().findFirst();
    }

    /** For the engine only: no tenant filter. */
    Optional<Job> findAnyTenant(UUID id) {
        return jdbc.query("SELECT * FROM jobs WHERE id = ?", mapper(), id).stream().findFirst();
    }

    Optional<UUID> findActiveJobId(UUID targetObjectId) {
        return jdbc.queryForList("SELECT id FROM jobs WHERE active_target = ?", UUID.class,
                activeTarget(targetObjectId)).stream().findFirst();
    }

    /**
     * The unfinished jobs holding the target or any of the other objects, by object: one statement, in which the
     * objects' ids come from their own query (see {@link HeldObjects}).
     */
    Map<UUID, UUID> findActiveJobs(UUID target, HeldObjects others) {
        List<Object> parameters = new ArrayList<>();
        String held = heldObjects(target, others, parameters);
        Map<UUID, UUID> busy = new LinkedHashMap<>();
        jdbc.query("SELECT active_target, id FROM jobs WHERE active_target IN (" + held + ")",
                rs -> {
                    busy.put(UUID.fromString(rs.getString(1)), rs.getObject(2, UUID.class));
                }, parameters.toArray());
        return busy;
    }

    /** The active-target keys of the target and the other objects, as a query; its parameters go to the list's end. */
    private static String heldObjects(UUID target, HeldObjects others, List<Object> parameters) {
        parameters.add(activeTarget(target));
        if (others == null) {
            return "SELECT ?";
        }
        parameters.addAll(List.of(others.parameters()));
        return "SELECT ? UNION ALL SELECT CAST(held.id AS VARCHAR(36)) FROM (" + others.idsQuery() + ") held";
    }

    List<Job> findByTarget(UUID subscriptionId, UUID targetObjectId) {
        return jdbc.query("SELECT * FROM jobs WHERE subscription_id = ? AND target_object_id = ? "
                + "ORDER BY created_time DESC", mapper(), subscriptionId, targetObjectId);
    }

    /**
     * Claims up to {@code limit} queued jobs, oldest first, for this runner and answers them as claimed (empty when
     * the queue is). On PostgreSQL one statement: the queued rows are locked with {@code FOR UPDATE SKIP LOCKED}, so
     * runners on other instances skip them instead of waiting, and a row another runner claimed meanwhile no longer
     * matches {@code status = 'Queued'} when it is locked. Elsewhere (H2) each candidate is claimed optimistically
     * ({@link #claim}) and read back.
     */
    List<Claimed> claimQueued(String runnerId, int limit, OffsetDateTime now, OffsetDateTime leaseUntil) {
        if (limit <= 0) {
            return List.of();
        }
        if (!postgres()) {
            List<Claimed> claimed = new ArrayList<>();
            for (Claimable c : findQueued(limit)) {
                if (claim(c, runnerId, now, leaseUntil)) {
                    Claimed read = findClaimed(c.id());
                    claimed.add(new Claimed(read.job(), c.version() + 1, read.skipStepsBefore(),
                            read.faultRulesLive()));
                }
            }
            return claimed;
        }
        // The CTE is evaluated once (MATERIALIZED): as "id IN (SELECT … LIMIT n)" the planner may run the subquery
        // again and claim more than n jobs. The UPDATE needs no status condition of its own: the lock re-checked it
        // on the row's newest version and holds it. With one, the planner hash-joined every queued row (2 ms with
        // 3,000 queued instead of 0.2 ms by primary key: the claim was most of PostgreSQL's time in B4).
        List<Claimed> claimed = jdbc.query("""
                WITH picked AS MATERIALIZED (
                  SELECT id FROM jobs WHERE status = ? ORDER BY created_time LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE jobs SET status = ?, status_string = ?, lease_owner = ?, lease_expires_at = ?,
                  version = version + 1, attempt = attempt + 1, current_step_index = 0,
                  start_time = COALESCE(start_time, ?)
                FROM picked WHERE jobs.id = picked.id
                RETURNING jobs.*, """ + FAULT_RULES_LIVE, this::claimed,
                JobStatus.Queued.name(), limit,
                JobStatus.Running.name(), JobStatus.Running.statusString(), runnerId, leaseUntil, now);
        if (claimed.size() > 1) { // RETURNING keeps no order: the oldest job first, as one by one
            claimed = new ArrayList<>(claimed);
            claimed.sort(Comparator.comparing(c -> c.job().createdTime()));
        }
        return claimed;
    }

    /** Claim candidates: queued jobs, oldest first. */
    private List<Claimable> findQueued(int limit) {
        return jdbc.query("SELECT id, version FROM jobs WHERE status = ? ORDER BY created_time LIMIT ?",
                (rs, i) -> new Claimable(rs.getObject(1, UUID.class), rs.getInt(2)), JobStatus.Queued.name(), limit);
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute(
                    (Connection c) -> c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Running jobs whose runner has not renewed its lease in time. */
    List<Claimable> findExpiredLeases(OffsetDateTime now, int limit) {
        return jdbc.query("SELECT id, version FROM jobs WHERE status = ? AND lease_expires_at < ? "
                        + "ORDER BY lease_expires_at LIMIT ?",
                (rs, i) -> new Claimable(rs.getObject(1, UUID.class), rs.getInt(2)),
                JobStatus.Running.name(), now, limit);
    }

    /** Optimistic claim: exactly one runner's UPDATE matches the version it read. */
    private boolean claim(Claimable c, String runnerId, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, lease_owner = ?, lease_expires_at = ?,
                  version = version + 1, attempt = attempt + 1, current_step_index = 0,
                  start_time = COALESCE(start_time, ?)
                WHERE id = ? AND version = ? AND status = ?""",
                JobStatus.Running.name(), JobStatus.Running.statusString(), runnerId, leaseUntil, now,
                c.id(), c.version(), JobStatus.Queued.name()) == 1;
    }

    /** Take an expired job away from its dead runner (same optimistic guard as {@link #claim}). */
    boolean takeOverExpired(Claimable c, String runnerId, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.update("""
                UPDATE jobs SET lease_owner = ?, lease_expires_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND status = ? AND lease_expires_at < ?""",
                runnerId, leaseUntil, c.id(), c.version(), JobStatus.Running.name(), now) == 1;
    }

    int renewLeases(String runnerId, OffsetDateTime leaseUntil) {
        return jdbc.update("UPDATE jobs SET lease_expires_at = ? WHERE lease_owner = ? AND status = ?",
                leaseUntil, runnerId, JobStatus.Running.name());
    }

    boolean beginStep(UUID id, int version, String text, int stepsBegun) {
        return jdbc.update("UPDATE jobs SET current_step = ?, current_step_index = ? "
                        + "WHERE id = ? AND version = ? AND status = ?",
                text, stepsBegun, id, version, JobStatus.Running.name()) == 1;
    }

    boolean progress(UUID id, int version, int progressValue) {
        return jdbc.update("UPDATE jobs SET progress_value = ? WHERE id = ? AND version = ? AND status = ?",
                progressValue, id, version, JobStatus.Running.name()) == 1;
    }

    boolean complete(UUID id, int version, JobStatus status, List<JobError> warnings, Result result,
                     int httpStatus, OffsetDateTime now) {
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, progress_value = 100, is_completed = TRUE,
                  end_time = ?, active_target = NULL, lease_owner = NULL, lease_expires_at = NULL,
                  additional_messages = ?, http_status = ?, failed_step_index = NULL, skip_steps_before = 0,
                  result_object_id = COALESCE(?, result_object_id), result_object_type = COALESCE(?, result_object_type),
                  result_name = COALESCE(?, result_name)
                WHERE id = ? AND version = ? AND status = ?""",
                status.name(), status.statusString(), now, warnings.isEmpty() ? null : toJson(warnings), httpStatus,
                result.id(), result.type(), result.name(), id, version, JobStatus.Running.name()) == 1;
    }

    /**
     * {@link #complete} that also records the last step begun ({@code stepsBegun} &lt; 0: none in this run), for a
     * run whose step writes were deferred to its completion.
     */
    boolean completeWithStep(UUID id, int version, JobStatus status, List<JobError> warnings, Result result,
                             int httpStatus, OffsetDateTime now, String stepText, int stepsBegun) {
        boolean begun = stepsBegun >= 0;
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, progress_value = 100, is_completed = TRUE,
                  end_time = ?, active_target = NULL, lease_owner = NULL, lease_expires_at = NULL,
                  additional_messages = ?, http_status = ?, failed_step_index = NULL, skip_steps_before = 0,
                  result_object_id = COALESCE(?, result_object_id), result_object_type = COALESCE(?, result_object_type),
                  result_name = COALESCE(?, result_name),
                  current_step = CASE WHEN ? THEN ? ELSE current_step END,
                  current_step_index = CASE WHEN ? THEN ? ELSE current_step_index END
                WHERE id = ? AND version = ? AND status = ?""",
                status.name(), status.statusString(), now, warnings.isEmpty() ? null : toJson(warnings), httpStatus,
                result.id(), result.type(), result.name(), begun, stepText, begun, stepsBegun,
                id, version, JobStatus.Running.name()) == 1;
    }

    /** The step text and progress a run left (either may be absent: stepsBegun &lt; 0, progress &lt; 0). */
    boolean stepState(UUID id, int version, String stepText, int stepsBegun, int progress) {
        boolean begun = stepsBegun >= 0;
        boolean progressed = progress >= 0;
        return jdbc.update("""
                UPDATE jobs SET current_step = CASE WHEN ? THEN ? ELSE current_step END,
                  current_step_index = CASE WHEN ? THEN ? ELSE current_step_index END,
                  progress_value = CASE WHEN ? THEN ? ELSE progress_value END
                WHERE id = ? AND version = ? AND status = ?""",
                begun, stepText, begun, stepsBegun, progressed, progress, id, version,
                JobStatus.Running.name()) == 1;
    }

    boolean fail(UUID id, int version, JobError e, Integer failedStepIndex, OffsetDateTime now) {
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, progress_value = 100, is_completed = TRUE,
                  end_time = ?, active_target = NULL, lease_owner = NULL, lease_expires_at = NULL,
                  error_code = ?, error_name = ?, error_problem = ?, error_recommended_action = ?, error_type = ?,
                  error_detailed_source = ?, error_exception_details = ?, error_is_terminating = ?, http_status = ?,
                  failed_step_index = ?
                WHERE id = ? AND version = ? AND status = ?""",
                JobStatus.Failed.name(), JobStatus.Failed.statusString(), now, e.code(), e.name(), e.problem(),
                e.recommendedAction(), e.errorType(), e.detailedSource(), e.exceptionDetails(), e.terminating(),
                e.httpStatus(), failedStepIndex, id, version, JobStatus.Running.name()) == 1;
    }

    /** Count one read of the job's status, if the job is the subscription's and unfinished; returns the new count. */
    Optional<Integer> countStatusRead(UUID subscriptionId, UUID id) {
        int updated = jdbc.update("UPDATE jobs SET status_reads = status_reads + 1 "
                        + "WHERE subscription_id = ? AND id = ? AND status IN (?, ?)",
                subscriptionId, id, JobStatus.Queued.name(), JobStatus.Running.name());
        return updated == 0 ? Optional.empty()
                : Optional.of(jdbc.queryForObject("SELECT status_reads FROM jobs WHERE id = ?", Integer.class, id));
    }

    int statusReads(UUID id) {
        return jdbc.queryForObject("SELECT status_reads FROM jobs WHERE id = ?", Integer.class, id);
    }

    boolean statusReadsSeen(UUID id, int version, int reads) {
        return jdbc.update("UPDATE jobs SET status_reads_seen = ? WHERE id = ? AND version = ? AND status = ?",
                reads, id, version, JobStatus.Running.name()) == 1;
    }

    /** True once the job finished or its runner acted on {@code reads} reads. */
    boolean caughtUpWith(UUID id, int reads) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT CASE WHEN is_completed OR status_reads_seen >= ? THEN TRUE ELSE FALSE END FROM jobs WHERE id = ?",
                Boolean.class, reads, id));
    }

    /** Unfinished jobs, of one subscription or (null) of all. */
    List<UUID> findUnfinished(UUID subscriptionId) {
        String sql = "SELECT id FROM jobs WHERE status IN (?, ?)" + (subscriptionId == null ? "" : " AND subscription_id = ?");
        Object[] args = subscriptionId == null
                ? new Object[] {JobStatus.Queued.name(), JobStatus.Running.name()}
                : new Object[] {JobStatus.Queued.name(), JobStatus.Running.name(), subscriptionId};
        return jdbc.queryForList(sql, UUID.class, args);
    }

    /** Cancel an unfinished job; the version bump makes every later write of its runner a no-op. */
    boolean cancel(UUID id, OffsetDateTime now) {
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, progress_value = 100, is_completed = TRUE,
                  end_time = ?, active_target = NULL, lease_owner = NULL, lease_expires_at = NULL,
                  version = version + 1
                WHERE id = ? AND status IN (?, ?)""",
                JobStatus.Canceled.name(), JobStatus.Canceled.statusString(), now, id, JobStatus.Queued.name(),
                JobStatus.Running.name()) == 1;
    }

    /** Put a failed, restartable job back in the queue; takes the target lock again (may throw DuplicateKey). */
    boolean requeue(UUID subscriptionId, UUID id, int skipStepsBefore) {
        return jdbc.update("""
                UPDATE jobs SET status = ?, status_string = ?, progress_value = 0, is_completed = FALSE,
                  end_time = NULL, current_step = NULL, current_step_index = 0, skip_steps_before = ?,
                  active_target = CAST(target_object_id AS VARCHAR(200)),
                  error_code = NULL, error_name = NULL, error_problem = NULL, error_recommended_action = NULL,
                  error_type = NULL, error_detailed_source = NULL, error_exception_details = NULL,
                  error_is_terminating = NULL, http_status = NULL, additional_messages = NULL,
                  status_reads = 0, status_reads_seen = 0
                WHERE subscription_id = ? AND id = ? AND status = ? AND is_restartable = TRUE""",
                JobStatus.Queued.name(), JobStatus.Queued.statusString(), skipStepsBefore, subscriptionId, id,
                JobStatus.Failed.name()) == 1;
    }

    record Claimable(UUID id, int version) {
    }

    record Result(UUID id, String type, String name) {
        static final Result NONE = new Result(null, null, null);
    }

    /**
     * A claimed job, the version its runner's writes are guarded by, its restart bookkeeping, and whether any fault
     * rule could fire when it was claimed, in one read.
     *
     * @param faultRulesLive false when no fault rule could fire: the runner need not read the rules (nearly always
     *                       none: one round trip per job saved)
     */
    record Claimed(Job job, int version, int skipStepsBefore, boolean faultRulesLive) {
    }

    /** A column of the claim's answer: whether a fault rule can still fire (as {@code FaultRules.fire} reads them). */
    private static final String FAULT_RULES_LIVE = "EXISTS (SELECT 1 FROM job_fault_rules"
            + " WHERE remaining IS NULL OR remaining > 0) AS fault_rules_live";

    private Claimed findClaimed(UUID id) {
        return jdbc.queryForObject("SELECT jobs.*, " + FAULT_RULES_LIVE + " FROM jobs WHERE id = ?", this::claimed, id);
    }

    private Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(map(rs, row), rs.getInt("version"), rs.getInt("skip_steps_before"),
                rs.getBoolean("fault_rules_live"));
    }

    Integer failedStepIndex(UUID id) {
        return jdbc.queryForObject("SELECT failed_step_index FROM jobs WHERE id = ?", Integer.class, id);
    }

    int currentStepIndex(UUID id) {
        return jdbc.queryForObject("SELECT current_step_index FROM jobs WHERE id = ?", Integer.class, id);
    }

    private RowMapper<Job> mapper() {
        return this::map;
    }

    private Job map(ResultSet rs, int row) throws SQLException {
        JobStatus status = JobStatus.valueOf(rs.getString("status"));
        JobError error = null;
        if (rs.getObject("error_code") != null) {
            error = new JobError(rs.getInt("error_code"), rs.getString("error_name"), rs.getString("error_problem"),
                    rs.getString("error_recommended_action"), rs.getString("error_type"),
                    rs.getString("error_detailed_source"), rs.getString("error_exception_details"),
                    rs.getBoolean("error_is_terminating"), rs.getInt("http_status"));
        }
        String messages = rs.getString("additional_messages");
        String parameters = rs.getString("parameters");
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("stamp_id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getString("description_code"),
                rs.getString("description_code_string"),
                rs.getString("cmdlet_name"),
                status,
                rs.getInt("progress_value"),
                rs.getString("current_step"),
                rs.getObject("created_time", OffsetDateTime.class),
                rs.getObject("start_time", OffsetDateTime.class),
                rs.getObject("end_time", OffsetDateTime.class),
                rs.getString("owner"),
                rs.getObject("target_object_id", UUID.class),
                rs.getString("target_object_type"),
                rs.getString("target_object_name"),
                rs.getObject("result_object_id", UUID.class),
                rs.getString("result_object_type"),
                rs.getString("result_name"),
                rs.getBoolean("is_restartable"),
                rs.getBoolean("is_completed"),
                error,
                messages == null ? List.of() : fromJson(messages, ERROR_LIST),
                parameters == null ? Map.of() : fromJson(parameters, STRING_MAP),
                (Integer) rs.getObject("http_status", Integer.class),
                rs.getInt("attempt"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in jobs row: " + text, e);
        }
    }
}
