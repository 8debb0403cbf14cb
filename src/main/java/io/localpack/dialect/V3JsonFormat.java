package io.localpack.dialect;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The JSON formats of OData V3: JSON light at three metadata levels, and the older verbose JSON. */
public enum V3JsonFormat {
    MINIMAL_METADATA("application/json;odata=minimalmetadata;streaming=true;charset=utf-8"),
    FULL_METADATA("application/json;odata=fullmetadata;streaming=true;charset=utf-8"),
    NO_METADATA("application/json;odata=nometadata;streaming=true;charset=utf-8"),
    VERBOSE("application/json;odata=verbose;charset=utf-8");

    private final String contentType;

    V3JsonFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The Content-Type WCF Data Services writes for this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The JSON format a V3 request asks for through {@code $format} or Accept, or null when it asks for XML, Atom or
     * text. Plain {@code application/json}, a wildcard or no Accept at all mean JSON light with minimal metadata, as
     * WCF Data Services 5.1+ answers (it would send Atom for no Accept; LocalPack has no Atom yet).
     */
    public static V3JsonFormat requestedBy(HttpServletRequest request) {
        String format = ODataDialect.formatOption(request.getQueryString());
        if (format != null) {
            String lower = format.trim().toLowerCase(Locale.ROOT);
            if (lower.equals("json")) {
                return MINIMAL_METADATA;
            }
            return lower.startsWith("application/json") ? ofJsonMediaType(lower) : null;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return MINIMAL_METADATA;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String type = range.split(";")[0].trim();
            if (type.equals("application/json")) {
                return ofJsonMediaType(range);
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return MINIMAL_METADATA;
            }
            if (type.contains("xml") || type.startsWith("text/")) {
                return null; // the client prefers a format other than JSON
            }
        }
        return null;
    }

    private static V3JsonFormat ofJsonMediaType(String lowerCaseMediaType) {
        String compact = lowerCaseMediaType.replace(" ", "");
        if (compact.contains("odata=verbose")) {
            return VERBOSE;
        }
        if (compact.contains("odata=fullmetadata")) {
            return FULL_METADATA;
        }
        if (compact.contains("odata=nometadata")) {
            return NO_METADATA;
        }
        return MINIMAL_METADATA;
    }
}
