package io.localpack.admin.journal;

import java.util.regex.Pattern;

/**
 * Replaces secrets in bodies before they are kept: JSON members and XML elements whose name says password, secret,
 * token, key or certificate (Jobs restart's Password, ASM's certificate data, a new VM's LocalAdminPassword,
 * ProductKey and LinuxAdministratorSSHKeyString and the like).
 */
final class Redaction {

    private static final String SECRET_NAME =
            "[A-Za-z_]*(?i:password|secret|token|privatekey|certificate|apikey|productkey|sshkey)[A-Za-z_]*";
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "(<((?:\\w+:)?" + SECRET_NAME + ")(?:\\s[^>]*)?>)[^<]*(</\\2>)");

    /** A secret whose value the cut at the size limit left open. */
    private static final Pattern OPEN_AT_END = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*|<(?:\\w+:)?" + SECRET_NAME + "(?:\\s[^>]*)?>)[^<\"]*(\"[^\"]*)?$");

    private Redaction() {
    }

    /** The body with its secrets replaced, cut to {@code maxChars}. */
    static String redact(String body, int maxChars) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String json = JSON_MEMBER.matcher(body).replaceAll("$1\"***\"");
        String redacted = XML_ELEMENT.matcher(json).replaceAll("$1***$3");
        if (redacted.length() <= maxChars) {
            return redacted;
        }
        return OPEN_AT_END.matcher(redacted.substring(0, maxChars)).replaceAll("$1***");
    }
}
