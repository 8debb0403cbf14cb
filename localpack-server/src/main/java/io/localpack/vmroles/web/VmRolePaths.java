package io.localpack.vmroles.web;

import io.localpack.web.Api;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        if (!root.matches()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ROOT_ATTRIBUTE, root.group(1));
        String subscription = path.substring(0, path.indexOf('/', 1));
        String canonical = subscription + root.group(2);
        if (canonical.length() > 1 && canonical.endsWith("/")) {
            canonical = canonical.substring(0, canonical.length() - 1);
        }
        chain.doFilter(canonical.equals(path) ? request : new Canonical(request, canonical), response);
    }

    /** The request under its canonical path (LocalPack is served at the root: no context path). */
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
