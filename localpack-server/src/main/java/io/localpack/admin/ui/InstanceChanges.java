package io.localpack.admin.ui;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Changes made on other instances sharing the database, seen without a job and without scanning any watched table.
 * Each instance keeps one row of {@code instance_changes}: a counter it moves after requests that changed something
 * (any API or control-plane request other than a read, answered below 400). The counter is moved by one background
 * write at most every {@value #FLUSH_MILLIS} ms however many requests came (no write on the request's path, no lock
 * contention between request threads); the write follows the request's own commit, so whoever sees the counter move
 * reads the change. While a dashboard page is open, {@link JobWatcher} reads the table (a few rows) on each look and
 * publishes a {@code state} event when another instance's counter moved.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InstanceChanges extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InstanceChanges.class);
    static final long FLUSH_MILLIS = 100;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final JdbcTemplate jdbc;
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "instance-changes");
        t.setDaemon(true);
        return t;
    });
    /** Other instances' counters at the last look; null before the first. */
    private volatile Map<String, Long> seen;

    InstanceChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    String instanceId() {
        return instanceId;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < 400) {
            changed.set(true);
        }
    }

    /** Moves this instance's counter if anything changed since the last flush. */
    void flush() {
        if (!changed.getAndSet(false)) {
            return;
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (jdbc.update("UPDATE instance_changes SET change_count = change_count + 1, changed_time = ?"
                    + " WHERE instance_id = ?", now, instanceId) == 0) {
                jdbc.update("INSERT INTO instance_changes (instance_id, change_count, changed_time) VALUES (?, 1, ?)",
                        instanceId, now);
            }
        } catch (RuntimeException e) {
            changed.set(true); // try again at the next flush
            log.debug("Change counter not written (database busy or closing): {}", e.getMessage());
        }
    }

    /**
     * The other instances whose counter moved (or that appeared) since the last call; the first call only notes
     * where they stand. Runs on the watcher's thread only.
     */
    List<String> changedElsewhere() {
        Map<String, Long> now = new HashMap<>();
        jdbc.query("SELECT instance_id, change_count FROM instance_changes", rs -> {
            if (!instanceId.equals(rs.getString(1))) {
                now.put(rs.getString(1), rs.getLong(2));
            }
        });
        List<String> moved = new ArrayList<>();
        if (seen != null) {
            now.forEach((instance, count) -> {
                if (!count.equals(seen.get(instance))) {
                    moved.add(instance);
                }
            });
        }
        seen = now;
        return moved;
    }

    /** Whether a look has noted where the other instances stand (a page is open and the watcher has looked). */
    boolean watching() {
        return seen != null;
    }

    /** Forgets where the others stood (no page open: the next look starts afresh). */
    void forget() {
        seen = null;
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        try {
            jdbc.update("DELETE FROM instance_changes WHERE instance_id = ?", instanceId);
        } catch (RuntimeException e) {
            log.debug("Change counter row not removed: {}", e.getMessage());
        }
    }
}
