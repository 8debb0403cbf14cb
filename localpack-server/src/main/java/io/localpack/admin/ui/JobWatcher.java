package io.localpack.admin.ui;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Watches the jobs table while a dashboard page is open and publishes each change of a job (status, progress, step,
 * error) as a {@code job} event. It reads the database rather than listening in this JVM, so the jobs of every
 * instance sharing the database are seen. Each look is three indexed queries: the unfinished jobs (by status), the
 * jobs that were unfinished at the last look (by key), and jobs created in the last seconds that already finished
 * (by status and creation time), so a job that runs between two looks is still seen once.
 */
@Component
class JobWatcher {

    private static final Logger log = LoggerFactory.getLogger(JobWatcher.class);
    private static final long LOOK_EVERY_MILLIS = 250;
    private static final long RECENT_SECONDS = 10;
    private static final int MOST = 500;
    private static final String COLUMNS = "id, subscription_id, kind, name, status, progress_value, current_step, "
            + "target_object_id, target_object_type, target_object_name, error_code, error_name, error_problem, "
            + "error_recommended_action, created_time";
    private static final Set<String> FINISHED = Set.of("Completed", "SucceedWithInfo", "Failed", "Canceled");

    /** What a job event says. */
    record JobState(UUID id, UUID subscription, String kind, String name, String status, int progress, String step,
                    UUID target, String targetType, String targetName, Integer errorCode, String errorName,
                    String errorMessage, String recommendedAction) {

        boolean finished() {
            return FINISHED.contains(status);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardEvents events;
    private final InstanceChanges instances;
    private final Map<UUID, JobState> seen = new HashMap<>();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-jobs");
        t.setDaemon(true);
        return t;
    });

    JobWatcher(NamedParameterJdbcTemplate jdbc, DashboardEvents events, InstanceChanges instances) {
        this.jdbc = jdbc;
        this.events = events;
        this.instances = instances;
        looker.scheduleWithFixedDelay(this::lookSafely, LOOK_EVERY_MILLIS, LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            if (events.anyoneListening()) {
                look();
                lookAtOtherInstances();
            } else {
                seen.clear();
                instances.forget();
            }
        } catch (RuntimeException e) {
            log.debug("Dashboard job watch failed (database busy or closing): {}", e.getMessage());
        }
    }

    /** One look: publishes what changed since the last one. Runs on one thread only. */
    void look() {
        Map<UUID, JobState> now = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('Queued', 'Running') ORDER BY created_time",
                new MapSqlParameterSource(), rs -> {
                    if (now.size() < MOST) {
                        JobState job = read(rs);
                        now.put(job.id(), job);
                    }
                });
        List<UUID> tracked = seen.values().stream().filter(j -> !j.finished() && !now.containsKey(j.id()))
                .map(JobState::id).limit(MOST).toList();
        if (!tracked.isEmpty()) {
            jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE id IN (:ids)", new MapSqlParameterSource("ids", tracked),
                    rs -> {
                        JobState job = read(rs);
                        now.put(job.id(), job);
                    });
        }
        Timestamp recent = Timestamp.from(Instant.now().minusSeconds(RECENT_SECONDS));
        jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE status IN (:finished) AND created_time > :recent",
                new MapSqlParameterSource("finished", FINISHED).addValue("recent", recent), rs -> {
                    if (now.size() < 3 * MOST) {
                        JobState job = read(rs);
                        now.putIfAbsent(job.id(), job);
                    }
                });
        List<JobState> changed = new ArrayList<>();
        for (JobState job : now.values()) {
            JobState before = seen.get(job.id());
            if (!job.equals(before)) {
                changed.add(job);
                if (job.finished() && (before == null || !before.finished())) {
                    events.jobFinished();
                }
            }
        }
        seen.keySet().retainAll(now.keySet());
        seen.putAll(now);
        changed.forEach(job -> events.publish("job", job));
    }

    /**
     * Changes made on another instance sharing the database, with or without a job: one read of its change counters
     * (a row per instance), a {@code state} event naming each instance whose counter moved.
     */
    void lookAtOtherInstances() {
        for (String instance : instances.changedElsewhere()) {
            events.publish("state", Map.of("instance", instance, "source", "another instance"));
        }
    }

    /** Queued and running jobs, newest first. */
    List<JobState> unfinished(int most) {
        List<JobState> found = new ArrayList<>();
        jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('Queued', 'Running') ORDER BY created_time DESC",
                new MapSqlParameterSource(), rs -> {
                    if (found.size() < most) {
                        found.add(read(rs));
                    }
                });
        return found;
    }

    private static JobState read(ResultSet rs) throws SQLException {
        return new JobState(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("kind"), rs.getString("name"), rs.getString("status"), rs.getInt("progress_value"),
                rs.getString("current_step"), rs.getObject("target_object_id", UUID.class),
                rs.getString("target_object_type"), rs.getString("target_object_name"),
                (Integer) rs.getObject("error_code", Integer.class), rs.getString("error_name"),
                rs.getString("error_problem"), rs.getString("error_recommended_action"));
    }

    void stop() {
        looker.shutdownNow();
    }

    @jakarta.annotation.PreDestroy
    void destroy() {
        stop();
    }

}
