package io.localpack.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who made a request, as every part of LocalPack records it (job owner, request journal). Authentication puts the
 * authenticated user into the request attribute {@link #PRINCIPAL_ATTRIBUTE}; without authentication the caller is
 * what WAP passes on in {@code x-ms-principal-id}.
 */
public final class Caller {

    /** Request attribute holding the authenticated principal name (a String), set by the authentication layer. */
    public static final String PRINCIPAL_ATTRIBUTE = Caller.class.getName() + ".principal";

    /**
     * Request attribute holding the subscriptions the presented credential grants (a {@code Collection<UUID>}): the
     * token's subscriptions claim or the client certificate's registrations. Absent when nothing was authenticated.
     */
    public static final String GRANTED_SUBSCRIPTIONS_ATTRIBUTE = Caller.class.getName() + ".grantedSubscriptions";

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

    /**
     * The {@code x-ms-principal-id} value as WAP passes it on: some clients wrap it in brackets, and Microsoft's
     * sample client percent-encodes it on GETs ({@code CONTOSO%5cAdministrator}), so %XX sequences are decoded
     * ('+' stays a plus: it is common in mail addresses).
     */
    public static String fromHeader(String principal) {
        if (principal == null || principal.isBlank()) {
            return null;
        }
        String trimmed = percentDecoded(principal.trim());
        String name = trimmed.startsWith("[") && trimmed.endsWith("]")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
        return name.isBlank() ? null : name;
    }

    /**
     * The subscriptions the authenticated credential grants, or empty when the request was not authenticated by
     * one (authentication mode none).
     */
    public static Optional<Set<UUID>> grantedSubscriptions(HttpServletRequest request) {
        if (request.getAttribute(GRANTED_SUBSCRIPTIONS_ATTRIBUTE) instanceof Collection<?> granted) {
            Set<UUID> ids = new HashSet<>();
            granted.forEach(id -> {
                if (id instanceof UUID uuid) {
                    ids.add(uuid);
                }
            });
            return Optional.of(Set.copyOf(ids));
        }
        return Optional.empty();
    }

    /** Decodes %XX sequences as UTF-8; text with a broken sequence is kept as it came. */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return text;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return text;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
