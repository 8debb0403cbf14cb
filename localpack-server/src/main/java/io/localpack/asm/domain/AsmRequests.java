package io.localpack.asm.domain;

import io.localpack.domain.PendingWrites;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobService;
import io.localpack.tenancy.SubscriptionLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every Service Management request (tables {@code asm_requests}, and {@code asm_read_requests} for
 * reads): what Get Operation Status answers for a request that started no job (a read, a refusal), and what List
 * Subscription Operations lists. A request that started a job has the job's id, and its status is the job's.
 *
 * <p>A request that may change something is written at once. A read's record (a GET: List Subscription Operations
 * does not list them, only Get Operation Status finds them) is held back for a moment
 * ({@code localpack.asm.read-records-delay}, 20 ms) and written with the others of that moment in one batch, on a
 * background thread: an INSERT and a commit per read, with its subscription check, was the largest cost of a kept
 * ASM answer (B5), and concurrent reads queued on it. Meanwhile Get Operation Status on this instance finds the
 * record here; another instance sharing the database finds it once the batch is written.
 *
 * <p>Only the newest reads are kept ({@code localpack.asm.read-records-kept}, 10,000 by default, about the last
 * written by this instance): the id of an older read is then unknown, as an expired operation's. Kept without end,
 * the records of a client polling a deployment filled an in-memory database and the heap bin/localpack gives it
 * (96 MB after about 90,000 reads). Records of requests that may change something are kept as before.
 */
@Service
public class AsmRequests implements PendingWrites {

    /** One finished request as the web layer saw it. */
    public record Finished(UUID requestId, UUID subscriptionId, String method, String operationName, String objectId,
                           int httpStatus, String errorCode, String errorMessage, String callerUser,
                           String callerThumbprint, String clientIp, OffsetDateTime startedTime,
                           OffsetDateTime completedTime) {
    }

    /** A request with, when it started one, its job (whose status then rules). */
    public record Operation(Finished request, Job job) {
    }

    /** Operation status filter of List Subscription Operations. */
    public enum Result { Succeeded, Failed, InProgress }

    private static final Logger log = LoggerFactory.getLogger(AsmRequests.class);
    private static final String COLUMNS = "request_id, subscription_id, http_method, operation_name, object_id, "
            + "http_status, error_code, error_message, caller_user, caller_thumbprint, client_ip, started_time, "
            + "completed_time";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    /** Kept only when the subscription exists (a refusal for an unknown one has nobody to show it to). */
    private static final String INSERT = "INSERT INTO asm_requests (" + COLUMNS + ") SELECT " + VALUES
            + " FROM subscriptions WHERE id = ?";
    /**
     * Reads' records have a table of their own, keyed by the request id's first 64 bits: its only index (the
     * listing's index by time, and a UUID key beside H2's row key, were two thirds of what a read's record cost).
     */
    private static final String INSERT_READ = "INSERT INTO asm_read_requests (request_key, " + COLUMNS + ") SELECT ?, "
            + VALUES + " FROM subscriptions WHERE id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JobService jobs;
    private final SubscriptionLookup subscriptions;
    private final long readBatchDelayNanos;
    private final int readsKept;
    /** The batches of reads written, oldest first: how many, and the latest start among them. */
    private final Deque<WrittenBatch> written = new ArrayDeque<>();
    private long readsInWritten;
    private long readsWrittenSincePrune;
    private OffsetDateTime pruneBefore;
    /** Reads' records not yet written, by request id; a record leaves once its batch is committed. */
    private final Map<UUID, Finished> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean batchQueued = new AtomicBoolean();
    private final ScheduledExecutorService batches = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "asm-request-records");
        t.setDaemon(true);
        return t;
    });

    AsmRequests(JdbcTemplate jdbc, JobService jobs, SubscriptionLookup subscriptions,
                @Value("${localpack.asm.read-records-delay:20ms}") Duration delay,
                @Value("${localpack.asm.read-records-kept:10000}") int readsKept) {
        this.jdbc = jdbc;
        this.readBatchDelayNanos = delay.toNanos();
        this.readsKept = readsKept;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.jobs = jobs;
        this.subscriptions = subscriptions;
    }

    /** Keeps the request when its subscription exists: a read's in the next batch, others now. */
    public void record(Finished r) {
        if (r.subscriptionId() == null) {
            return;
        }
        if (!"GET".equals(r.method())) {
            insert(false, List.of(r));
            return;
        }
        pending.put(r.requestId(), r);
        if (batchQueued.compareAndSet(false, true)) {
            try {
                batches.schedule(this::writeBatch, readBatchDelayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) { // shutting down: written by close()
                batchQueued.set(false);
            }
        }
    }

    private void writeBatch() {
        batchQueued.set(false);
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not record ASM reads: {}", e.toString()); // recording never fails a request
        }
    }

    /** Writes the reads' records held back so far (the control plane calls this before it reads or replaces state). */
    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Finished> batch = List.copyOf(pending.values());
        try {
            insertReads(batch);
        } finally {
            batch.forEach(r -> pending.remove(r.requestId(), r));
        }
        pruneOldReads(batch);
    }

    private record WrittenBatch(int reads, OffsetDateTime latestStart) {
    }

    /**
     * Deletes the reads older than the newest {@code readsKept} this instance wrote, once half as many again have
     * been written since the last time (one DELETE per few thousand reads, not one per batch).
     */
    private void pruneOldReads(List<Finished> batch) {
        OffsetDateTime latest = batch.stream().map(Finished::startedTime).max(OffsetDateTime::compareTo).orElseThrow();
        written.addLast(new WrittenBatch(batch.size(), latest));
        readsInWritten += batch.size();
        readsWrittenSincePrune += batch.size();
        while (!written.isEmpty() && readsInWritten - written.peekFirst().reads() >= readsKept) {
            WrittenBatch dropped = written.removeFirst();
            readsInWritten -= dropped.reads();
            pruneBefore = dropped.latestStart();
        }
        if (pruneBefore != null && readsWrittenSincePrune >= Math.max(1, readsKept / 2)) {
            readsWrittenSincePrune = 0;
            jdbc.update("DELETE FROM asm_read_requests WHERE started_time <= ?", pruneBefore);
        }
    }

    private void insertReads(List<Finished> batch) {
        try {
            insert(true, batch);
        } catch (DataIntegrityViolationException e) {
            // two reads whose ids share their first 64 bits (about once in 10^15 reads): each read alone, so that
            // only the one that cannot be kept is lost
            for (Finished r : batch) {
                try {
                    insert(true, List.of(r));
                } catch (DataIntegrityViolationException notKept) {
                    log.debug("ASM read {} not recorded: {}", r.requestId(), notKept.getMessage());
                }
            }
        }
    }

    private void insert(boolean reads, List<Finished> rows) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(reads ? INSERT_READ : INSERT, rows, 500,
                (ps, r) -> {
                    int i = 1;
                    if (reads) {
                        ps.setLong(i++, readKey(r.requestId()));
                    }
                    ps.setObject(i++, r.requestId());
                    ps.setObject(i++, r.subscriptionId());
                    ps.setString(i++, r.method());
                    ps.setString(i++, r.operationName());
                    ps.setString(i++, cut(r.objectId(), 1024));
                    ps.setInt(i++, r.httpStatus());
                    ps.setString(i++, r.errorCode());
                    ps.setString(i++, cut(r.errorMessage(), 2048));
                    ps.setString(i++, cut(r.callerUser(), 256));
                    ps.setString(i++, r.callerThumbprint());
                    ps.setString(i++, cut(r.clientIp(), 64));
                    ps.setObject(i++, r.startedTime());
                    ps.setObject(i++, r.completedTime());
                    ps.setObject(i, r.subscriptionId());
                }));
    }

    /** A read's record's key: its request id's first 64 bits. */
    private static long readKey(UUID requestId) {
        return requestId.getMostSignificantBits();
    }

    @PreDestroy
    void close() {
        batches.shutdownNow();
        try {
            flush();
        } catch (RuntimeException e) {
            log.debug("ASM reads' records not written at shutdown: {}", e.getMessage());
        }
    }

    /** A request of this subscription that started no job. */
    public Optional<Finished> find(UUID subscriptionId, UUID requestId) {
        Finished held = pending.get(requestId);
        if (held != null && held.subscriptionId().equals(subscriptionId)) {
            return Optional.of(held);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM asm_read_requests WHERE request_key = ? AND subscription_id = ? "
                        + "AND request_id = ? UNION ALL SELECT " + COLUMNS + " FROM asm_requests "
                        + "WHERE subscription_id = ? AND request_id = ?", AsmRequests::finished,
                readKey(requestId), subscriptionId, requestId, subscriptionId, requestId).stream().findFirst();
    }

    /**
     * List Subscription Operations: the requests that change something (not GET) started in [start, end], oldest
     * first, at most {@code limit}, from {@code after} (the continuation: the last request's start and id).
     */
    public List<Operation> list(UUID subscriptionId, OffsetDateTime start, OffsetDateTime end, String objectId,
                                Result result, int limit, OffsetDateTime afterTime, UUID afterId) {
        if (!subscriptions.exists(subscriptionId)) {
            throw CloudServiceException.unknownSubscription(subscriptionId);
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM asm_requests WHERE subscription_id = ? "
                + "AND started_time >= ? AND started_time <= ?");
        List<Object> args = new ArrayList<>(List.of(subscriptionId, start, end));
        if (objectId != null) {
            sql.append(" AND object_id = ?");
            args.add(objectId);
        }
        if (afterTime != null) {
            sql.append(" AND (started_time > ? OR (started_time = ? AND request_id > ?))");
            args.add(afterTime);
            args.add(afterTime);
            args.add(afterId);
        }
        sql.append(" ORDER BY started_time, request_id");
        List<Operation> operations = new ArrayList<>();
        // the status filter needs each request's job, so rows are read in pages until the page is full
        int offset = 0;
        int page = Math.max(limit, 50);
        while (operations.size() < limit) {
            List<Finished> rows = jdbc.query(sql + " LIMIT " + page + " OFFSET " + offset, AsmRequests::finished,
                    args.toArray());
            for (Finished r : rows) {
                Operation op = new Operation(r, jobs.find(subscriptionId, r.requestId()).orElse(null));
                if (result == null || result == resultOf(op)) {
                    operations.add(op);
                    if (operations.size() == limit) {
                        break;
                    }
                }
            }
            if (rows.size() < page) {
                break;
            }
            offset += page;
        }
        return operations;
    }

    public static Result resultOf(Operation op) {
        if (op.job() != null) {
            if (!op.job().status().isFinished()) {
                return Result.InProgress;
            }
            return op.job().status().isSuccess() ? Result.Succeeded : Result.Failed;
        }
        return op.request().httpStatus() < 400 ? Result.Succeeded : Result.Failed;
    }

    private static Finished finished(ResultSet rs, int row) throws SQLException {
        return new Finished(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
