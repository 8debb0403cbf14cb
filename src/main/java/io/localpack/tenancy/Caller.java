package io.localpack.tenancy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a request, as every part of LocalPack records it (job owner, request journal). Authentication puts the
 * authenticated user into the request attribute {@link #PRINCIPAL_ATTRIBUTE}; without authentication the caller is
 * what WAP passes on in {@code x-ms-principal-id}.
 */
public final class Caller {

    /** Request attribute holding the authenticated principal name (a String), set by the authentication layer. */
    public static final String PRINCIPAL_ATTRIBUTE = Caller.class.getName() + ".principal";

    private Caller() {
    }

    /** The caller's principal name, or null when the request names none. */
    public static String principal(HttpServletRequest request) {
        Object authenticated = request.getAttribute(PRINCIPAL_ATTRIBUTE);
        if (authenticated instanceof String name && !name.isBlank()) {
            return name;
        }
        return fromHeader(request.getHeader("x-ms-principal-id"));
    }

    /** The {@code x-ms-principal-id} value as WAP passes it on; some clients wrap it in brackets. */
    public static String fromHeader(String principal) {
        if (principal == null || principal.isBlank()) {
            return null;
        }
        String trimmed = principal.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
