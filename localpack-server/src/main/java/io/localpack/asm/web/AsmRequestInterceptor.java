package io.localpack.asm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-cutting rules of the Service Management API: a fresh x-ms-request-id on every response (the id of the job
 * a mutation creates), and an x-ms-version header from 2009-10-01 to 2017-01-01 on every request.
 */
class AsmRequestInterceptor implements HandlerInterceptor {

    static final String REQUEST_ID = AsmRequestInterceptor.class.getName() + ".requestId";
    static final LocalDate FIRST_VERSION = LocalDate.of(2009, 10, 1);
    static final LocalDate LAST_VERSION = LocalDate.of(2017, 1, 1);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        UUID requestId = UUID.randomUUID();
        request.setAttribute(REQUEST_ID, requestId);
        response.setHeader("x-ms-request-id", RequestIds.format(requestId));
        response.setHeader("Cache-Control", "no-cache");
        String version = request.getHeader("x-ms-version");
        String problem = versionProblem(version);
        if (problem != null) {
            AsmErrors.write(response, AsmError.MissingOrIncorrectVersionHeader.httpStatus(),
                    AsmError.MissingOrIncorrectVersionHeader.name(), problem);
            return false;
        }
        return true;
    }

    static String versionProblem(String version) {
        if (version == null || version.isBlank()) {
            return "The versioning header is not specified or was specified incorrectly.";
        }
        LocalDate date;
        try {
            if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", version, 0);
            }
            date = LocalDate.parse(version);
        } catch (DateTimeParseException e) {
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
