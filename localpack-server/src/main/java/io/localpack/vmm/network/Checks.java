package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmRequestException;
import java.util.UUID;

/** The checks every network request shares, each refusal naming the member at fault. */
final class Checks {

    private Checks() {
    }

    static void required(UUID value, String member) {
        if (value == null || (value.getMostSignificantBits() == 0 && value.getLeastSignificantBits() == 0)) {
            throw VmmRequestException.invalid(member + " is required");
        }
    }

    /** A name: present, not blank, at most 256 characters (the column's size). */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw VmmRequestException.invalid("Name is required");
        }
        return length("Name", name.trim(), 256);
    }

    static String length(String member, String value, int max) {
        if (value.length() > max) {
            throw VmmRequestException.invalid(member + " is longer than " + max + " characters");
        }
        return value;
    }
}
