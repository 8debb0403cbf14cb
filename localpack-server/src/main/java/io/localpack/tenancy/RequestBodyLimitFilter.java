package io.localpack.tenancy;

import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies have a size limit: larger ones get 413 in the API's own format, whether declared (Content-Length)
 * or chunked, before anything reads them. The VMM OData service checks its own limit while Olingo reads; this filter
 * covers the Service Management API ({@code localpack.odata.max-request-body-bytes}, 1 MiB) and the control plane
 * ({@code localpack.admin.max-request-body-bytes}, 64 MiB: snapshots and fixture SQL are large).
 */
@Component
@Order(-200) // before Spring Security (-100): a huge body is refused before anything else looks at it
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long apiLimit;
    private final long adminLimit;
    private final ApiErrors errors;

    RequestBodyLimitFilter(@Value("${localpack.odata.max-request-body-bytes:1048576}") long apiLimit,
                           @Value("${localpack.admin.max-request-body-bytes:67108864}") long adminLimit,
                           ApiErrors errors) {
        this.apiLimit = apiLimit;
        this.adminLimit = adminLimit;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Api.of(request) == Api.VMM
                || (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = Api.of(request) == Api.CONTROL_PLANE ? adminLimit : apiLimit;
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        errors.write(request, response, new ApiError(413, "RequestEntityTooLarge",
                "The request body exceeds the limit of " + limit + " bytes.", "(body)"));
    }

    /** The request with its body already read (within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
