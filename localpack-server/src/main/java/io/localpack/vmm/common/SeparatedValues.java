package io.localpack.vmm.common;

import java.util.Arrays;
import java.util.List;

/** Short lists (addresses, tags, boot order) stored in one column as values separated by ';'. */
public final class SeparatedValues {

    private SeparatedValues() {
    }

    /** The values of a stored list; nothing stored reads as an empty list. */
    public static List<String> of(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
