package io.localpack.tenancy.auth;

import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals in each API's own format: VMM OData errors and the subscription API's {@code Error} (401 without valid
 * credentials, 403 when they do not cover the subscription), ASM {@code 403 AuthenticationFailed} (the service answers 403 for both), admin JSON. Nothing about
 * the refused resource is said: the same answer whether or not it exists.
 */
final class AuthFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ApiErrors errors;
    private final String challenge;

    AuthFailures(ApiErrors errors, String challenge) {
        this.errors = errors;
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
        ApiError error = switch (Api.of(request)) {
            case CONTROL_PLANE -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"LocalPack admin\"");
                yield new ApiError(status, code, status == 401
                        ? "The admin credential is required (HTTP Basic; see README \"Authentication\")" : message,
                        "Authorization");
            }
            case VMM, VM_ROLES -> {
                if (status == 401 && challenge != null) {
                    response.setHeader("WWW-Authenticate", challenge);
                }
                yield new ApiError(status, code, message, null);
            }
            case SUBSCRIPTIONS -> {
                if (status == 401 && challenge != null) {
                    response.setHeader("WWW-Authenticate", challenge);
                }
                yield new ApiError(status, code, message, "Authorization");
            }
            // Service Management answers 403 whether credentials are missing or do not cover the subscription
            case ASM, OTHER -> new ApiError(403, "AuthenticationFailed",
                    "The server failed to authenticate the request. Verify that the certificate or token is valid "
                            + "and is associated with this subscription.", null);
        };
        errors.write(request, response, error);
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
