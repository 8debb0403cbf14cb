package io.localpack.vmm;

import io.localpack.dialect.BatchMultipart.Header;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to one request of a {@code $batch}, kept in memory to be written into the batch's multipart answer;
 * nothing reaches the batch's own response.
 */
final class BatchPartResponse extends HttpServletResponseWrapper {

    private int status = 200;
    /** Header names in the case first written, values by lower-case name. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private String contentType;
    private ServletOutputStream stream;
    private PrintWriter writer;

    BatchPartResponse(HttpServletResponse batch) {
        super(batch);
    }

    int status() {
        return status;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The headers as written, Content-Type included, Content-Length left to the batch writer. */
    List<Header> headerList() {
        List<Header> list = new ArrayList<>();
        if (contentType != null) {
            list.add(new Header("Content-Type", contentType));
        }
        headers.forEach((key, values) -> values.forEach(value -> list.add(new Header(names.get(key), value))));
        return list;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public void setHeader(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("content-type")) {
            contentType = value;
        } else if (!key.equals("content-length")) {
            names.putIfAbsent(key, name);
            headers.put(key, new ArrayList<>(value == null ? List.of() : List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("content-type")) {
            contentType = value;
        } else if (!key.equals("content-length") && value != null) {
            names.putIfAbsent(key, name);
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
    }

    @Override
    public void addDateHeader(String name, long date) {
    }

    @Override
    public boolean containsHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.equals("content-type") ? contentType != null : headers.containsKey(key);
    }

    @Override
    public String getHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("content-type")) {
            return contentType;
        }
        List<String> values = headers.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        List<String> all = new ArrayList<>(names.values());
        if (contentType != null) {
            all.add("Content-Type");
        }
        return all;
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
    }

    @Override
    public void setContentLength(int len) {
    }

    @Override
    public void setContentLengthLong(long len) {
    }

    @Override
    public void setLocale(Locale locale) {
    }

    @Override
    public void setBufferSize(int size) {
    }

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
                    throw new UnsupportedOperationException("batch parts are written synchronously");
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
        headers.clear();
        names.clear();
        contentType = null;
        status = 200;
    }
}
