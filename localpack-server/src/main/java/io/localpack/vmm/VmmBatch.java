package io.localpack.vmm;

import io.localpack.dialect.BatchMultipart;
import io.localpack.dialect.BatchMultipart.Answer;
import io.localpack.dialect.BatchMultipart.BatchFormatException;
import io.localpack.dialect.BatchMultipart.Header;
import io.localpack.dialect.BatchMultipart.Operation;
import io.localpack.dialect.BatchMultipart.Part;
import io.localpack.dialect.BatchMultipart.PartAnswer;
import io.localpack.dialect.ODataDialect;
import io.localpack.dialect.ODataResource;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobService;
import io.localpack.vmm.odata.ChangeSetJobs;
import io.localpack.vmm.odata.EntityWrites.JobFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code $batch} (docs/odata-dialects.md, "Batch"): each request of the batch goes through the same pipeline as a
 * request of its own (dialect, content negotiation, V3 rewriting), and each change set runs in one database
 * transaction: if one of its requests fails, none of its changes (rows and queued jobs) persist and the change set is
 * answered by that request's error alone. Jobs start when their change set commits; unless a request says
 * RunAsynchronously=1 the batch then waits for them, as a lone write waits for its job.
 */
@Component
public class VmmBatch {

    /** What the batch needs of the service: run one request, or answer one with an error, in its own dialect. */
    interface Pipeline {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

        void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
                String message) throws IOException;
    }

    private static final Set<String> WRITE_ONLY_HEADERS = Set.of("content-type", "prefer",
            "if-match", "if-none-match", "content-id", "x-http-method");
    private static final Pattern CONTENT_ID_REFERENCE = Pattern.compile("^\\$([^/?]+)(.*)$");

    private final TransactionTemplate changeSetTransaction;
    private final JobService jobs;
    private final VmmSettings settings;

    VmmBatch(PlatformTransactionManager transactions, JobService jobs, VmmSettings settings) {
        this.changeSetTransaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.settings = settings;
    }

    /**
     * Answers a {@code $batch} request (the subscription, size and Accept are checked already).
     *
     * @param serviceRoot the service root's path as the batch addressed it
     * @param sameService whether an absolute path is under the batch's service root (same subscription)
     */
    void serve(HttpServletRequest batch, HttpServletResponse response, ODataDialect dialect, String serviceRoot,
            Predicate<String> sameService, Pipeline pipeline) throws IOException {
        if (!"POST".equals(batch.getMethod())) {
            response.setHeader("Allow", "POST");
            ODataErrors.write(response, 405, "MethodNotAllowed", "$batch takes POST only");
            return;
        }
        String contentType = batch.getContentType();
        String boundary = BatchMultipart.boundaryOf(contentType);
        if (boundary == null) {
            boolean multipart = contentType != null
                    && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
            ODataErrors.write(response, multipart ? 400 : 415, multipart ? "BadRequest" : "UnsupportedMediaType",
                    multipart ? "The $batch Content-Type multipart/mixed names no boundary"
                            : "A $batch request is multipart/mixed with a boundary, not '" + contentType
                                    + "' (the OData 4.01 JSON batch format is not supported, as in Olingo's server)");
            return;
        }
        byte[] body = batch.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                settings.maxRequestBodyBytes() + 1));
        if (body.length > settings.maxRequestBodyBytes()) { // a chunked body names no length beforehand
            ODataErrors.write(response, 413, "RequestEntityTooLarge",
                    "The request body exceeds the limit of " + settings.maxRequestBodyBytes() + " bytes");
            return;
        }
        List<Part> parts;
        try {
            parts = BatchMultipart.parse(body, boundary);
        } catch (BatchFormatException e) {
            ODataErrors.write(response, 400, "BadRequest", "The $batch body cannot be read: " + e.getMessage());
            return;
        }
        Batch context = new Batch(batch, response, new Targets(serviceRoot, sameService), pipeline);
        List<PartAnswer> answers = new ArrayList<>();
        for (Part part : parts) {
            answers.add(part.isChangeSet() ? changeSet(context, part.changeSet())
                    : PartAnswer.of(single(context, part.operation())));
        }
        String responseBoundary = BatchMultipart.newBoundary(dialect, false);
        byte[] answer = BatchMultipart.write(answers, responseBoundary, dialect);
        // WCF Data Services answers a batch 202 Accepted (MS-ODATA 2.2.7.6.6); OData V4 says 200 OK
        response.setStatus(dialect == ODataDialect.V3 ? 202 : 200);
        response.setContentType("multipart/mixed; boundary=" + responseBoundary);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** A request outside any change set: a query (V3 allows nothing else there); V4 also allows a lone change. */
    private Answer single(Batch batch, Operation operation) throws IOException {
        Resolved resolved = batch.targets().resolve(operation, Map.of());
        BatchPartRequest request = batch.request(operation, resolved.pathAndQuery());
        if (resolved.problem() != null) {
            return batch.refused(request, operation, 400, "BadRequest", resolved.problem());
        }
        if (!"GET".equals(operation.method())
                && ODataDialect.of(request, settings.defaultDialect()) == ODataDialect.V3) {
            return batch.refused(request, operation, 400, "BadRequest", "Only GET requests may stand outside a "
                    + "change set in an OData V3 batch; put " + operation.method() + " in a change set");
        }
        return batch.run(request, operation);
    }

    private PartAnswer changeSet(Batch batch, List<Operation> operations) throws IOException {
        ChangeSetJobs queued = new ChangeSetJobs();
        List<Ran> ran = new ArrayList<>();
        Answer[] failed = new Answer[1];
        Map<String, String> locations = new HashMap<>();
        try {
            changeSetTransaction.executeWithoutResult(status -> {
                try {
                    for (Operation operation : operations) {
                        Answer answer = inChangeSet(batch, operation, locations, queued);
                        if (answer.status() >= 400) {
                            failed[0] = answer;
                            status.setRollbackOnly(); // nothing of the change set persists: rows, jobs, journal
                            return;
                        }
                        ran.add(new Ran(operation, answer, queued.takeLast()));
                        if (operation.contentId() != null) {
                            // $n is what request n created (its Location), else the entity it addressed
                            String location = location(answer);
                            locations.put(operation.contentId(), location != null ? location
                                    : batch.targets().resolve(operation, locations).pathAndQuery());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (DataIntegrityViolationException e) {
            // a constraint the database checks at the commit (flush): someone saved conflicting data meanwhile
            Operation last = operations.get(Math.min(ran.size(), operations.size() - 1));
            return PartAnswer.of(batch.refused(batch.request(last, "/"), last, 409, "Conflict",
                    "The change set conflicts with data saved meanwhile; nothing of it was saved"));
        } catch (TransactionException e) {
            Operation last = operations.get(Math.min(ran.size(), operations.size() - 1));
            return PartAnswer.of(batch.refused(batch.request(last, "/"), last, 500, "InternalError",
                    "The change set could not be committed; nothing of it was saved"));
        }
        if (failed[0] != null) {
            return PartAnswer.of(failed[0]);
        }
        List<Answer> answers = new ArrayList<>();
        for (Ran one : ran) {
            if (one.job() == null || !one.job().waits()) {
                answers.add(one.answer());
                continue;
            }
            Job job = awaitJob(one);

            JobFailure failure = job == null ? null : JobFailure.of(job);
            if (failure != null) {
                // committed already: the job failed after its change set was saved, as a lone write's job can
                BatchPartRequest request = batch.request(one.operation(), "/");
                return PartAnswer.of(batch.refused(request, one.operation(), failure.status(), failure.code(),
                        failure.message()));
            }
            answers.add(afterJob(batch, one));
        }
        return PartAnswer.ofChangeSet(answers);
    }

    private Answer inChangeSet(Batch batch, Operation operation, Map<String, String> locations,
            ChangeSetJobs queued) throws IOException {
        Resolved resolved = batch.targets().resolve(operation, locations);
        BatchPartRequest request = batch.request(operation, resolved.pathAndQuery());
        if (resolved.problem() != null) {
            return batch.refused(request, operation, 400, "BadRequest", resolved.problem());
        }
        if ("GET".equals(operation.method()) || "HEAD".equals(operation.method())) {
            return batch.refused(request, operation, 400, "BadRequest",
                    "A change set may contain only changes (POST, PUT, MERGE, PATCH, DELETE), not "
                            + operation.method());
        }
        request.setAttribute(ChangeSetJobs.ATTRIBUTE, queued);
        return batch.run(request, operation);
    }

    private Job awaitJob(Ran one) {
        try {
            return jobs.awaitCompletion(one.job().jobId(), settings.synchronousWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A lone synchronous write answers with the entity as its job left it; in a change set the answer was written
     * before the job ran, so an answer with an entity is read again, in the request's own format.
     */
    private static Answer afterJob(Batch batch, Ran one) throws IOException {
        Answer answer = one.answer();
        if (answer.body().length == 0 || answer.status() >= 300) {
            return answer;
        }
        String location = location(answer);
        Resolved again = batch.targets().resolve(location != null ? one.operation().withTarget(location)
                : one.operation(), Map.of());
        if (again.problem() != null) {
            return answer;
        }
        // the read asks as the write asked (Accept, versions), without what only a write may say
        List<Header> readHeaders = one.operation().headers().stream()
                .filter(h -> !WRITE_ONLY_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))).toList();
        BatchPartRequest read = new BatchPartRequest(batch.request(), "GET", again.pathAndQuery(), readHeaders,
                new byte[0]);
        BatchPartResponse fresh = new BatchPartResponse(batch.response());
        batch.pipeline().handle(read, fresh);
        if (fresh.status() != 200) {
            return answer;
        }
        List<Header> headers = new ArrayList<>(answer.headers().stream()
                .filter(h -> !h.name().equalsIgnoreCase("Content-Type")).toList());
        fresh.headerList().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type")).forEach(headers::add);
        return new Answer(answer.status(), answer.reason(), headers, fresh.body(), answer.contentId(),
                answer.contentIdInRequest());
    }

    private static String location(Answer answer) {
        return answer.headers().stream().filter(h -> h.name().equalsIgnoreCase("Location")).map(Header::value)
                .findFirst().orElse(null);
    }

    /** One batch being answered: its request and response, how its URLs resolve, and the service's pipeline. */
    private record Batch(HttpServletRequest request, HttpServletResponse response, Targets targets,
            Pipeline pipeline) {

        BatchPartRequest request(Operation operation, String pathAndQuery) {
            return new BatchPartRequest(request, operation.method(), pathAndQuery, operation.headers(),
                    operation.body());
        }

        Answer run(BatchPartRequest part, Operation operation) throws IOException {
            BatchPartResponse answer = new BatchPartResponse(response);
            pipeline.handle(part, answer);
            return answer(answer, operation);
        }

        Answer refused(BatchPartRequest part, Operation operation, int status, String code, String message)
                throws IOException {
            BatchPartResponse answer = new BatchPartResponse(response);
            pipeline.refuse(part, answer, status, code, message);
            return answer(answer, operation);
        }
    }

    private static Answer answer(BatchPartResponse response, Operation operation) {
        HttpStatus status = HttpStatus.resolve(response.status());
        return new Answer(response.status(), status == null ? "" : status.getReasonPhrase(), response.headerList(),
                response.body(), operation.contentId(), operation.contentIdInRequest());
    }

    /** A write of a change set that succeeded, and the job it queued (null when none). */
    private record Ran(Operation operation, Answer answer, ChangeSetJobs.Queued job) {
    }

    /** A part's URL as an absolute path and query under the batch's service root, or why it cannot be one. */
    private record Resolved(String pathAndQuery, String problem) {
    }

    /** Resolves the URLs of a batch's requests: absolute, absolute paths, relative to the root, {@code $n}. */
    private record Targets(String serviceRoot, Predicate<String> sameService) {

        Resolved resolve(Operation operation, Map<String, String> locations) {
            String target = operation.target();
            Matcher reference = CONTENT_ID_REFERENCE.matcher(target);
            if (reference.matches() && !target.startsWith("$batch") && !target.startsWith("$metadata")) {
                String location = locations.get(reference.group(1));
                if (location == null) {
                    return new Resolved("/", "'" + target + "' refers to Content-ID " + reference.group(1)
                            + ", which no earlier request of this change set has");
                }
                target = location + reference.group(2);
            }
            String path;
            if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
                try {
                    URI uri = new URI(target.replace(" ", "%20"));
                    path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                } catch (URISyntaxException e) {
                    path = target.substring(target.indexOf('/', target.indexOf("//") + 2) < 0 ? target.length()
                            : target.indexOf('/', target.indexOf("//") + 2));
                }
            } else if (target.startsWith("/")) {
                path = target;
            } else {
                path = serviceRoot + "/" + target;
            }
            String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (!sameService.test(pathOnly)) {
                return new Resolved("/", "'" + operation.target() + "' is not a URL of this service ("
                        + serviceRoot + "/)");
            }
            if (ODataResource.of(pathOnly) == ODataResource.BATCH) {
                return new Resolved("/", "A batch cannot contain another $batch request");
            }
            return new Resolved(path, null);
        }
    }
}
