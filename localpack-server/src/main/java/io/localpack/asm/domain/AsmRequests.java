package io.localpack.asm.domain;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobService;
import io.localpack.tenancy.SubscriptionLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The record of every Service Management request (table {@code asm_requests}): what Get Operation Status answers
 * for a request that started no job (a read, a refusal), and what List Subscription Operations lists. A request
 * that started a job has the job's id, and its status is the job's.
 */
@Service
public class AsmRequests {

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

    private static final String COLUMNS = "request_id, subscription_id, http_method, operation_name, object_id, "
            + "http_status, error_code, error_message, caller_user, caller_thumbprint, client_ip, started_time, "
            + "completed_time";

    private final JdbcTemplate jdbc;
    private final JobService jobs;
    private final SubscriptionLookup subscriptions;

    AsmRequests(JdbcTemplate jdbc, JobService jobs, SubscriptionLookup subscriptions) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.subscriptions = subscriptions;
    }

    /** Keeps the request when its subscription exists (a refusal for an unknown one has nobody to show it to). */
    public void record(Finished r) {
        if (r.subscriptionId() == null || !subscriptions.exists(r.subscriptionId())) {
            return;
        }
        jdbc.update("INSERT INTO asm_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.requestId(), r.subscriptionId(), r.method(), r.operationName(), cut(r.objectId(), 1024),
                r.httpStatus(), r.errorCode(), cut(r.errorMessage(), 2048), cut(r.callerUser(), 256),
                r.callerThumbprint(), cut(r.clientIp(), 64), r.startedTime(), r.completedTime());
    }

    /** A request of this subscription that started no job. */
    public Optional<Finished> find(UUID subscriptionId, UUID requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM asm_requests WHERE subscription_id = ? AND request_id = ?",
                AsmRequests::finished, subscriptionId, requestId).stream().findFirst();
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
                + "AND http_method <> 'GET' AND started_time >= ? AND started_time <= ?");
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
