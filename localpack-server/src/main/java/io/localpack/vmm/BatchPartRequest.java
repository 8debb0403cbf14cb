package io.localpack.vmm;

import io.localpack.dialect.BatchMultipart.Header;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request of a {@code $batch} as the servlet request the VMM OData pipeline reads: its own method, URL, headers
 * and body. It inherits from the batch request only who is calling (the authentication the batch passed, the
 * principal header) and, when it names no OData version itself, the batch's version headers, so a part without them
 * is answered in the batch's dialect.
 */
final class BatchPartRequest extends HttpServletRequestWrapper {

    private static final Set<String> CALLER_HEADERS = Set.of("authorization", "x-ms-principal-id");
    private static final List<String> VERSION_HEADERS = List.of("dataserviceversion", "maxdataserviceversion",
            "mindataserviceversion", "odata-version", "odata-maxversion");

    private final String method;
    private final String requestUri;
    private final String queryString;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final Map<String, Object> ownAttributes = new HashMap<>();

    /**
     * @param pathAndQuery the part's URL as an absolute path with its query, as sent (not decoded)
     */
    BatchPartRequest(HttpServletRequest batch, String method, String pathAndQuery, List<Header> partHeaders,
            byte[] body) {
        super(batch);
        this.method = method;
        int query = pathAndQuery.indexOf('?');
        this.requestUri = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        this.queryString = query < 0 || query == pathAndQuery.length() - 1 ? null : pathAndQuery.substring(query + 1);
        this.body = body;
        for (Header header : partHeaders) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("host")) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(header.value());
            }
        }
        for (String name : CALLER_HEADERS) {
            inherit(batch, name);
        }
        if (VERSION_HEADERS.stream().noneMatch(headers::containsKey)) {
            VERSION_HEADERS.forEach(name -> inherit(batch, name));
        }
        if (body.length > 0) {
            headers.put("content-length", List.of(Integer.toString(body.length)));
        }
    }

    private void inherit(HttpServletRequest batch, String name) {
        if (!headers.containsKey(name) && batch.getHeader(name) != null) {
            headers.put(name, Collections.list(batch.getHeaders(name)));
        }
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
        StringBuffer batchUrl = super.getRequestURL();
        String origin = batchUrl.substring(0, batchUrl.length() - super.getRequestURI().length());
        return new StringBuffer(origin).append(requestUri);
    }

    @Override
    public String getServletPath() {
        return requestUri;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterValues(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.keySet());
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value.trim());
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("batch parts are read synchronously");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    /** Attributes a part sets stay the part's (Olingo and the change set note theirs here); others read through. */
    @Override
    public Object getAttribute(String name) {
        return ownAttributes.containsKey(name) ? ownAttributes.get(name) : super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        ownAttributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        ownAttributes.put(name, null);
    }
}
