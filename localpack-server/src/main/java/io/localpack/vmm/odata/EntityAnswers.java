package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.NavigationDeclaration;
import java.net.URI;
import java.util.TreeSet;
import org.apache.olingo.commons.api.Constants;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;

/** Rows as wire entities, and single entities as answers. */
final class EntityAnswers {

    private EntityAnswers() {
    }

    /** The wire form of a row of {@code entitySet}, with its id and a link per navigation property. */
    static <T> Entity wire(EntitySetDeclaration<T> entitySet, Object row, VmmRequest request) {
        T typed = entitySet.jpaType().cast(row);
        Entity entity = entitySet.toEntity(typed, request.subscriptionId());
        String segment = keySegment(entitySet.name(), entitySet.keyOf(typed));
        entity.setId(URI.create(request.request().getRawBaseUri() + "/" + segment));
        // full-metadata answers (V4 and V3) name where the related entities are
        TreeSet<String> navigations = new TreeSet<>();
        entitySet.navigations().stream().map(NavigationDeclaration::name).forEach(navigations::add);
        for (String navigation : navigations) {
            Link link = new Link();
            link.setTitle(navigation);
            link.setRel(Constants.NS_NAVIGATION_LINK_REL + navigation);
            link.setHref(segment + "/" + navigation);
            entity.getNavigationLinks().add(link);
        }
        return entity;
    }

    /** The canonical V4 key segment of a VMM entity. */
    static String keySegment(String entitySet, VmmKey key) {
        return entitySet + "(ID=" + key.getId() + ",StampId=" + key.getStampId() + ")";
    }

    /** One entity as the answer, shaped by the request's $select and $expand (none for a write's answer). */
    static void write(VmmRequest request, ODataResponse response, EdmEntitySet entitySet, Entity entity,
            ContentType format, UriInfo uriInfo, HttpStatusCode status) throws ODataLibraryException {
        EdmEntityType type = entitySet.getEntityType();
        SelectOption select = uriInfo == null ? null : uriInfo.getSelectOption();
        ExpandOption expand = uriInfo == null ? null : uriInfo.getExpandOption();
        String selectList = request.odata().createUriHelper().buildContextURLSelectList(type, expand, select);
        EntitySerializerOptions options = EntitySerializerOptions.with()
                .contextURL(ContextURL.with().serviceRoot(request.serviceRoot()).entitySet(entitySet)
                        .selectList(selectList).suffix(ContextURL.Suffix.ENTITY).build())
                .select(select).expand(expand).build();
        response.setContent(request.odata().createSerializer(format)
                .entity(request.serviceMetadata(), type, entity, options).getContent());
        response.setStatusCode(status.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }
}
