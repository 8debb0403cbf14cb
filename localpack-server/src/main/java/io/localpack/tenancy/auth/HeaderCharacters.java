package io.localpack.tenancy.auth;

/**
 * The firewall's default checks of header names and values, without a regular expression: every character assigned
 * in Unicode and none a control character, except tabs in values (Spring Security's
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}). Matching those
 * patterns against every header of every request was about 4 % of a read's CPU.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return assignedAndNotControl(name, false);
    }

    static boolean allowedValue(String value) {
        return assignedAndNotControl(value, true);
    }

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: nearly every header, and always allowed
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
