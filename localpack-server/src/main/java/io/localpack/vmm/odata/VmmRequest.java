package io.localpack.vmm.odata;

import io.localpack.readcache.AnswerReuse;
import java.net.URI;
import java.util.UUID;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ServiceMetadata;

/**
 * What every part of one OData request's handling needs to know about it.
 *
 * @param caller who made the request (the authenticated user, else x-ms-principal-id); null when nobody said
 * @param changeSet the {@code $batch} change set the request is part of; null for a request of its own
 * @param reuse whether the answer may be given again ({@code io.localpack.readcache})
 */
public record VmmRequest(UUID subscriptionId, String caller, OData odata, ServiceMetadata serviceMetadata,
        ODataRequest request, ChangeSetJobs changeSet, AnswerReuse reuse) {

    /** The service root, as the client addressed it. */
    public URI serviceRoot() {
        return URI.create(request.getRawBaseUri() + "/");
    }
}
