package io.localpack.admin.ui;

import java.util.UUID;

/**
 * What a list asks for: null members match everything.
 *
 * @param text  a piece of the name (case-insensitive)
 * @param state a state as the list shows it ("Running", "Stopped", …), exactly
 */
public record ResourceQuery(UUID subscription, String text, String state, int page, int size) {

    public static final int MAX_SIZE = 200;

    /** The name filter as a LIKE pattern: the user's % and _ are literals (escaped with \). */
    public String likePattern() {
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public boolean hasState() {
        return state != null && !state.isBlank();
    }
}
