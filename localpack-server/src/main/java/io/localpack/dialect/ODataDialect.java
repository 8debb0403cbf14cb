package io.localpack.dialect;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The OData version a client speaks, judged from its request: the real SPF is a V3 (WCF Data Services) service, while
 * Olingo and V4 clients speak V4. LocalPack answers each in its own dialect from the one V4 core.
 */
public enum ODataDialect {
    V3, V4;

    /**
     * V4 when the request carries a V4 version header or media-type parameter; V3 when it carries a V3 one; the
     * fallback when it carries neither. V4 signals win over V3 ones: a client that names V4 can read V4.
     */
    public static ODataDialect of(HttpServletRequest request, ODataDialect fallback) {
        String mediaTypes = (nullToEmpty(request.getHeader("Accept")) + ";" + nullToEmpty(request.getContentType())
                + ";" + nullToEmpty(formatOption(request.getQueryString()))).toLowerCase(Locale.ROOT).replace(" ", "");
        if (request.getHeader("OData-Version") != null || request.getHeader("OData-MaxVersion") != null
                || mediaTypes.contains("odata.metadata=")) {
            return V4;
        }
        if (request.getHeader("DataServiceVersion") != null || request.getHeader("MaxDataServiceVersion") != null
                || mediaTypes.contains("odata=")) {
            return V3;
        }
        return fallback;
    }

    /** Says on the response which dialect it is written in, as WCF Data Services and Olingo do. */
    public void declareOn(HttpServletResponse response) {
        if (this == V3) {
            response.setHeader("DataServiceVersion", "3.0;");
        } else {
            response.setHeader("OData-Version", "4.0");
        }
    }

    /** The raw value of {@code $format} (also written {@code %24format}), or null. */
    static String formatOption(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String lower = pair.toLowerCase(Locale.ROOT);
            if (lower.startsWith("$format=") || lower.startsWith("%24format=")) {
                return java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
