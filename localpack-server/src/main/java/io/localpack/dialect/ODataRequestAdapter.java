package io.localpack.dialect;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as Olingo should see it: V3 URL forms translated to V4, MERGE (also tunnelled through POST with
 * X-HTTP-Method) as PATCH, V3 media types as their V4 equivalents, and a body that cannot exceed the size limit. A V3
 * JSON client's request asks Olingo for V4 JSON with Int64/Decimal as strings, with full metadata where the V3 format
 * shows types and links (full metadata, verbose, Atom) and minimal metadata otherwise: what {@link V3Response} needs.
 */
public final class ODataRequestAdapter extends HttpServletRequestWrapper {

    /** Olingo reads this attribute as the part of the URL that precedes the OData path (the service root). */
    private static final String OLINGO_REQUEST_MAPPING = "requestMapping";

    private final String method;
    private final String requestUri;
    private final String queryString;
    private final Map<String, String> replacedHeaders = new LinkedHashMap<>();
    private final long maxBodyBytes;

    /** The V4 media type whose body {@link V3Response} rewrites into the V3 formats that show types and links. */
    static final String V4_JSON_FOR_V3 = "application/json;odata.metadata=full;IEEE754Compatible=true";
    /**
     * The V4 media type for V3's minimal and no metadata: they show no type or link, so Olingo need not write them
     * (a third of a page's serializing and rewriting; issue 20).
     */
    static final String V4_LEAN_JSON_FOR_V3 = "application/json;odata.metadata=minimal;IEEE754Compatible=true";

    /**
     * @param v3JsonFormat the V3 JSON format the client asked for, or null when it is a V4 client or asked for
     *     something else than JSON
     * @param negotiatedAccept the Accept to hand Olingo when neither V3 JSON nor $metadata decides it (see
     *     {@link ODataNegotiation}); null to pass the client's own
     */
    public ODataRequestAdapter(HttpServletRequest request, String serviceRoot, String translatedODataPath,
            long maxBodyBytes, V3JsonFormat v3JsonFormat, String negotiatedAccept) {
        super(request);
        this.method = effectiveMethod(request);
        this.requestUri = serviceRoot + translatedODataPath;
        String query = V3UriTranslator.translateQuery(request.getQueryString());
        boolean metadata = isMetadataPath(translatedODataPath);
        boolean v3Json = v3JsonFormat != null && !metadata;
        this.queryString = v3Json ? withoutFormatOption(query) : query;
        this.maxBodyBytes = maxBodyBytes;
        request.setAttribute(OLINGO_REQUEST_MAPPING, serviceRoot);
        replacedHeaders.put("x-http-method", null);
        replacedHeaders.put("x-http-method-override", null);
        String contentType = request.getContentType();
        if (contentType != null) {
            replacedHeaders.put("content-type", MediaTypes.toV4(contentType));
        }
        String accept = request.getHeader("Accept");
        boolean formatGiven = queryString != null && queryString.contains("$format=");
        if (metadata && !formatGiven) {
            // SPF clients ask for JSON everywhere, but the metadata document they can read is XML; only an OData
            // 4.01 client that prefers JSON was negotiated JSON CSDL (ODataNegotiation)
            replacedHeaders.put("accept", negotiatedAccept != null && negotiatedAccept.startsWith("application/json")
                    ? "application/json" : "application/xml");
        } else if (v3Json) {
            replacedHeaders.put("accept", v3JsonFormat == V3JsonFormat.MINIMAL_METADATA
                    || v3JsonFormat == V3JsonFormat.NO_METADATA ? V4_LEAN_JSON_FOR_V3 : V4_JSON_FOR_V3);
        } else if (negotiatedAccept != null) {
            replacedHeaders.put("accept", MediaTypes.toV4(negotiatedAccept));
        } else if (accept != null) {
            replacedHeaders.put("accept", MediaTypes.toV4(accept));
        }
    }

    /** $format would override the Accept header that asks Olingo for what V3Response needs. */
    private static String withoutFormatOption(String query) {
        if (query == null) {
            return null;
        }
        String kept = java.util.Arrays.stream(query.split("&")).filter(pair -> !pair.startsWith("$format="))
                .collect(java.util.stream.Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }

    /** Whether a translated OData path (the part after the service root) asks for the metadata document. */
    public static boolean isMetadataPath(String translatedODataPath) {
        return "/$metadata".equals(translatedODataPath) || "/%24metadata".equalsIgnoreCase(translatedODataPath);
    }

    /** MERGE is V3's PATCH; V3 clients also tunnel it (and other verbs) through POST with X-HTTP-Method. */
    private static String effectiveMethod(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("POST")) {
            String tunnelled = request.getHeader("X-HTTP-Method");
            if (tunnelled == null) {
                tunnelled = request.getHeader("X-HTTP-Method-Override");
            }
            if (tunnelled != null) {
                method = tunnelled.trim().toUpperCase(Locale.ROOT);
            }
        }
        return method.equals("MERGE") ? "PATCH" : method;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        HttpServletRequest original = (HttpServletRequest) getRequest();
        StringBuffer url = new StringBuffer();
        url.append(original.getScheme()).append("://").append(original.getServerName());
        int port = original.getServerPort();
        if (!(port == 80 && "http".equals(original.getScheme())) && !(port == 443 && "https".equals(original.getScheme()))) {
            url.append(':').append(port);
        }
        return url.append(requestUri);
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getServletPath() {
        return "";
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return replacedHeaders.containsKey(key) ? replacedHeaders.get(key) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (replacedHeaders.containsKey(key)) {
            String value = replacedHeaders.get(key);
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream()
                .filter(n -> !replacedHeaders.containsKey(n.toLowerCase(Locale.ROOT))
                        || replacedHeaders.get(n.toLowerCase(Locale.ROOT)) != null)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        replacedHeaders.forEach((n, v) -> {
            if (v != null && names.stream().noneMatch(existing -> existing.equalsIgnoreCase(n))) {
                names.add(n);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return new LimitedInputStream(super.getInputStream(), maxBodyBytes);
    }

    /** Raised when a body grows past the limit; answered with 413. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes");
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }

    /** Reads the whole (limited) body. */
    public static byte[] readBody(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }
}
