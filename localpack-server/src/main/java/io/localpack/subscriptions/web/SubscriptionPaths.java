package io.localpack.subscriptions.web;

import io.localpack.web.Api;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The path spellings real clients send to the subscription API, made canonical before anything routes or
 * authorizes the request: {@code /Subscriptions/{id}/Certificates} (keywords in any case), {@code //subscriptions/…}
 * (a base URL joined with a leading slash), {@code /subscriptions/} (trailing slash). Ids and thumbprints are left
 * as they are. Runs after the request journal, which records the path as sent, and before Spring Security, whose
 * firewall refuses doubled slashes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SubscriptionPaths extends OncePerRequestFilter {

    private static final Set<String> ROOTS = Set.of("subscriptions", "plans", "addons");
    private static final Set<String> SUBSCRIPTION_PARTS = Set.of("certificates", "addons", "usagesummaries", "quota");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Api.of(request) != Api.SUBSCRIPTIONS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String canonical = canonical(request.getRequestURI());
        chain.doFilter(canonical.equals(request.getRequestURI()) ? request : new Canonical(request, canonical),
                response);
    }

    /** Collapses slashes, drops a trailing one and lower-cases the API's keywords (not ids). */
    static String canonical(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        if (collapsed.length() > 1 && collapsed.endsWith("/")) {
            collapsed = collapsed.substring(0, collapsed.length() - 1);
        }
        String[] segments = collapsed.split("/", -1);
        if (segments.length > 1 && ROOTS.contains(segments[1].toLowerCase(Locale.ROOT))) {
            segments[1] = segments[1].toLowerCase(Locale.ROOT);
            if (segments[1].equals("subscriptions") && segments.length > 3
                    && SUBSCRIPTION_PARTS.contains(segments[3].toLowerCase(Locale.ROOT))) {
                segments[3] = segments[3].toLowerCase(Locale.ROOT);
            }
        }
        return String.join("/", segments);
    }

    /** The request under its canonical path (the context path is empty: LocalPack is served at the root). */
    private static final class Canonical extends HttpServletRequestWrapper {

        private final String path;

        Canonical(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (port > 0 && !((getScheme().equals("http") && port == 80) || (getScheme().equals("https") && port == 443))) {
                url.append(':').append(port);
            }
            return url.append(path);
        }
    }
}
