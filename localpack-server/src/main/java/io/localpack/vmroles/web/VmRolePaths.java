package io.localpack.vmroles.web;

import io.localpack.web.Api;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The two roots of the VM Role API made one before anything routes the request: {@code /{sub}/CloudServices/…} (the
 * WAP documentation) and {@code /{sub}/services/systemcenter/vmm/CloudServices/…} (Azure PowerShell, whose base
 * address ends in the VMM root) both reach the controller as {@code /{sub}/CloudServices/…}; a trailing slash
 * (WAPTenantPublicAPI's {@code …/VMRoles/?api-version=…}) is dropped. The root the client used is kept for the
 * answer's links ({@link #ROOT_ATTRIBUTE}). Runs after the request journal, which records the path as sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class VmRolePaths extends OncePerRequestFilter {

    /** Request attribute: the API root as the client wrote it, e.g. {@code /{sub}/services/systemcenter/vmm}. */
    static final String ROOT_ATTRIBUTE = VmRolePaths.class.getName() + ".root";
    private static final Pattern ROOT = Pattern.compile("(?i)^(/[^/]+(?:/services/systemcenter/vmm)?)(/.*)$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Api.of(request) != Api.VM_ROLES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Matcher root = ROOT.matcher(path);
        String method = method(request);
        if (!root.matches()) {
            chain.doFilter(method.equals(request.getMethod()) ? request : new Canonical(request, path, method),
                    response);
            return;
        }
        request.setAttribute(ROOT_ATTRIBUTE, root.group(1));
        String subscription = path.substring(0, path.indexOf('/', 1));
        String canonical = subscription + root.group(2);
        if (canonical.length() > 1 && canonical.endsWith("/")) {
            canonical = canonical.substring(0, canonical.length() - 1);
        }
        chain.doFilter(canonical.equals(path) && method.equals(request.getMethod()) ? request
                : new Canonical(request, canonical, method), response);
    }

    /**
     * MERGE is OData V3's PATCH (a VM Role update takes PUT, MERGE and PATCH); V3 clients also tunnel it through
     * POST with X-HTTP-Method.
     */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        if ("POST".equalsIgnoreCase(method)) {
            String tunnelled = request.getHeader("X-HTTP-Method");
            if (tunnelled != null && List.of("MERGE", "PATCH", "PUT", "DELETE").contains(tunnelled.trim()
                    .toUpperCase(Locale.ROOT))) {
                method = tunnelled.trim().toUpperCase(Locale.ROOT);
            }
        }
        return "MERGE".equalsIgnoreCase(method) ? "PATCH" : method;
    }

    /** The request under its canonical path and method (LocalPack is served at the root: no context path). */
    private static final class Canonical extends HttpServletRequestWrapper {

        private final String path;
        private final String method;

        Canonical(HttpServletRequest request, String path, String method) {
            super(request);
            this.path = path;
            this.method = method;
        }

        @Override
        public String getMethod() {
            return method;
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
