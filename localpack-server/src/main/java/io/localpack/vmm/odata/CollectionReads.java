package io.localpack.vmm.odata;

import io.localpack.dialect.QueryOptions;
import io.localpack.vmm.VmmSettings;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.PolledForStatus;
import io.localpack.vmm.query.EntityQuery;
import io.localpack.vmm.query.SkipToken;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.SystemQueryOption;
import org.springframework.stereotype.Component;

/**
 * Reads of whole entity sets (and of the collection a navigation leads to) as SQL: $filter, $orderby, $top, $skip,
 * keyset pages with a next link, and $count.
 */
@Component
public class CollectionReads {

    private final EntityManager entityManager;
    private final DeclaredEntitySets entitySets;
    private final ReadTransactions transactions;
    private final RelatedEntities related;
    private final int pageSize;

    CollectionReads(EntityManager entityManager, DeclaredEntitySets entitySets, ReadTransactions transactions,
            RelatedEntities related, VmmSettings settings) {
        this.entityManager = entityManager;
        this.entitySets = entitySets;
        this.transactions = transactions;
        this.related = related;
        this.pageSize = settings.pageSize();
    }

    void read(VmmRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet entitySet;
        Map<String, Object> constraints;
        UriResourceNavigation navigation = ResourcePaths.navigationOf(uriInfo);
        if (navigation != null) {
            // Services(…)/ComputerTiers: the target set's rows that belong to the source entity
            EdmEntitySet sourceSet = ResourcePaths.sourceSetOf(uriInfo);
            entitySet = (EdmEntitySet) sourceSet.getRelatedBindingTarget(navigation.getProperty().getName());
            VmmKey key = ResourcePaths.keyOf(uriInfo);
            EntitySetDeclaration<?> source = entitySets.of(sourceSet);
            constraints = transactions.run(() -> related.constraintsOf(source,
                    EntityReads.row(source, key, sourceSet, request), navigation.getProperty().getName()));
        } else {
            entitySet = ResourcePaths.entitySetOf(uriInfo);
            constraints = Map.of();
        }
        EntitySetDeclaration<?> declaration = entitySets.of(entitySet);
        int skip = uriInfo.getSkipOption() == null ? 0 : uriInfo.getSkipOption().getValue();
        Integer top = uriInfo.getTopOption() == null ? null : uriInfo.getTopOption().getValue();
        EntityQuery<?> query = new EntityQuery<>(entityManager, declaration, request.subscriptionId(),
                uriInfo.getFilterOption(), uriInfo.getOrderByOption(), constraints);
        String queryIdentity = queryIdentity(entitySet, uriInfo, constraints);
        SkipToken.Position from = uriInfo.getSkipTokenOption() == null ? new SkipToken.Position(0, null)
                : SkipToken.decode(uriInfo.getSkipTokenOption().getValue(), queryIdentity, query.sortKeyTypes());
        int remaining = top == null ? Integer.MAX_VALUE : Math.max(0, top - from.served());
        int limit = Math.min(pageSize, remaining);
        boolean withCount = uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue();

        Optional<PolledForStatus> polled = declaration.statusReads();
        if (polled.isPresent()) {
            request.reuse().forbid(); // the read itself may move jobs: the next one must count too
        }
        if (polled.isPresent() && limit > 0) {
            // count the read first (it may advance the jobs), then answer with what they show afterwards
            List<UUID> ids = transactions.run(() -> query.page(skip, from.after(), limit).stream()
                    .map(keyed -> idOf(declaration, keyed.row())).toList());
            polled.get().statusRead(request.subscriptionId(), ids);
        }
        EntityCollection collection = transactions.run(() -> {
            EntityCollection result = new EntityCollection();
            List<? extends EntityQuery.Keyed<?>> rows = limit == 0 ? List.of()
                    : query.page(skip, from.after(), limit + 1);
            for (int i = 0; i < Math.min(rows.size(), limit); i++) {
                Object row = rows.get(i).row();
                Entity entity = EntityAnswers.wire(declaration, row, request);
                related.expand(declaration, row, entity, uriInfo.getExpandOption(), entitySet, request);
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

        EdmEntityType type = entitySet.getEntityType();
        SelectOption select = uriInfo.getSelectOption();
        String selectList = request.odata().createUriHelper()
                .buildContextURLSelectList(type, uriInfo.getExpandOption(), select);
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                .contextURL(ContextURL.with().serviceRoot(request.serviceRoot()).entitySet(entitySet)
                        .selectList(selectList).build())
                .id(request.request().getRawBaseUri() + "/" + entitySet.getName())
                .count(uriInfo.getCountOption()).select(select).expand(uriInfo.getExpandOption()).build();
        response.setContent(request.odata().createSerializer(format)
                .entityCollection(request.serviceMetadata(), type, collection, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    void count(VmmRequest request, ODataResponse response, UriInfo uriInfo) throws ODataApplicationException {
        EntitySetDeclaration<?> declaration = entitySets.of(ResourcePaths.entitySetOf(uriInfo));
        long count = transactions.run(() -> new EntityQuery<>(entityManager, declaration, request.subscriptionId(),
                uriInfo.getFilterOption(), null).count());
        response.setContent(new ByteArrayInputStream(Long.toString(count).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    private static <T> UUID idOf(EntitySetDeclaration<T> declaration, Object row) {
        return declaration.keyOf(declaration.jpaType().cast(row)).getId();
    }

    private static URI nextLink(VmmRequest request, String skipToken) {
        return URI.create(request.request().getRawBaseUri() + request.request().getRawODataPath() + "?"
                + QueryOptions.withSkipToken(request.request().getRawQueryPath(), skipToken));
    }

    /** What a skip token is bound to: the rows it pages through, and their order. */
    private static String queryIdentity(EdmEntitySet entitySet, UriInfo uriInfo, Map<String, Object> constraints) {
        return entitySet.getName() + "|" + constraints + "|" + textOf(uriInfo.getFilterOption()) + "|"
                + textOf(uriInfo.getOrderByOption()) + "|" + textOf(uriInfo.getSkipOption());
    }

    private static String textOf(SystemQueryOption option) {
        return option == null ? "" : option.getText();
    }
}
