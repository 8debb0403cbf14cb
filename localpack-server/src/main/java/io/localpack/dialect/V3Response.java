package io.localpack.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The response to a V3 client: holds back what Olingo (or an early error) writes in V4, then {@link #finish()} sends
 * it in V3: JSON bodies re-serialized by {@link V3JsonBodies}, every other body (text, XML) as written, with
 * {@code DataServiceVersion: 3.0;} instead of {@code OData-Version}.
 */
public final class V3Response extends HttpServletResponseWrapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final V3JsonFormat format;
    private final boolean atom;
    private final String clientQuery;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String contentType;
    private boolean alreadyV3;
    private final DataServiceVersion clientMax;
    private DataServiceVersion version;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /**
     * @param format the JSON format the client asked for; null when it asked for another (errors are then JSON light,
     *     or verbose JSON for a client whose maximum version is below 3.0)
     * @param atom the client asked for Atom: the full-metadata JSON Olingo writes is rendered as a V3 feed or entry
     * @param clientQuery the query string as the client sent it (V3 literals and all), for next links; may be null
     * @param requestNeeds the version the request's own features need (see {@link DataServiceVersion#requiredBy})
     * @param clientMax the client's MaxDataServiceVersion
     */
    public V3Response(HttpServletResponse response, V3JsonFormat format, boolean atom, String clientQuery,
            DataServiceVersion requestNeeds, DataServiceVersion clientMax) {
        super(response);
        this.atom = atom;
        this.clientQuery = clientQuery;
        this.clientMax = clientMax;
        this.format = format != null ? format
                : clientMax.atLeast(DataServiceVersion.V3) ? V3JsonFormat.MINIMAL_METADATA : V3JsonFormat.VERBOSE;
        this.version = requestNeeds; // raised in finish() by what the answer turns out to be
        version.declareOn(response);
    }

    /** Says that what is written from now on is a V3 document already (not Olingo's V4), to be sent as written. */
    public void expectV3Body() {
        alreadyV3 = true;
    }

    /** Sends the held-back body in V3; call once, after Olingo has finished. */
    public void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        byte[] bytes = body.toByteArray();
        if (bytes.length > 0 && isJson(contentType) && !alreadyV3) {
            try {
                Optional<V3JsonLightStream.Rewritten> light = atom ? Optional.empty()
                        : V3JsonLightStream.rewrite(JSON.getFactory(), bytes, format, this::clientNextLink);
                if (light.isPresent()) {
                    if (light.get().nextLink() && clientMax.atLeast(DataServiceVersion.V2)) {
                        version = DataServiceVersion.max(version, DataServiceVersion.V2);
                    }
                    bytes = light.get().body();
                    contentType = format.contentType();
                } else {
                    bytes = rewrittenThroughTree(bytes);
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: send it as written rather than fail the answer
            }
        }
        if (isJson(contentType) && !contentType.toLowerCase(Locale.ROOT).contains("odata=verbose")) {
            version = DataServiceVersion.V3; // JSON light came with 3.0
        }
        version.declareOn(response);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (bytes.length > 0) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** Every other V3 form (full metadata, verbose, Atom, errors) of Olingo's full-metadata JSON, through a tree. */
    private byte[] rewrittenThroughTree(byte[] bytes) throws IOException {
        JsonNode tree = withClientQueryInNextLink(JSON.readTree(bytes));
        if (tree.has("@odata.nextLink") && clientMax.atLeast(DataServiceVersion.V2)) {
            version = DataServiceVersion.max(version, DataServiceVersion.V2); // server paging is V2's
        }
        if (atom) {
            V3Atom.Rendered rendered = V3Atom.render(tree);
            contentType = rendered.contentType();
            return rendered.body();
        }
        contentType = format.contentType();
        return JSON.writeValueAsBytes(V3JsonBodies.toV3(tree, format));
    }

    /**
     * A next link repeats the client's own query options, V3 literals included, as WCF Data Services does; only its
     * {@code $skiptoken} is LocalPack's. Olingo built it from the query translated to V4.
     */
    private JsonNode withClientQueryInNextLink(JsonNode tree) {
        if (clientQuery == null || !(tree instanceof ObjectNode object)
                || !tree.path("@odata.nextLink").isTextual()) {
            return tree;
        }
        object.put("@odata.nextLink", clientNextLink(tree.get("@odata.nextLink").asText()));
        return tree;
    }

    /** Olingo's next link with the client's own query options and LocalPack's skip token. */
    private String clientNextLink(String next) {
        int query = next.indexOf('?');
        String token = null;
        for (String pair : next.substring(query + 1).split("&")) {
            if (pair.startsWith("$skiptoken=")) {
                token = pair.substring("$skiptoken=".length());
            }
        }
        if (clientQuery == null || query < 0 || token == null) {
            return next;
        }
        return next.substring(0, query + 1) + QueryOptions.withSkipToken(clientQuery, token);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    // --- headers: Content-Type and Content-Length are decided in finish(); V4's version header is not ours ---

    @Override
    public void setHeader(String name, String value) {
        if (!heldBack(name, value)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!heldBack(name, value)) {
            super.addHeader(name, value);
        }
    }

    private boolean heldBack(String name, String value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type":
                contentType = value;
                return true;
            case "content-length":
            case "odata-version":
                return true;
            case "location":
                super.setHeader(name, V3JsonBodies.v3Keys(value)); // the entity's URL in V3 key syntax
                return true;
            default:
                return false;
        }
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // the V3 content types name their charset
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    // --- body: held in memory until finish() ---

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("held-back responses are written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        contentType = null;
        super.reset();
        version.declareOn((HttpServletResponse) getResponse());
    }
}
