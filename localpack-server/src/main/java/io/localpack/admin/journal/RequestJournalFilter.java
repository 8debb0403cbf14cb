package io.localpack.admin.journal;

import io.localpack.tenancy.Caller;
import io.localpack.web.Api;
import io.localpack.web.JournalSecrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every request to the emulated APIs (not {@code /_localpack/}) in the {@link RequestJournal}. Ordered
 * outside authentication, so refused requests are recorded too; the principal is read after the chain ran.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestJournalFilter extends OncePerRequestFilter {

    /** Bodies are read a little beyond the limit so that a secret cut by the limit is still recognised. */
    private static final int REDACTION_MARGIN = 1024;
    /** Request attribute an HTTP fault sets when it drops the connection (no status was answered). */
    public static final String DROPPED_ATTRIBUTE = RequestJournalFilter.class.getName() + ".dropped";
    /** The dashboard's controls (state-changing requests under this path) are journaled like API calls. */
    public static final String JOURNALED_CONTROLS = "/_localpack/ui/api/actions/";
    /** Request attribute (a UUID) naming the subscription a journaled control acted on; its path names none. */
    public static final String SUBSCRIPTION_ATTRIBUTE = RequestJournalFilter.class.getName() + ".subscription";

    private final RequestJournal journal;
    private final JournalSettings settings;

    RequestJournalFilter(RequestJournal journal, JournalSettings settings) {
        this.journal = journal;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || Api.of(request) == Api.CONTROL_PLANE && !isControl(request);
    }

    private static boolean isControl(HttpServletRequest request) {
        return request.getRequestURI().startsWith(JOURNALED_CONTROLS) && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        int keep = settings.maxBodyBytes() + REDACTION_MARGIN;
        ContentCachingRequestWrapper cachingRequest = new ContentCachingRequestWrapper(request, keep);
        ContentCachingResponseWrapper cachingResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(cachingRequest, cachingResponse);
        } finally {
            boolean dropped = request.getAttribute(DROPPED_ATTRIBUTE) != null;
            byte[] requestBody = cachingRequest.getContentAsByteArray();
            byte[] responseBody = cachingResponse.getContentAsByteArray();
            String subscription = request.getAttribute(SUBSCRIPTION_ATTRIBUTE) instanceof UUID acted
                    ? acted.toString() : Api.subscriptionOf(request).map(UUID::toString).orElse(null);
            journal.add(new JournalEntry(0, time, request.getMethod(), request.getRequestURI(),
                    request.getQueryString(), subscription, Caller.principal(request),
                    dropped ? null : cachingResponse.getStatus(), dropped, (System.nanoTime() - start) / 1_000_000,
                    cachingResponse.getHeader("x-ms-request-id"),
                    body(requestBody, request), cachedLength(request, requestBody) > settings.maxBodyBytes(),
                    body(responseBody, request), responseBody.length > settings.maxBodyBytes(),
                    Redaction.requestHeaders(request), Redaction.responseHeaders(cachingResponse)));
            if (!dropped) {
                cachingResponse.copyBodyToResponse();
            }
        }
    }

    private String body(byte[] bytes, HttpServletRequest request) {
        if (bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, 0, Math.min(bytes.length, settings.maxBodyBytes() + REDACTION_MARGIN),
                StandardCharsets.UTF_8);
        return Redaction.redact(text, settings.maxBodyBytes(), JournalSecrets.of(request));
    }

    /** The body's length as declared, or as read when it was chunked. */
    private static long cachedLength(HttpServletRequest request, byte[] cached) {
        return Math.max(request.getContentLengthLong(), cached.length);
    }

    /** The first path segment when it is a subscription id (every tenant URL starts with one). */}
