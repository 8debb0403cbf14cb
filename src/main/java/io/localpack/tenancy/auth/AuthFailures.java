package io.localpack.tenancy.auth;

import io.localpack.admin.AdminErrors;
import io.localpack.asm.web.AsmErrors;
import io.localpack.vmm.VmmErrorAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals in each API's own format: VMM OData errors (401 without valid credentials, 403 when they do not cover the
 * subscription), ASM {@code 403 AuthenticationFailed} (the service answers 403 for both), admin JSON. Nothing about
 * the refused resource is said: the same answer whether or not it exists.
 */
final class AuthFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Pattern VMM_PATH = Pattern.compile("(?i)^/[^/]+/services/systemcenter/vmm(/.*)?$");

    private final VmmErrorAnswers vmmErrors;
    private final String challenge;

    AuthFailures(VmmErrorAnswers vmmErrors, String challenge) {
        this.vmmErrors = vmmErrors;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        refuse(request, response, 401, "Unauthorized",
                "The request carries no valid credentials: " + reason(e));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        refuse(request, response, 403, "Forbidden",
                "The credentials presented do not grant access to this subscription.");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
                        String message) throws IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/_localpack")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"LocalPack admin\"");
            writeAdmin(response, status, code, status == 401
                    ? "The admin credential is required (HTTP Basic; see README \"Authentication\")" : message);
        } else if (VMM_PATH.matcher(path).matches()) {
            if (status == 401 && challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            vmmErrors.write(request, response, status, code, message);
        } else {
            response.setHeader("x-ms-request-id", UUID.randomUUID().toString().replace("-", ""));
            AsmErrors.write(response, 403, "AuthenticationFailed",
                    "The server failed to authenticate the request. Verify that the certificate or token is valid "
                            + "and is associated with this subscription.");
        }
    }

    private static void writeAdmin(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        var body = AdminErrors.of(org.springframework.http.HttpStatus.valueOf(status), code, message);
        response.setStatus(status);
        response.setContentType("application/json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(response.getOutputStream(), body.getBody());
    }

    /** Why, in general terms only: token details (and any secret in them) are never echoed. */
    private static String reason(AuthenticationException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
        if (text.contains("expired")) {
            return "the token has expired.";
        }
        if (text.contains("signature") || text.contains("malformed") || text.contains("invalid")) {
            return "the token is not valid (signature, issuer or audience).";
        }
        return "send Authorization: Bearer <token> or a registered client certificate.";
    }
}
