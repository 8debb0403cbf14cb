package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.query.QueryErrors;
import java.util.List;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.springframework.stereotype.Component;

/** Reads of one entity: by key (with $expand), or the entity a single-valued navigation leads to. */
@Component
public class EntityReads {

    private final DeclaredEntitySets entitySets;
    private final ReadTransactions transactions;
    private final RelatedEntities related;

    EntityReads(DeclaredEntitySets entitySets, ReadTransactions transactions, RelatedEntities related) {
        this.entitySets = entitySets;
        this.transactions = transactions;
        this.related = related;
    }

    void read(VmmRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        UriResourceNavigation navigation = ResourcePaths.navigationOf(uriInfo);
        if (navigation != null) {
            readNavigation(request, response, uriInfo, navigation, format);
            return;
        }
        EdmEntitySet entitySet = ResourcePaths.entitySetOf(uriInfo);
        Entity entity = readByKey(request, entitySet, ResourcePaths.keyOf(uriInfo), uriInfo.getExpandOption());
        EntityAnswers.write(request, response, entitySet, entity, format, uriInfo, HttpStatusCode.OK);
    }

    /** {@code Services(…)/Cloud} and the like: the related entity, or 204 when the link is empty. */
    private void readNavigation(VmmRequest request, ODataResponse response, UriInfo uriInfo,
            UriResourceNavigation navigation, ContentType format) throws ODataApplicationException,
            ODataLibraryException {
        EdmEntitySet sourceSet = ResourcePaths.sourceSetOf(uriInfo);
        String name = navigation.getProperty().getName();
        EdmEntitySet targetSet = (EdmEntitySet) sourceSet.getRelatedBindingTarget(name);
        VmmKey key = ResourcePaths.keyOf(uriInfo);
        EntitySetDeclaration<?> source = entitySets.of(sourceSet);
        Entity entity = transactions.run(() -> related.navigate(source, row(source, key, sourceSet, request), name,
                targetSet, request));
        if (entity == null) {
            response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
            return;
        }
        EntityAnswers.write(request, response, targetSet, entity, format, uriInfo, HttpStatusCode.OK);
    }

    /** The wire entity of one row by key, with what $expand asks for; counts as a status read where polled. */
    Entity readByKey(VmmRequest request, EdmEntitySet entitySet, VmmKey key, ExpandOption expand)
            throws ODataApplicationException {
        EntitySetDeclaration<?> declaration = entitySets.of(entitySet);
        declaration.statusReads().ifPresent(polled -> {
            request.reuse().forbid(); // the read itself may move a job: the next one must count too
            polled.statusRead(request.subscriptionId(), List.of(key.getId()));
        });
        return transactions.run(() -> {
            Object row = row(declaration, key, entitySet, request);
            Entity entity = EntityAnswers.wire(declaration, row, request);
            related.expand(declaration, row, entity, expand, entitySet, request);
            return entity;
        });
    }

    /** One row of the subscription by key; call inside a read transaction. */
    static Object row(EntitySetDeclaration<?> declaration, VmmKey key, EdmEntitySet entitySet, VmmRequest request)
            throws ODataApplicationException {
        return declaration.scope().find().find(request.subscriptionId(), key.getId(), key.getStampId())
                .orElseThrow(() -> QueryErrors.notFound(entitySet.getEntityType().getName() + " " + key
                        + " not found"));
    }
}
