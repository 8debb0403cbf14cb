package io.localpack.admin.ui;

import io.localpack.tenancy.auth.CorsSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Once an admin has opened the dashboard, the browser holds the admin credential (HTTP Basic) for this origin and would
 * send it with a form another site posts to {@code /_localpack/reset}. So a state-changing control-plane request that
 * a browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site|same-site}, or an {@code Origin}
 * other than this server and the configured CORS origins) is refused with 403. Test suites and curl send neither
 * header and are not affected; the dashboard's own requests also carry a CSRF token ({@link DashboardSecurity}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CrossSiteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CorsSettings cors;

    CrossSiteGuard(CorsSettings cors) {
        this.cors = cors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod()) || !request.getRequestURI().startsWith("/_localpack/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":{\"code\":\"CrossSiteRequest\",\"message\":\"A state-changing "
                    + "control-plane request from another site is refused\",\"field\":\"Origin\"}}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && cors.allowedOrigins().contains(origin)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
            return true;
        }
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String expected = uri.getHost() + (port == 80 || port == 443 ? "" : ":" + port);
            return host != null && (host.equalsIgnoreCase(expected) || host.equalsIgnoreCase(uri.getHost() + ":" + port));
        } catch (IllegalArgumentException e) {
            return false; // "null" (sandboxed or file: pages) or garbage
        }
    }
}
