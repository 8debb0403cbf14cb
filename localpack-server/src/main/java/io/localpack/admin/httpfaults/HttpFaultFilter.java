package io.localpack.admin.httpfaults;

import io.localpack.admin.journal.RequestJournalFilter;
import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link HttpFaultRules} to requests for the emulated APIs. Runs after authentication (Spring Security's
 * chain is at order -100), so an unauthenticated request is refused as usual rather than disturbed.
 */
@Component
@Order(0)
public class HttpFaultFilter extends OncePerRequestFilter {

    private final HttpFaultRules rules;
    private final ApiErrors errors;

    HttpFaultFilter(HttpFaultRules rules, ApiErrors errors) {
        this.rules = rules;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return rules.isEmpty() || Api.of(request) == Api.CONTROL_PLANE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<HttpFaultRule> fired = rules.fire(request.getMethod(), request.getRequestURI(),
                Api.subscriptionOf(request).orElse(null));
        if (fired.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpFaultRule rule = fired.get();
        if (rule.delayMillis() > 0) {
            try {
                Thread.sleep(rule.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        switch (rule.action()) {
            case LATENCY -> chain.doFilter(request, response);
            case DROP -> {
                request.setAttribute(RequestJournalFilter.DROPPED_ATTRIBUTE, Boolean.TRUE);
                request.setAttribute(ConnectionDropValve.DROP_ATTRIBUTE, Boolean.TRUE);
            }
            case STATUS -> answer(request, response, rule);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, HttpFaultRule rule)
            throws IOException {
        String message = rule.message() != null ? rule.message() : "Injected by a LocalPack HTTP fault rule ("
                + rule.id() + ")";
        boolean vmm = Api.of(request) == Api.VMM || Api.of(request) == Api.VM_ROLES;
        String code = rule.errorCode() != null ? rule.errorCode() : defaultCode(rule.status(), vmm);
        errors.write(request, response, new ApiError(rule.status(), code, message, null));
    }

    /** Default error code for a status: ASM's for its paths, OData's for VMM's. */
    static String defaultCode(int status, boolean vmm) {
        return switch (status) {
            case 503 -> vmm ? "ServiceUnavailable" : "ServerBusy";
            case 500 -> "InternalError";
            case 429 -> "TooManyRequests";
            case 409 -> "ConflictError";
            case 404 -> "ResourceNotFound";
            case 403 -> vmm ? "Forbidden" : "AuthenticationFailed";
            case 401 -> "Unauthorized";
            default -> status >= 500 ? "InternalError" : "BadRequest";
        };
    }
}
