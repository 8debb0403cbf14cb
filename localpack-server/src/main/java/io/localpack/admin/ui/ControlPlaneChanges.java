package io.localpack.admin.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Publishes a {@code state} event after every control-plane request that changed something (reset, restore, a
 * fixture load, fault rules, timing modes; the dashboard's own controls included), so every open page re-reads what
 * it shows. API calls need no such event: the journal's {@code request} event and the jobs' events cover them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlPlaneChanges extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final DashboardEvents events;

    ControlPlaneChanges(DashboardEvents events) {
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/_localpack/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < 400 && events.anyoneListening()) {
            events.publish("state", Map.of("method", request.getMethod(), "path", request.getRequestURI()));
        }
    }
}
