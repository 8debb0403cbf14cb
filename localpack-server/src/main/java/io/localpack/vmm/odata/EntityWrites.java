package io.localpack.vmm.odata;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobError;
import io.localpack.jobs.JobService;
import io.localpack.jobs.JobStatus;
import io.localpack.vmm.VmmSettings;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.model.WritableEntitySet.WriteOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.uri.UriInfo;
import org.springframework.stereotype.Component;

/**
 * Creates, updates and deletes: the request becomes a domain call that queues a job, the request waits for the job
 * unless it runs asynchronously, and a failed job becomes an OData error.
 */
@Component
public class EntityWrites {

    private final DeclaredEntitySets entitySets;
    private final RequestBodies bodies;
    private final EntityReads reads;
    private final JobService jobs;
    private final Duration synchronousWait;

    EntityWrites(DeclaredEntitySets entitySets, RequestBodies bodies, EntityReads reads, JobService jobs,
            VmmSettings settings) {
        this.entitySets = entitySets;
        this.bodies = bodies;
        this.reads = reads;
        this.jobs = jobs;
        this.synchronousWait = settings.synchronousWait();
    }

    void create(VmmRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet = ResourcePaths.entitySetOf(uriInfo);
        WritableEntitySet writable = entitySets.writableOf(entitySet);
        Entity body = read(request, requestFormat, entitySet);
        WriteOutcome created = domain(() -> writable.create(request.subscriptionId(), body, request.caller()));
        finish(created, request, response);
        Entity entity = reads.readByKey(request, entitySet, created.key(), null);
        response.setHeader(HttpHeader.LOCATION, entity.getId().toASCIIString());
        EntityAnswers.write(request, response, entitySet, entity, responseFormat, null, HttpStatusCode.CREATED);
    }

    void update(VmmRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet = ResourcePaths.entitySetOf(uriInfo);
        WritableEntitySet writable = entitySets.writableOf(entitySet);
        VmmKey key = ResourcePaths.keyOf(uriInfo);
        Entity body = read(request, requestFormat, entitySet);
        finish(domain(() -> writable.update(request.subscriptionId(), key.getId(), key.getStampId(), body,
                request.caller())), request, response);
        if (wantsContent(request)) {
            Entity entity = reads.readByKey(request, entitySet, key, null);
            response.setHeader("Preference-Applied", "return=representation");
            EntityAnswers.write(request, response, entitySet, entity, responseFormat, null, HttpStatusCode.OK);
        } else {
            response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
        }
    }

    void delete(VmmRequest request, ODataResponse response, UriInfo uriInfo) throws ODataApplicationException {
        EdmEntitySet entitySet = ResourcePaths.entitySetOf(uriInfo);
        WritableEntitySet writable = entitySets.writableOf(entitySet);
        VmmKey key = ResourcePaths.keyOf(uriInfo);
        finish(domain(() -> writable.delete(request.subscriptionId(), key.getId(), key.getStampId(),
                request.caller())), request, response);
        response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
    }

    private Entity read(VmmRequest request, ContentType format, EdmEntitySet entitySet)
            throws ODataApplicationException, ODataLibraryException {
        return bodies.read(request.request(), format, entitySet.getEntityType(), request.odata(),
                request.serviceMetadata());
    }

    /**
     * The request id is the job id. Without {@code RunAsynchronously=1} the request waits for its job and a failed
     * job becomes an OData error carrying the job's VMM error; with it, the answer goes out at once. In a change set
     * the job cannot run before the change set commits: the batch waits for it after the commit.
     */
    private void finish(WriteOutcome outcome, VmmRequest request, ODataResponse response)
            throws ODataApplicationException {
        response.setHeader("x-ms-request-id", outcome.jobId().toString());
        if (request.changeSet() != null) {
            request.changeSet().add(outcome.jobId(), !runsAsynchronously(request));
            return;
        }
        if (runsAsynchronously(request)) {
            return;
        }
        Job job;
        try {
            job = jobs.awaitCompletion(outcome.jobId(), synchronousWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        JobFailure failure = JobFailure.of(job);
        if (failure != null) {
            throw new ODataApplicationException(failure.message(), failure.status(), Locale.ENGLISH, failure.code());
        }
    }

    /** A failed (or canceled) job as the OData error its request answers with. */
    public record JobFailure(int status, String code, String message) {

        /** The job's failure; null when it did not fail. */
        public static JobFailure of(Job job) {
            if (job.status() != JobStatus.Failed && job.status() != JobStatus.Canceled) {
                return null;
            }
            JobError error = job.error();
            return new JobFailure(error == null ? 500 : error.httpStatus(),
                    error == null ? "JobFailed" : Integer.toString(error.code()),
                    (error == null ? "The job failed" : error.problem()) + " (VMM error "
                            + (error == null ? "" : error.code()) + ", job " + job.id() + ")");
        }
    }

    private static boolean runsAsynchronously(VmmRequest request) {
        String query = request.request().getRawQueryPath();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("RunAsynchronously=1") || pair.equalsIgnoreCase("RunAsynchronously=true")) {
                return true;
            }
        }
        return false;
    }

    /** V4 asks with Prefer: return=representation; SPF's V3 clients with Prefer: return-content. */
    private static boolean wantsContent(VmmRequest request) {
        List<String> prefer = request.request().getHeaders("Prefer");
        if (prefer == null) {
            return false;
        }
        return prefer.stream().map(p -> p.toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.contains("return=representation") || p.contains("return-content"));
    }

    /** Runs a domain call, rendering the domain's refusals as OData errors. */
    private static WriteOutcome domain(Supplier<WriteOutcome> work) throws ODataApplicationException {
        try {
            return work.get();
        } catch (VmmRequestException e) {
            int status = switch (e.kind()) {
                case INVALID -> HttpStatusCode.BAD_REQUEST.getStatusCode();
                case NOT_FOUND -> HttpStatusCode.NOT_FOUND.getStatusCode();
                case CONFLICT -> HttpStatusCode.CONFLICT.getStatusCode();
                case NOT_ALLOWED -> HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode();
            };
            throw new ODataApplicationException(e.getMessage(), status, Locale.ENGLISH, e.code());
        }
    }
}
