package io.localpack.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/** The API a request belongs to, read from its path alone: the one place that knows the URL spaces. */
public enum Api {
    /** {@code /{subscription}/services/systemcenter/vmm/…}: the VMM OData service (case-insensitive, as SPF). */
    VMM,
    /** {@code /{subscription}/services/hostedservices/…} and {@code /{subscription}/operations/…}. */
    ASM,
    /** {@code /_localpack/…}: LocalPack's own control plane. */
    CONTROL_PLANE,
    /** Anything else (no handler will answer it). */
    OTHER;

    private static final Pattern VMM_PATH = Pattern.compile("(?i)^/[^/]+/services/systemcenter/vmm(/.*)?$");
    private static final Pattern ASM_PATH = Pattern.compile("^/[^/]+/(services/hostedservices|operations)(/.*)?$");
    private static final String CONTROL_PLANE_PREFIX = "/_localpack";

    public static Api of(HttpServletRequest request) {
        return of(request.getRequestURI());
    }

    public static Api of(String path) {
        if (path.startsWith(CONTROL_PLANE_PREFIX)) {
            return CONTROL_PLANE;
        }
        if (VMM_PATH.matcher(path).matches()) {
            return VMM;
        }
        return ASM_PATH.matcher(path).matches() ? ASM : OTHER;
    }
}
