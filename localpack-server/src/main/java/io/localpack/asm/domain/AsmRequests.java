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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every Service Management request (tables {@code asm_requests}, and {@code asm_read_requests} for
 * reads): what Get Operation Status answers
 * for a request that started no job (a read, a refusal), and what List Subscription Operations lists. A request
 * that started a job has the job's id, and its status is the job's.
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
    /** Kept only when the subscription exists (a refusal for an unknown one has nobody to show it to). */
    private static final String INSERT = " (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "FROM subscriptions WHERE id = ?";
    /** Reads' records: a table of their own, without the index by time the listing of the others needs. */
    private static final String READS = "asm_read_requests";
    private static final String OTHERS = "asm_requests";

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
            insert(OTHERS, List.of(r));
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
            insert(READS, batch);
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
            jdbc.update("DELETE FROM " + READS + " WHERE started_time <= ?", pruneBefore);
        }
    }

    private void insert(String table, List<Finished> rows) {
        String insert = "INSERT INTO " + table + INSERT;
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(insert, rows, 500, (ps, r) -> {
            ps.setObject(1, r.requestId());
            ps.setObject(2, r.subscriptionId());
            ps.setString(3, r.method());
            ps.setString(4, r.operationName());
            ps.setString(5, cut(r.objectId(), 1024));
            ps.setInt(6, r.httpStatus());
            ps.setString(7, r.errorCode());
            ps.setString(8, cut(r.errorMessage(), 2048));
            ps.setString(9, cut(r.callerUser(), 256));
            ps.setString(10, r.callerThumbprint());
            ps.setString(11, cut(r.clientIp(), 64));
            ps.setObject(12, r.startedTime());
            ps.setObject(13, r.completedTime());
            ps.setObject(14, r.subscriptionId());
        }));
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
        String byId = " WHERE subscription_id = ? AND request_id = ?";
        return jdbc.query("SELECT " + COLUMNS + " FROM " + READS + byId + " UNION ALL SELECT " + COLUMNS + " FROM "
                + OTHERS + byId, AsmRequests::finished, subscriptionId, requestId, subscriptionId, requestId)
                .stream().findFirst();
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
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + OTHERS + " WHERE subscription_id = ? "
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
