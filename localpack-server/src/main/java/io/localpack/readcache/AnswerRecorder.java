package io.localpack.readcache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Passes an answer through to the client and keeps a copy of what the answering code wrote: its headers, in order,
 * and its body's bytes. Only an answer written through the output stream, within the size limit, is kept.
 */
final class AnswerRecorder extends HttpServletResponseWrapper {

    private final List<StoredAnswer.Header> headers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final int maxBytes;
    private boolean keepable = true;
    private ServletOutputStream stream;

    AnswerRecorder(HttpServletResponse response, int maxBytes) {
        super(response);
        this.maxBytes = maxBytes;
    }

    /** The answer as written, when it is a 200 that can be given again. */
    Optional<StoredAnswer> recorded() {
        if (!keepable || getStatus() != HttpServletResponse.SC_OK) {
            return Optional.empty();
        }
        return Optional.of(new StoredAnswer(List.copyOf(headers), body.toByteArray()));
    }

    @Override
    public void setHeader(String name, String value) {
        headers.add(new StoredAnswer.Header(StoredAnswer.Kind.SET, name, value));
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        headers.add(new StoredAnswer.Header(StoredAnswer.Kind.ADD, name, value));
        super.addHeader(name, value);
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
        keepable = false;
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        keepable = false;
        super.addDateHeader(name, date);
    }

    @Override
    public void setContentType(String type) {
        headers.add(new StoredAnswer.Header(StoredAnswer.Kind.CONTENT_TYPE, null, type));
        super.setContentType(type);
    }

    @Override
    public void setCharacterEncoding(String charset) {
        headers.add(new StoredAnswer.Header(StoredAnswer.Kind.CHARACTER_ENCODING, null, charset));
        super.setCharacterEncoding(charset);
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        headers.add(new StoredAnswer.Header(StoredAnswer.Kind.CONTENT_LENGTH, null, Long.toString(length)));
        super.setContentLengthLong(length);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        keepable = false;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        keepable = false;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        keepable = false;
        super.sendRedirect(location);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        keepable = false; // a writer's bytes depend on its encoder: not copied
        return super.getWriter();
    }

    @Override
    public void reset() {
        headers.clear();
        body.reset();
        super.reset();
    }

    @Override
    public void resetBuffer() {
        body.reset();
        super.resetBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CopyingStream(super.getOutputStream());
        }
        return stream;
    }

    /** Writes through to the client and copies what it writes until the limit is passed. */
    private final class CopyingStream extends ServletOutputStream {

        private final ServletOutputStream target;

        CopyingStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            copy(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
            copy(bytes, offset, length);
        }

        private void copy(byte[] bytes, int offset, int length) {
            if (!keepable) {
                return;
            }
            if (body.size() + length > maxBytes) {
                keepable = false;
                body.reset();
                return;
            }
            body.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
