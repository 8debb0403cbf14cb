package io.localpack.dialect;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The OData V1–V3 protocol versions of WCF Data Services' {@code DataServiceVersion} and
 * {@code MaxDataServiceVersion} headers. An answer declares the lowest version its payload needs and never more than
 * the client's maximum; a request that needs more than that maximum is refused as WCF Data Services refuses it.
 */
public enum DataServiceVersion {
    V1("1.0;"), V2("2.0;"), V3("3.0;");

    private final String header;

    DataServiceVersion(String header) {
        this.header = header;
    }

    /** The header value WCF Data Services writes, e.g. {@code 3.0;}. */
    public String header() {
        return header;
    }

    public boolean atLeast(DataServiceVersion other) {
        return compareTo(other) >= 0;
    }

    public static DataServiceVersion max(DataServiceVersion a, DataServiceVersion b) {
        return a.atLeast(b) ? a : b;
    }

    /** The client's {@code MaxDataServiceVersion}; V3 when absent or unreadable (a WCF DS 5.x client sends 3.0). */
    public static DataServiceVersion maxOf(HttpServletRequest request) {
        String value = request.getHeader("MaxDataServiceVersion");
        if (value == null) {
            return V3;
        }
        String number = value.split(";")[0].trim();
        return switch (number) {
            case "1.0", "1" -> V1;
            case "2.0", "2" -> V2;
            default -> V3;
        };
    }

    /**
     * The client's {@code MinDataServiceVersion} (WCF DS 5.x clients send 3.0): the answer declares at least this
     * version. V1 when absent.
     *
     * @throws IllegalArgumentException naming the header when its value is no version this service can answer with
     *     (not a version number, or above 3.0) or is above the client's own maximum: WCF Data Services refuses such a
     *     request with 400
     */
    public static DataServiceVersion minOf(HttpServletRequest request) {
        String value = request.getHeader("MinDataServiceVersion");
        if (value == null || value.isBlank()) {
            return V1;
        }
        String number = value.split(";")[0].trim();
        DataServiceVersion min = switch (number) {
            case "1.0", "1" -> V1;
            case "2.0", "2" -> V2;
            case "3.0", "3" -> V3;
            default -> null;
        };
        if (min == null) {
            if (number.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("The MinDataServiceVersion header value '" + value.trim()
                        + "' is higher than the highest version of the protocol this service supports, 3.0.");
            }
            throw new IllegalArgumentException("The MinDataServiceVersion header value '" + value.trim()
                    + "' is not a version number such as 3.0.");
        }
        DataServiceVersion max = maxOf(request);
        if (!max.atLeast(min)) {
            throw new IllegalArgumentException("The MaxDataServiceVersion header value in the request ("
                    + max.header.substring(0, 3) + ") is lower than its MinDataServiceVersion header value ("
                    + min.header.substring(0, 3) + ").");
        }
        return min;
    }

    /**
     * The version a request's own features need, whatever the format of the answer: V2 for {@code $inlinecount},
     * {@code $select} and {@code $count} (server paging is judged on the answer); V3 for the $metadata document,
     * whose EDMX declares 3.0, and for {@code any}/{@code all} in {@code $filter}.
     */
    public static DataServiceVersion requiredBy(HttpServletRequest request, ODataResource resource) {
        if (resource == ODataResource.METADATA) {
            return V3;
        }
        DataServiceVersion needed = V1;
        if (resource == ODataResource.RAW_VALUE && request.getRequestURI().toLowerCase(Locale.ROOT)
                .matches(".*/(\\$|%24)count/?$")) {
            needed = V2;
        }
        String query = request.getQueryString();
        if (query == null) {
            return needed;
        }
        for (String pair : query.split("&")) {
            String name = decodedName(pair);
            if (name.equals("$inlinecount") || name.equals("$select")) {
                needed = max(needed, V2);
            }
            if (name.equals("$filter")) {
                String filter = java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1).replace("+", " "),
                        java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (filter.matches(".*/\\s*(any|all)\\s*\\(.*")) {
                    needed = V3;
                }
            }
        }
        return needed;
    }

    /** Writes this version on a response. */
    void declareOn(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("DataServiceVersion", header);
    }

    /** WCF Data Services' message when a request needs a newer version than the client's maximum. */
    public static String tooLowMessage(DataServiceVersion needed, DataServiceVersion max) {
        return "The response requires that version " + needed.header.substring(0, 3) + " of the protocol be used, "
                + "but the MaxDataServiceVersion header value in the request is set to " + max.header.substring(0, 3)
                + ".";
    }

    private static String decodedName(String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
