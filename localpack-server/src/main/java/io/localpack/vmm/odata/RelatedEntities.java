package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.NavigationDeclaration;
import io.localpack.vmm.query.EntityQuery;
import io.localpack.vmm.query.QueryErrors;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.springframework.stereotype.Component;

/**
 * The entities a row's navigation properties lead to, read through the target set's declaration (so tenant-scoped
 * like any read); for navigation paths and $expand. Call inside a read transaction.
 */
@Component
class RelatedEntities {

    /** Most entities one expanded collection may inline; a service has a handful of tiers, never near this. */
    private static final int MAX_EXPANDED = 1000;

    private final EntityManager entityManager;
    private final DeclaredEntitySets entitySets;

    RelatedEntities(EntityManager entityManager, DeclaredEntitySets entitySets) {
        this.entityManager = entityManager;
        this.entitySets = entitySets;
    }

    /** The entity a single-valued navigation of {@code row} points at; null when none. */
    <T> Entity navigate(EntitySetDeclaration<T> source, Object row, String navigation, EdmEntitySet targetSet,
            VmmRequest request) throws ODataApplicationException {
        NavigationDeclaration<T> declared = declared(source, navigation);
        if (declared.collection()) {
            throw unsupported(navigation);
        }
        VmmKey target = declared.key().apply(source.jpaType().cast(row));
        if (target == null) {
            return null;
        }
        EntitySetDeclaration<?> targetDeclaration = entitySets.of(targetSet);
        Object related = targetDeclaration.scope().find()
                .find(request.subscriptionId(), target.getId(), target.getStampId()).orElse(null);
        return related == null ? null : EntityAnswers.wire(targetDeclaration, related, request);
    }

    /** The JPA attribute values that select the rows a collection-valued navigation of {@code row} leads to. */
    <T> Map<String, Object> constraintsOf(EntitySetDeclaration<T> source, Object row, String navigation)
            throws ODataApplicationException {
        NavigationDeclaration<T> declared = declared(source, navigation);
        if (!declared.collection()) {
            throw unsupported(navigation);
        }
        return declared.constraints().apply(source.jpaType().cast(row));
    }

    /** Adds the entities $expand asks for as inline links. */
    void expand(EntitySetDeclaration<?> source, Object row, Entity entity, ExpandOption expand,
            EdmEntitySet entitySet, VmmRequest request) throws ODataApplicationException {
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
            Link link = entity.getNavigationLink(name); // the deferred link EntityAnswers.wire made
            if (link == null) {
                link = new Link();
                link.setTitle(name);
                entity.getNavigationLinks().add(link);
            }
            if (navigation.getProperty().isCollection()) {
                link.setInlineEntitySet(relatedCollection(source, row, name, targetSet, request));
            } else {
                link.setInlineEntity(navigate(source, row, name, targetSet, request));
            }
        }
    }

    private EntityCollection relatedCollection(EntitySetDeclaration<?> source, Object row, String navigation,
            EdmEntitySet targetSet, VmmRequest request) throws ODataApplicationException {
        EntitySetDeclaration<?> target = entitySets.of(targetSet);
        EntityCollection related = new EntityCollection();
        for (Object targetRow : new EntityQuery<>(entityManager, target, request.subscriptionId(), null, null,
                constraintsOf(source, row, navigation)).rows(0, MAX_EXPANDED)) {
            related.getEntities().add(EntityAnswers.wire(target, targetRow, request));
        }
        return related;
    }

    private static <T> NavigationDeclaration<T> declared(EntitySetDeclaration<T> source, String navigation)
            throws ODataApplicationException {
        return source.navigation(navigation).orElseThrow(() -> unsupported(navigation));
    }

    private static ODataApplicationException unsupported(String navigation) {
        return new ODataApplicationException("Navigation " + navigation + " is not supported",
                HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ENGLISH, "NotImplemented");
    }
}
