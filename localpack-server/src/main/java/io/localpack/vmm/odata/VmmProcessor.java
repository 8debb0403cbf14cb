package io.localpack.vmm.odata;

import io.localpack.readcache.AnswerReuse;
import java.util.UUID;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.uri.UriInfo;
import org.springframework.stereotype.Component;

/**
 * Olingo's entry into LocalPack for one request: hands each kind of request to the class that does it. One instance
 * per request, as Olingo's handler is.
 */
public class VmmProcessor implements CountEntityCollectionProcessor, EntityProcessor, ErrorProcessor {

    /** The classes that do the work, shared by all requests. */
    @Component
    public record Handlers(CollectionReads collections, EntityReads entities, EntityWrites writes) {
    }

    private final Handlers handlers;
    private final UUID subscriptionId;
    private final String caller;
    private final ChangeSetJobs changeSet;
    private final AnswerReuse reuse;
    private OData odata;
    private ServiceMetadata serviceMetadata;

    /**
     * @param caller who made the request (the authenticated user, else x-ms-principal-id); null when nobody said
     * @param changeSet the {@code $batch} change set the request belongs to; null for a request of its own
     * @param reuse hears whether the answer may be given again: a read or a count of entities may, unless the
     *     read counted as a status read (which moves jobs in the polled timing mode)
     */
    public VmmProcessor(Handlers handlers, UUID subscriptionId, String caller, ChangeSetJobs changeSet,
            AnswerReuse reuse) {
        this.handlers = handlers;
        this.subscriptionId = subscriptionId;
        this.caller = caller;
        this.changeSet = changeSet;
        this.reuse = reuse;
    }

    @Override
    public void init(OData odata, ServiceMetadata serviceMetadata) {
        this.odata = odata;
        this.serviceMetadata = serviceMetadata;
    }

    private VmmRequest context(ODataRequest request) {
        return new VmmRequest(subscriptionId, caller, odata, serviceMetadata, request, changeSet, reuse);
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
            ContentType format) throws ODataApplicationException, ODataLibraryException {
        reuse.allow();
        handlers.collections().read(context(request), response, uriInfo, format);
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        reuse.allow(); // a count reads rows only: unlike a read of Jobs, it never moves a job
        handlers.collections().count(context(request), response, uriInfo);
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        reuse.allow();
        handlers.entities().read(context(request), response, uriInfo, format);
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        handlers.writes().create(context(request), response, uriInfo, requestFormat, responseFormat);
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        handlers.writes().update(context(request), response, uriInfo, requestFormat, responseFormat);
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        handlers.writes().delete(context(request), response, uriInfo);
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        ErrorAnswers.write(odata, request, response, error, format);
    }
}
