package io.localpack.vmm;

import io.localpack.dialect.DataServiceVersion;
import io.localpack.dialect.ODataDialect;
import io.localpack.dialect.ODataRequestAdapter;
import io.localpack.dialect.ODataNegotiation;
import io.localpack.dialect.ODataNegotiation.Negotiated;
import io.localpack.dialect.ODataResource;
import io.localpack.dialect.V3Metadata;
import io.localpack.dialect.V3Response;
import io.localpack.dialect.V3ServiceDocument;
import io.localpack.dialect.V3UriTranslator;
import io.localpack.readcache.AnswerReuse;
import io.localpack.readcache.ReusableAnswers;
import io.localpack.tenancy.SubscriptionLookup;
import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.ChangeSetJobs;
import io.localpack.vmm.odata.VmmProcessor;
import io.localpack.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SPF/VMM tenant OData service at {@code /{subscription-id}/services/systemcenter/vmm/}: resolves the tenant,
 * adapts the request to what Olingo parses, and hands it to Olingo with LocalPack's processor. V3 clients get the
 * answer rewritten into V3 by {@link V3Response}; V4 clients get Olingo's answer as it is.
 */
@RestController
public class VmmODataController {

    /** The service root, in the forms SPF clients use: any case of "vmm", optionally with the WCF service file. */
    private static final Pattern SERVICE_ROOT = Pattern.compile(
            "^(/([^/]+)/services/systemcenter/vmm(?:/Microsoft\\.Management\\.Odata\\.svc)?)(/.*)?$",
            Pattern.CASE_INSENSITIVE);

    private final OData odata = OData.newInstance();
    private final ServiceMetadata serviceMetadata;
    private final V3Metadata v3Metadata;
    private final V3ServiceDocument v3ServiceDocument;
    private final VmmProcessor.Handlers handlers;
    private final SubscriptionLookup subscriptions;
    private final VmmSettings settings;
    private final VmmBatch batch;
    private final ReusableAnswers reusableAnswers;

    public VmmODataController(VmmEdmProvider edm, VmmProcessor.Handlers handlers, SubscriptionLookup subscriptions,
            VmmSettings settings, VmmBatch batch, ReusableAnswers reusableAnswers) {
        this.serviceMetadata = odata.createServiceMetadata(edm, List.of());
        this.v3Metadata = new V3Metadata(edm.getSchemas());
        this.v3ServiceDocument = new V3ServiceDocument(serviceMetadata.getEdm().getEntityContainer().getEntitySets()
                .stream().map(org.apache.olingo.commons.api.edm.EdmEntitySet::getName).toList());
        this.handlers = handlers;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.batch = batch;
        this.reusableAnswers = reusableAnswers;
    }

    @RequestMapping({"/{subscriptionId}/services/systemcenter/{vmm:(?i)vmm}",
        "/{subscriptionId}/services/systemcenter/{vmm:(?i)vmm}/**"})
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        reusableAnswers.serve(request, response, Caller.principal(request), this::answer);
    }

    /** One request, or one part of a $batch; {@code reuse} hears whether its answer may be given again. */
    private void answer(HttpServletRequest request, HttpServletResponse response, AnswerReuse reuse)
            throws IOException {
        ODataDialect dialect = ODataDialect.of(request, settings.defaultDialect());
        Matcher root = SERVICE_ROOT.matcher(request.getRequestURI());
        ODataResource resource = root.matches() ? ODataResource.of(root.group(3)) : ODataResource.DATA;
        if (dialect == ODataDialect.V4) {
            dialect.declareOn(response); // Olingo says so too, but not on the errors written here before it runs
            serve(request, response, resource, ODataNegotiation.v4(request, resource), null, reuse);
            return;
        }
        Optional<Negotiated> format = ODataNegotiation.v3(request, resource);
        // Atom is rendered from the full-metadata JSON Olingo writes, as the V3 JSON formats are
        Negotiated answer = format.orElse(Negotiated.AS_SENT);
        DataServiceVersion needed = DataServiceVersion.requiredBy(request, resource);
        DataServiceVersion max = DataServiceVersion.maxOf(request);
        String minRefused = null;
        try {
            // the answer declares at least the client's minimum (WCF DS 5.x clients send MinDataServiceVersion: 3.0)
            needed = DataServiceVersion.max(needed, DataServiceVersion.minOf(request));
        } catch (IllegalArgumentException e) {
            minRefused = e.getMessage();
        }
        V3Response v3Response = new V3Response(response, answer.v3Json(), answer.atom(), request.getQueryString(),
                max.atLeast(needed) || resource == ODataResource.METADATA ? needed : DataServiceVersion.V1, max);
        if (minRefused != null || !max.atLeast(needed) && resource != ODataResource.METADATA) {
            v3Response.setHeader(REQUEST_ID, UUID.randomUUID().toString()); // refused before serve() names one
        }
        if (minRefused != null) {
            ODataErrors.write(v3Response, 400, "", minRefused);
        } else if (!max.atLeast(needed) && resource != ODataResource.METADATA) {
            // WCF Data Services refuses what the client could not read, in the client's error format; $metadata is
            // the one V3 document every client reads whatever its maximum
            ODataErrors.write(v3Response, 400, "", DataServiceVersion.tooLowMessage(needed, max));
        } else {
            serve(request, v3Response, resource, format, v3Metadata, reuse);
        }
        v3Response.finish();
    }

    /**
     * @param format the negotiated format; empty when nothing the client accepts can be written
     * @param metadata the $metadata document to answer with instead of Olingo's V4 one; null for V4 clients
     */
    private void serve(HttpServletRequest request, HttpServletResponse response, ODataResource resource,
            Optional<Negotiated> format, V3Metadata metadata, AnswerReuse reuse) throws IOException {
        Matcher root = SERVICE_ROOT.matcher(request.getRequestURI());
        if (!root.matches()) {
            ODataErrors.write(response, 404, "NotFound", "Not an SPF/VMM service URL");
            return;
        }
        UUID subscriptionId = subscriptionOf(root.group(2));
        if (subscriptionId == null || !subscriptions.exists(subscriptionId)) {
            ODataErrors.write(response, 404, "SubscriptionNotFound",
                    "Subscription '" + URLDecoder.decode(root.group(2), StandardCharsets.UTF_8) + "' not found");
            return;
        }
        if (request.getContentLengthLong() > settings.maxRequestBodyBytes()) {
            ODataErrors.write(response, 413, "RequestEntityTooLarge",
                    "The request body exceeds the limit of " + settings.maxRequestBodyBytes() + " bytes");
            return;
        }
        if (resource != ODataResource.BATCH && hasBody(request) && !isODataMediaType(request.getContentType())) {
            ODataErrors.write(response, 415, "UnsupportedMediaType", "Content-Type '" + request.getContentType()
                    + "' is not supported; send application/json (or application/atom+xml / application/xml)");
            return;
        }
        if (format.isEmpty()) {
            ODataErrors.write(response, 406, "NotAcceptable", "None of the media types in the Accept header ('"
                    + request.getHeader("Accept") + "') can be written for this resource");
            return;
        }
        String odataPath = root.group(3) == null ? "/" : root.group(3);
        String translatedPath = V3UriTranslator.encodePath(
                V3UriTranslator.translatePath(V3UriTranslator.decodePath(odataPath)));
        ODataRequestAdapter adapted = new ODataRequestAdapter(request, root.group(1), translatedPath,
                settings.maxRequestBodyBytes(), format.get().v3Json(), format.get().olingoAccept());

        HttpServletResponse answer = new RequestIdResponse(response);
        answer.setHeader(REQUEST_ID, UUID.randomUUID().toString());
        answer.setHeader("Cache-Control", "no-cache");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        if (metadata != null && ODataRequestAdapter.isMetadataPath(translatedPath)) {
            serveV3Metadata(request, answer, metadata); // Olingo writes only V4's EDMX 4.0
            return;
        }
        if (metadata != null && resource == ODataResource.SERVICE_DOCUMENT) {
            serveV3ServiceDocument(request, (V3Response) response, answer, format.get(), root.group(1));
            return;
        }
        if (resource == ODataResource.BATCH) {
            String subscriptionSegment = root.group(2);
            batch.serve(request, answer, metadata != null ? ODataDialect.V3 : ODataDialect.V4, root.group(1),
                    path -> sameService(path, subscriptionSegment), new VmmBatch.Pipeline() {
                        @Override
                        public void handle(HttpServletRequest part, HttpServletResponse partResponse)
                                throws IOException {
                            answer(part, partResponse, new AnswerReuse()); // parts are not kept
                        }

                        @Override
                        public void refuse(HttpServletRequest part, HttpServletResponse partResponse, int status,
                                String code, String message) throws IOException {
                            VmmODataController.this.refuse(part, partResponse, status, code, message);
                        }
                    });
            return;
        }
        ODataHttpHandler handler = odata.createHandler(serviceMetadata);
        handler.register(new VmmProcessor(handlers, subscriptionId, Caller.principal(request),
                request.getAttribute(ChangeSetJobs.ATTRIBUTE) instanceof ChangeSetJobs changeSet ? changeSet : null,
                reuse));
        handler.process(adapted, answer);
    }

    /** Whether an absolute path is under the service root of the subscription a batch was sent to. */
    private static boolean sameService(String path, String subscriptionSegment) {
        Matcher root = SERVICE_ROOT.matcher(path);
        return root.matches() && root.group(2).equalsIgnoreCase(subscriptionSegment);
    }

    /** Answers a request with an error in its own dialect and format, as Olingo's errors are answered. */
    void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        ODataDialect dialect = ODataDialect.of(request, settings.defaultDialect());
        if (dialect == ODataDialect.V4) {
            dialect.declareOn(response);
            ODataErrors.write(response, status, code, message);
            return;
        }
        Negotiated answer = ODataNegotiation.v3(request, ODataResource.DATA).orElse(Negotiated.AS_SENT);
        DataServiceVersion floor = DataServiceVersion.V1;
        try {
            floor = DataServiceVersion.minOf(request);
        } catch (IllegalArgumentException e) {
            // the error being written is the answer; the version header stays the lowest
        }
        V3Response v3Response = new V3Response(response, answer.v3Json(), answer.atom(), request.getQueryString(),
                floor, DataServiceVersion.maxOf(request));
        ODataErrors.write(v3Response, status, code, message);
        v3Response.finish();
    }

    /**
     * The V3 $metadata: EDMX 1.0 for GET and HEAD (headers only); V3 has no JSON form of it, so {@code $format=json}
     * is refused as WCF Data Services refuses a format it cannot write; other verbs are not allowed.
     */
    private static void serveV3Metadata(HttpServletRequest request, HttpServletResponse response, V3Metadata metadata)
            throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            ODataErrors.write(response, 405, "MethodNotAllowed", "$metadata can only be read (GET or HEAD)");
            return;
        }
        String format = request.getParameter("$format");
        if (format != null && !format.equalsIgnoreCase("xml") && !format.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/xml")) {
            ODataErrors.write(response, 415, "UnsupportedMediaType", "The OData V3 $metadata document is only "
                    + "available as XML (application/xml), not as '" + format + "'");
            return;
        }
        metadata.writeTo(response, "HEAD".equals(method));
    }

    /** The V3 service root: the entity sets the EDM declares, for GET and HEAD (headers only). */
    private void serveV3ServiceDocument(HttpServletRequest request, V3Response v3Response,
            HttpServletResponse response, Negotiated format, String serviceRootPath) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            ODataErrors.write(response, 405, "MethodNotAllowed", "The service document can only be read (GET or HEAD)");
            return;
        }
        v3Response.expectV3Body(); // the document below is V3 already, not Olingo's V4 for rewriting
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        v3ServiceDocument.writeTo(response, format, origin + serviceRootPath + "/", "HEAD".equals(method));
    }

    /** Clients send a Content-Type on GET and DELETE too; it matters only when a body comes with it. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isODataMediaType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("application/xml")
                || type.startsWith("application/atom+xml");
    }

    private static final String REQUEST_ID = "x-ms-request-id";

    /**
     * Every response carries one fresh x-ms-request-id; a write replaces it with its job's id (Olingo adds the
     * processor's headers, which would otherwise give two).
     */
    private static final class RequestIdResponse extends jakarta.servlet.http.HttpServletResponseWrapper {
        RequestIdResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (REQUEST_ID.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    private static UUID subscriptionOf(String segment) {
        try {
            return UUID.fromString(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
