package io.localpack.asm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import io.localpack.asm.domain.AsmRequests;
import io.localpack.tenancy.Caller;
import io.localpack.tenancy.auth.ManagementCertificates;
import io.localpack.web.Api;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-cutting rules of the Service Management API: a fresh x-ms-request-id on every response (the id of the job
 * a mutation creates), an x-ms-version header from 2009-10-01 to 2017-01-01 on every request, and a record of
 * every request ({@link AsmRequests}) so that any request id can be asked about.
 */
class AsmRequestInterceptor implements HandlerInterceptor {

    private static final String STARTED = AsmRequestInterceptor.class.getName() + ".started";

    private final AsmRequests requests;

    AsmRequestInterceptor(AsmRequests requests) {
        this.requests = requests;
    }

    private static final Logger log = LoggerFactory.getLogger(AsmRequestInterceptor.class);
    static final String REQUEST_ID = AsmRequestInterceptor.class.getName() + ".requestId";
    static final LocalDate FIRST_VERSION = LocalDate.of(2009, 10, 1);
    static final LocalDate LAST_VERSION = LocalDate.of(2017, 1, 1);
    private static final Pattern VERSION_FORMAT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        UUID requestId = UUID.randomUUID();
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(STARTED, OffsetDateTime.now(ZoneOffset.UTC));
        response.setHeader("x-ms-request-id", RequestIds.format(requestId));
        response.setHeader("Cache-Control", "no-cache");
        String version = request.getHeader("x-ms-version");
        String problem = versionProblem(version);
        if (problem != null) {
            AsmErrors.write(response, AsmError.MissingOrIncorrectVersionHeader.httpStatus(),
                    AsmError.MissingOrIncorrectVersionHeader.name(), problem);
            record(request, AsmError.MissingOrIncorrectVersionHeader.httpStatus(),
                    AsmError.MissingOrIncorrectVersionHeader.name(), problem);
            return false;
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        String code = null;
        String message = null;
        if (request.getAttribute(AsmErrors.ERROR_ATTRIBUTE) instanceof String[] error) {
            code = error[0];
            message = error[1];
        }
        record(request, response.getStatus(), code, message);
    }

    /**
     * Keeps the request for Get Operation Status and List Subscription Operations. Recording must never turn an
     * answered request into a failure, so a problem here is logged and dropped.
     */
    private void record(HttpServletRequest request, int status, String code, String message) {
        try {
            UUID subscription = Api.subscriptionOf(request).orElse(null);
            String thumbprint = null;
            if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                    && chain.length > 0) {
                thumbprint = ManagementCertificates.thumbprint(chain[0]);
            }
            OffsetDateTime started = request.getAttribute(STARTED) instanceof OffsetDateTime t ? t
                    : OffsetDateTime.now(ZoneOffset.UTC);
            requests.record(new AsmRequests.Finished(requestId(request), subscription, request.getMethod(),
                    AsmOperationNames.of(request.getMethod(), request.getRequestURI(), request.getParameter("comp")),
                    request.getRequestURI(), status, code, message, Caller.principal(request), thumbprint,
                    request.getRemoteAddr(), started, OffsetDateTime.now(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            log.warn("Could not record ASM request {}: {}", requestId(request), e.toString());
        }
    }

    static String versionProblem(String version) {
        if (version == null || version.isBlank()) {
            return "The versioning header is not specified or was specified incorrectly.";
        }
        // the pattern compiled once and the digits read directly: this ran on every request (1.6 % of a B5 profile)
        Matcher digits = VERSION_FORMAT.matcher(version);
        LocalDate date;
        try {
            if (!digits.matches()) {
                throw new DateTimeException("format");
            }
            date = LocalDate.of(Integer.parseInt(digits.group(1)), Integer.parseInt(digits.group(2)),
                    Integer.parseInt(digits.group(3)));
        } catch (DateTimeException e) {
            return "The versioning header x-ms-version '" + version + "' is not a date of the form YYYY-MM-DD.";
        }
        if (date.isBefore(FIRST_VERSION) || date.isAfter(LAST_VERSION)) {
            return "The versioning header x-ms-version '" + version + "' is not supported; use a version from "
                    + FIRST_VERSION + " to " + LAST_VERSION + ".";
        }
        return null;
    }

    static UUID requestId(HttpServletRequest request) {
        return (UUID) request.getAttribute(REQUEST_ID);
    }
}
