package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.query.QueryErrors;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceCount;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceNavigation;

/** What a request's resource path names: the entity set, the key, the navigation after it. */
final class ResourcePaths {

    private ResourcePaths() {
    }

    /** The set of {@code Set}, {@code Set/$count} or {@code Set(key)}; other paths are not served. */
    static EdmEntitySet entitySetOf(UriInfo uriInfo) throws ODataApplicationException {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        boolean count = parts.size() == 2 && parts.get(1) instanceof UriResourceCount;
        if ((parts.size() != 1 && !count) || !(parts.get(0) instanceof UriResourceEntitySet set)) {
            throw new ODataApplicationException("This resource path is not supported", HttpStatusCode.NOT_IMPLEMENTED
                    .getStatusCode(), Locale.ENGLISH, "NotImplemented");
        }
        return set.getEntitySet();
    }

    /** The navigation of {@code Set(key)/Navigation}; null for other paths. */
    static UriResourceNavigation navigationOf(UriInfo uriInfo) {
        List<UriResource> parts = uriInfo.getUriResourceParts();
        return parts.size() == 2 && parts.get(1) instanceof UriResourceNavigation navigation ? navigation : null;
    }

    /** The set the path starts at. */
    static EdmEntitySet sourceSetOf(UriInfo uriInfo) {
        return ((UriResourceEntitySet) uriInfo.getUriResourceParts().get(0)).getEntitySet();
    }

    /** The key of the path's first segment: VMM keys are ID and StampId, both GUIDs. */
    static VmmKey keyOf(UriInfo uriInfo) throws ODataApplicationException {
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
        return new VmmKey(id, stampId);
    }

    private static UUID guidOf(UriParameter parameter) throws ODataApplicationException {
        try {
            return UUID.fromString(parameter.getText());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw QueryErrors.badRequest("Key " + parameter.getName() + " is not a valid GUID: " + parameter.getText());
        }
    }
}
