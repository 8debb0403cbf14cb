package io.localpack.vmm.odata;

import java.util.Locale;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;

/** The OData error body of a request Olingo or a processor refused. */
final class ErrorAnswers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {
    }

    /** Every OData error carries a code; Olingo's own errors come without one, so name them by their status. */
    static void write(OData odata, ODataRequest request, ODataResponse response, ODataServerError error,
            ContentType format) {
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
}
