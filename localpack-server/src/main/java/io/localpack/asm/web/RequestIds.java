package io.localpack.asm.web;

import java.util.Optional;
import java.util.UUID;

/** ASM request ids: 32 lowercase hex digits on the wire (x-ms-request-id), a hyphenated GUID in Operation/ID. */
final class RequestIds {

    private RequestIds() {
    }

    static String format(UUID id) {
        return id.toString().replace("-", "");
    }

    /** Accepts the 32-hex form and the hyphenated GUID form. */
    static Optional<UUID> parse(String text) {
        String hex = text.replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}") || (text.contains("-") && text.length() != 36)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
    }
}
