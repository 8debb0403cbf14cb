package io.localpack.vmm.query;

import java.util.Locale;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;

/** OData errors the query layer raises; Olingo writes them in the client's OData error format. */
public final class QueryErrors {

    private QueryErrors() {
    }

    public static ODataApplicationException badRequest(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ENGLISH,
                "BadRequest");
    }

    public static ODataApplicationException notFound(String message) {
        return new ODataApplicationException(message, HttpStatusCode.NOT_FOUND.getStatusCode(), Locale.ENGLISH,
                "NotFound");
    }
}
