package io.localpack.vmm.odata;

import io.localpack.dialect.QueryOptions;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobError;
import io.localpack.jobs.JobService;
import io.localpack.jobs.JobStatus;
import java.time.Duration;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.query.EntityQuery;
import io.localpack.vmm.query.QueryErrors;
import io.localpack.vmm.query.SkipToken;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.olingo.commons.api.Constants;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceCount;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.CountOption;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Olingo's entry into LocalPack for one request: reads, counts and writes of the VMM entity sets, translated to
 * database queries through {@link EntitySetBinding}s and to domain calls through {@link WritableEntitySet}s.
 */
public class VmmProcessor implements CountEntityCollectionProcessor, EntityProcessor, ErrorProcessor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VmmProcessor.class);

    private final Map<String, EntitySetBinding<?>> bindings;
    private final UUID subscriptionId;
    private final EntityManager entityManager;
    private final TransactionTemplate readTransaction;
    private final RequestBodies bodies;
    private final int pageSize;
    private final JobService jobs;
    private final Duration synchronousWait;
    /** Who made the request (the authenticated user, else x-ms-principal-id); null when nobody said. */
    private final String caller;
    private OData odata;
    private ServiceMetadata serviceMetadata;

    public VmmProcessor(Map<String, EntitySetBinding<?>> bindings, UUID subscriptionId, EntityManager entityManager,
            TransactionTemplate readTransaction, RequestBodies bodies, int pageSize, JobService jobs,
            Duration synchronousWait, String caller) {
        this.caller = caller;
        this.jobs = jobs;
        this.synchronousWait = synchronousWait;
        this.bindings = bindings;
        this.subscriptionId = subscriptionId;
        this.entityManager = entityManager;
        this.readTransaction = readTransaction;
        this.bodies = bodies;
        this.pageSize = pageSize;
    }

    @Override
    public void init(OData odata, ServiceMetadata serviceMetadata) {
        this.odata = odata;
        this.serviceMetadata = serviceMetadata;
    }

    // --- collections ---

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo,
            ContentType format) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet;
        Map<String, Object> constraints;
        List<UriResource> parts = uriInfo.getUriResourceParts();
        if (parts.size() == 2 && parts.get(1) instanceof UriResourceNavigation navigation) {
            // Services(…)/ComputerTiers: the target set's rows that belong to the source entity
            EdmEntitySet sourceSet = ((UriResourceEntitySet) parts.get(0)).getEntitySet();
            entitySet = (EdmEntitySet) sourceSet.getRelatedBindingTarget(navigation.getProperty().getName());
            VmmKeyValues key = keyOf(uriInfo);
            constraints = inReadTransaction(() -> relatedRowsOf(bindingOf(sourceSet), row(sourceSet, key),
                    navigation.getProperty().getName()));
        } else {
            entitySet = entitySetOf(uriInfo);
            constraints = Map.of();
        }
        EntitySetBinding<?> binding = bindingOf(entitySet);
        int skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        Integer top = uriInfo.getTopOption() == null ? null : uriInfo.getTopOption().getValue();
        EntityQuery<?> query = new EntityQuery<>(entityManager, binding, subscriptionId, uriInfo.getFilterOption(),
                uriInfo.getOrderByOption(), constraints);
        String queryIdentity = queryIdentity(entitySet, uriInfo, constraints);
        SkipToken.Position from = uriInfo.getSkipTokenOption() == null ? new SkipToken.Position(0, null)
                : SkipToken.decode(uriInfo.getSkipTokenOption().getValue(), queryIdentity, query.sortKeyTypes());
        int remaining = top == null ? Integer.MAX_VALUE : Math.max(0, top - from.served());
        int limit = Math.min(pageSize, remaining);
        boolean withCount = uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue();

        if (binding instanceof PolledForStatus polled && limit > 0) {
            // count the read first (it may advance the jobs), then answer with what they show afterwards
            List<UUID> ids = inReadTransaction(() -> query.page(skip, from.after(), limit).stream()
                    .map(keyed -> polled.idOf(keyed.row())).toList());
            polled.statusRead(subscriptionId, ids);
        }
        EntityCollection collection = inReadTransaction(() -> {
            EntityCollection result = new EntityCollection();
            List<? extends EntityQuery.Keyed<?>> rows = limit == 0 ? List.of()
                    : query.page(skip, from.after(), limit + 1);
            for (int i = 0; i < Math.min(rows.size(), limit); i++) {
                Object row = rows.get(i).row();
                Entity entity = wire(binding, row, request);
                expand(binding, row, entity, uriInfo.getExpandOption(), entitySet, request);
                result.getEntities().add(entity);
            }
            if (rows.size() > limit && limit < remaining) {
                SkipToken.Position next = new SkipToken.Position(from.served() + limit,
                        rows.get(limit - 1).sortKeys());
                result.setNext(nextLink(request, SkipToken.encode(next, queryIdentity)));
            }
            if (withCount) {
                result.setCount((int) Math.min(Integer.MAX_VALUE, query.count()));
            }
            return result;
        });

        ODataSerializer serializer = odata.createSerializer(format);
        EdmEntityType type = entitySet.getEntityType();
        SelectOption select = uriInfo.getSelectOption();
        String selectList = odata.createUriHelper().buildContextURLSelectList(type, uriInfo.getExpandOption(), select);
        CountOption count = uriInfo.getCountOption();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                .contextURL(ContextURL.with().serviceRoot(serviceRoot(request)).entitySet(entitySet)
                        .selectList(selectList).build())
                .id(request.getRawBaseUri() + "/" + entitySet.getName())
                .count(count).select(select).expand(uriInfo.getExpandOption()).build();
        response.setContent(serializer.entityCollection(serviceMetadata, type, collection, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        EntitySetBinding<?> binding = bindingOf(entitySetOf(uriInfo));
        long count = inReadTransaction(() -> new EntityQuery<>(entityManager, binding, subscriptionId,
                uriInfo.getFilterOption(), null).count());
        response.setContent(new ByteArrayInputStream(Long.toString(count).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    // --- single entities ---

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        if (parts.size() == 2 && parts.get(1) instanceof UriResourceNavigation navigation) {
            readNavigation(request, response, uriInfo, navigation, format);
            return;
        }
        EdmEntitySet entitySet = entitySetOf(uriInfo);
        Entity entity = readByKey(entitySet, keyOf(uriInfo), request, uriInfo.getExpandOption());
        writeEntity(request, response, entitySet, entity, format, uriInfo, HttpStatusCode.OK);
    }

    /** {@code Services(…)/Cloud} and the like: the related entity, or 204 when the link is empty. */
    private void readNavigation(ODataRequest request, ODataResponse response, UriInfo uriInfo,
            UriResourceNavigation navigation, ContentType format) throws ODataApplicationException,
            ODataLibraryException {
        UriResourceEntitySet source = (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
        EdmEntitySet sourceSet = source.getEntitySet();
        EdmEntitySet targetSet = (EdmEntitySet) sourceSet.getRelatedBindingTarget(
                navigation.getProperty().getName());
        VmmKeyValues key = keyOf(uriInfo);
        Entity related = inReadTransaction(() -> navigate(bindingOf(sourceSet), row(sourceSet, key),
                navigation.getProperty().getName(), targetSet, request));
        if (related == null) {
            response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
            return;
        }
        writeEntity(request, response, targetSet, related, format, uriInfo, HttpStatusCode.OK);
    }

    /** The entity a single-valued navigation of {@code row} points at, read tenant-scoped; null when none. */
    @SuppressWarnings("unchecked")
    private <T> Entity navigate(EntitySetBinding<T> binding, Object row, String navigation, EdmEntitySet targetSet,
            ODataRequest request) throws ODataApplicationException {
        java.util.function.Function<T, VmmKey> keyOf = binding.navigations().get(navigation);
        if (keyOf == null) {
            throw new ODataApplicationException("Navigation " + navigation + " is not supported",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ENGLISH, "NotImplemented");
        }
        VmmKey target = keyOf.apply((T) row);
        if (target == null) {
            return null;
        }
        EntitySetBinding<?> targetBinding = bindingOf(targetSet);
        Object related = targetBinding.find(subscriptionId, target.getId(), target.getStampId()).orElse(null);
        return related == null ? null : wire(targetBinding, related, request);
    }

    /** Adds the entities $expand asks for as inline links. */
    private void expand(EntitySetBinding<?> binding, Object row, Entity entity, ExpandOption expand,
            EdmEntitySet entitySet, ODataRequest request) throws ODataApplicationException {
        if (expand == null) {
            return;
        }
        for (ExpandItem item : expand.getExpandItems()) {
            if (item.isStar()) {
                throw QueryErrors.badRequest("$expand=* is not supported; name the navigation properties");
            }
            UriResource part = item.getResourcePath().getUriResourceParts().get(0);
            if (!(part instanceof UriResourceNavigation navigation)) {
                throw QueryErrors.badRequest("$expand must name navigation properties");
            }
            String name = navigation.getProperty().getName();
            EdmEntitySet targetSet = (EdmEntitySet) entitySet.getRelatedBindingTarget(name);
            Link link = entity.getNavigationLink(name); // the deferred link wire() made
            if (link == null) {
                link = new Link();
                link.setTitle(name);
                entity.getNavigationLinks().add(link);
            }
            if (navigation.getProperty().isCollection()) {
                link.setInlineEntitySet(relatedCollection(binding, row, name, targetSet, request));
            } else {
                link.setInlineEntity(navigate(binding, row, name, targetSet, request));
            }
        }
    }

    /** Most entities one expanded collection may inline; a service has a handful of tiers, never near this. */
    private static final int MAX_EXPANDED = 1000;

    private EntityCollection relatedCollection(EntitySetBinding<?> binding, Object row, String navigation,
            EdmEntitySet targetSet, ODataRequest request) throws ODataApplicationException {
        EntitySetBinding<?> targetBinding = bindingOf(targetSet);
        EntityCollection related = new EntityCollection();
        for (Object target : new EntityQuery<>(entityManager, targetBinding, subscriptionId, null, null,
                relatedRowsOf(binding, row, navigation)).rows(0, MAX_EXPANDED)) {
            related.getEntities().add(wire(targetBinding, target, request));
        }
        return related;
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, Object> relatedRowsOf(EntitySetBinding<T> binding, Object row, String navigation)
            throws ODataApplicationException {
        java.util.function.Function<T, Map<String, Object>> select = binding.collectionNavigations().get(navigation);
        if (select == null) {
            throw new ODataApplicationException("Navigation " + navigation + " is not supported",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ENGLISH, "NotImplemented");
        }
        return select.apply((T) row);
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet = entitySetOf(uriInfo);
        WritableEntitySet writable = writableOf(entitySet);
        Entity body = bodies.read(request, requestFormat, entitySet.getEntityType(), odata, serviceMetadata);
        WritableEntitySet.WriteOutcome created = domain(() -> writable.create(subscriptionId, body, caller));
        finish(created, request, response);
        Entity entity = readByKey(entitySet, new VmmKeyValues(created.key().getId(), created.key().getStampId()),
                request, null);
        response.setHeader(HttpHeader.LOCATION, entity.getId().toASCIIString());
        writeEntity(request, response, entitySet, entity, responseFormat, null, HttpStatusCode.CREATED);
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType requestFormat,
            ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet = entitySetOf(uriInfo);
        WritableEntitySet writable = writableOf(entitySet);
        VmmKeyValues key = keyOf(uriInfo);
        Entity body = bodies.read(request, requestFormat, entitySet.getEntityType(), odata, serviceMetadata);
        finish(domain(() -> writable.update(subscriptionId, key.id(), key.stampId(), body, caller)),
                request, response);
        if (wantsContent(request)) {
            Entity entity = readByKey(entitySet, key, request, null);
            response.setHeader("Preference-Applied", "return=representation");
            writeEntity(request, response, entitySet, entity, responseFormat, null, HttpStatusCode.OK);
        } else {
            response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
        }
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet = entitySetOf(uriInfo);
        WritableEntitySet writable = writableOf(entitySet);
        VmmKeyValues key = keyOf(uriInfo);
        finish(domain(() -> writable.delete(subscriptionId, key.id(), key.stampId(), caller)), request,
                response);
        response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
    }

    /** Every OData error carries a code; Olingo's own errors come without one, so name them by their status. */
    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        if (error.getStatusCode() >= 500 && !(error.getException() instanceof ODataApplicationException)) {
            // an unexpected failure: logged here, while the caller learns nothing of SQL or stack traces
            log.error("OData request {} {} failed", request.getMethod(), request.getRawODataPath(), error.getException());
            error.setMessage("The server encountered an internal error; see the LocalPack log.");
        }
        if (error.getCode() == null) {
            HttpStatusCode status = HttpStatusCode.fromStatusCode(error.getStatusCode());
            error.setCode(status == null ? "Error" : pascalCase(status.name().replace('_', ' ').toLowerCase(Locale.ROOT)));
        }
        try {
            ContentType errorFormat = format == null || !format.isCompatible(ContentType.APPLICATION_XML)
                    ? ContentType.JSON : format;
            response.setContent(odata.createSerializer(errorFormat).error(error).getContent());
            response.setStatusCode(error.getStatusCode());
            response.setHeader(HttpHeader.CONTENT_TYPE, errorFormat.toContentTypeString());
        } catch (ODataLibraryException e) {
            response.setStatusCode(error.getStatusCode());
        }
    }

    private static String pascalCase(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    // --- helpers ---

    /** One row of the subscription by key; call inside a read transaction. */
    private Object row(EdmEntitySet entitySet, VmmKeyValues key) throws ODataApplicationException {
        return bindingOf(entitySet).find(subscriptionId, key.id(), key.stampId())
                .orElseThrow(() -> QueryErrors.notFound(entitySet.getEntityType().getName() + " " + key + " not found"));
    }

    /**
     * The request id is the job id. Without {@code RunAsynchronously=1} the request waits for its job and a failed
     * job becomes an OData error carrying the job's VMM error; with it, the answer goes out at once.
     */
    private void finish(WritableEntitySet.WriteOutcome outcome, ODataRequest request, ODataResponse response)
            throws ODataApplicationException {
        response.setHeader("x-ms-request-id", outcome.jobId().toString());
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
        if (job.status() == JobStatus.Failed || job.status() == JobStatus.Canceled) {
            JobError error = job.error();
            int status = error == null ? 500 : error.httpStatus();
            throw new ODataApplicationException((error == null ? "The job failed" : error.problem()) + " (VMM error "
                    + (error == null ? "" : error.code()) + ", job " + job.id() + ")", status, Locale.ENGLISH,
                    error == null ? "JobFailed" : Integer.toString(error.code()));
        }
    }

    private static boolean runsAsynchronously(ODataRequest request) {
        String query = request.getRawQueryPath();
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

    private Entity readByKey(EdmEntitySet entitySet, VmmKeyValues key, ODataRequest request, ExpandOption expand)
            throws ODataApplicationException {
        EntitySetBinding<?> binding = bindingOf(entitySet);
        if (binding instanceof PolledForStatus polled) {
            polled.statusRead(subscriptionId, List.of(key.id()));
        }
        return inReadTransaction(() -> {
            Object row = row(entitySet, key);
            Entity entity = wire(binding, row, request);
            expand(binding, row, entity, expand, entitySet, request);
            return entity;
        });
    }

    private static URI serviceRoot(ODataRequest request) {
        return URI.create(request.getRawBaseUri() + "/");
    }

    private void writeEntity(ODataRequest request, ODataResponse response, EdmEntitySet entitySet, Entity entity,
            ContentType format, UriInfo uriInfo, HttpStatusCode status) throws ODataLibraryException {
        EdmEntityType type = entitySet.getEntityType();
        SelectOption select = uriInfo == null ? null : uriInfo.getSelectOption();
        ExpandOption expand = uriInfo == null ? null : uriInfo.getExpandOption();
        String selectList = odata.createUriHelper().buildContextURLSelectList(type, expand, select);
        EntitySerializerOptions options = EntitySerializerOptions.with()
                .contextURL(ContextURL.with().serviceRoot(serviceRoot(request)).entitySet(entitySet)
                        .selectList(selectList).suffix(ContextURL.Suffix.ENTITY).build())
                .select(select).expand(expand).build();
        response.setContent(odata.createSerializer(format).entity(serviceMetadata, type, entity, options).getContent());
        response.setStatusCode(status.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @SuppressWarnings("unchecked")
    private <T> Entity wire(EntitySetBinding<T> binding, Object row, ODataRequest request) {
        Entity entity = binding.toEntity((T) row, subscriptionId);
        VmmKeyValues key = VmmKeyValues.of(entity);
        String segment = EntityWriter.keySegment(binding.entitySetName(), key.id(), key.stampId());
        if (entity.getId() == null) {
            entity.setId(URI.create(request.getRawBaseUri() + "/" + segment));
        }
        // a link per navigation property: full-metadata answers (V4 and V3) name where the related entities are
        for (String navigation : navigationNames(binding)) {
            Link link = new Link();
            link.setTitle(navigation);
            link.setRel(Constants.NS_NAVIGATION_LINK_REL + navigation);
            link.setHref(segment + "/" + navigation);
            entity.getNavigationLinks().add(link);
        }
        return entity;
    }

    private static java.util.Set<String> navigationNames(EntitySetBinding<?> binding) {
        java.util.Set<String> names = new java.util.TreeSet<>(binding.navigations().keySet());
        names.addAll(binding.collectionNavigations().keySet());
        return names;
    }

    private static URI nextLink(ODataRequest request, String skipToken) {
        return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?"
                + QueryOptions.withSkipToken(request.getRawQueryPath(), skipToken));
    }

    /** What a skip token is bound to: the rows it pages through, and their order. */
    private static String queryIdentity(EdmEntitySet entitySet, UriInfo uriInfo, Map<String, Object> constraints) {
        return entitySet.getName() + "|" + constraints + "|" + textOf(uriInfo.getFilterOption()) + "|"
                + textOf(uriInfo.getOrderByOption()) + "|" + textOf(uriInfo.getSkipOption());
    }

    private static String textOf(org.apache.olingo.server.api.uri.queryoption.SystemQueryOption option) {
        return option == null ? "" : option.getText();
    }

    /** V4 asks with Prefer: return=representation; SPF's V3 clients with Prefer: return-content. */
    private static boolean wantsContent(ODataRequest request) {
        List<String> prefer = request.getHeaders("Prefer");
        if (prefer == null) {
            return false;
        }
        return prefer.stream().map(p -> p.toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.contains("return=representation") || p.contains("return-content"));
    }

    private EdmEntitySet entitySetOf(UriInfo uriInfo) throws ODataApplicationException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        boolean count = parts.size() == 2 && parts.get(1) instanceof UriResourceCount;
        if ((parts.size() != 1 && !count) || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw new ODataApplicationException("This resource path is not supported", HttpStatusCode.NOT_IMPLEMENTED
                    .getStatusCode(), Locale.ENGLISH, "NotImplemented");
        }
        return set.getEntitySet();
    }

    private EntitySetBinding<?> bindingOf(EdmEntitySet entitySet) throws ODataApplicationException {
        EntitySetBinding<?> binding = bindings.get(entitySet.getName());
        if (binding == null) {
            throw QueryErrors.notFound("Entity set " + entitySet.getName() + " is not served");
        }
        return binding;
    }

    private WritableEntitySet writableOf(EdmEntitySet entitySet) throws ODataApplicationException {
        if (bindingOf(entitySet) instanceof WritableEntitySet writable) {
            return writable;
        }
        throw new ODataApplicationException(entitySet.getName() + " is read-only",
                HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(), Locale.ENGLISH, "MethodNotAllowed");
    }

    private static VmmKeyValues keyOf(UriInfo uriInfo) throws ODataApplicationException {
        UriResourceEntitySet set = (UriResourceEntitySet) uriInfo.getUriResourceParts().get(0);
        UUID id = null;
        UUID stampId = null;
        for (UriParameter parameter : set.getKeyPredicates()) {
            UUID value = guidOf(parameter);
            if (parameter.getName().equals("ID")) {
                id = value;
            } else if (parameter.getName().equals("StampId")) {
                stampId = value;
            }
        }
        if (id == null || stampId == null) {
            throw QueryErrors.badRequest("The key needs both ID and StampId");
        }
        return new VmmKeyValues(id, stampId);
    }

    private static UUID guidOf(UriParameter parameter) throws ODataApplicationException {
        try {
            return UUID.fromString(parameter.getText());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw QueryErrors.badRequest("Key " + parameter.getName() + " is not a valid GUID: " + parameter.getText());
        }
    }

    private interface ReadWork<T> {
        T run() throws ODataApplicationException;
    }

    private <T> T inReadTransaction(ReadWork<T> work) throws ODataApplicationException {
        try {
            return readTransaction.execute(status -> {
                try {
                    return work.run();
                } catch (ODataApplicationException e) {
                    throw new WrappedODataException(e);
                }
            });
        } catch (WrappedODataException e) {
            throw e.cause;
        }
    }

    private interface DomainWork<T> {
        T run();
    }

    /** Runs a domain call, rendering the domain's refusals as OData errors. */
    private static <T> T domain(DomainWork<T> work) throws ODataApplicationException {
        try {
            return work.run();
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

    private static final class WrappedODataException extends RuntimeException {
        private final ODataApplicationException cause;

        WrappedODataException(ODataApplicationException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** A VMM key as read from a URL or an entity. */
    record VmmKeyValues(UUID id, UUID stampId) {
        static VmmKeyValues of(Entity entity) {
            return new VmmKeyValues((UUID) entity.getProperty("ID").getValue(),
                    (UUID) entity.getProperty("StampId").getValue());
        }

        @Override
        public String toString() {
            return "(ID=" + id + ",StampId=" + stampId + ")";
        }
    }
}
