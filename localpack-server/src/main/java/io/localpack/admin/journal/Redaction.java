package io.localpack.admin.journal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces secrets in bodies before they are kept: JSON members and XML elements whose name says password, secret,
 * token, key or certificate (Jobs restart's Password, ASM's certificate data, a new VM's LocalAdminPassword,
 * ProductKey and LinuxAdministratorSSHKeyString and the like).
 */
final class Redaction {

    /** The words a secret member's or element's name holds, matched in any case. */
    private static final List<String> NAME_WORDS = List.of("password", "secret", "token", "privatekey", "certificate",
            "apikey", "productkey", "sshkey");
    /** Inside a JSON string, credentials count too. */
    private static final List<String> ESCAPED_NAME_WORDS =
            Stream.concat(NAME_WORDS.stream(), Stream.of("credential")).toList();

    private static final String SECRET_NAME = "[A-Za-z_]*(?i:" + String.join("|", NAME_WORDS) + ")[A-Za-z_]*";
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
    /**
     * A secret member inside a JSON string (a VM Role's ParameterValues, a JSON object serialised into a string):
     * {@code \"VMRoleAdminCredential\":\"user:password\"}.
     */
    private static final Pattern ESCAPED_JSON_MEMBER = Pattern.compile(
            "(\\\\\"[A-Za-z_]*(?i:" + String.join("|", ESCAPED_NAME_WORDS) + ")"
                    + "[A-Za-z_]*\\\\\"\\s*:\\s*\\\\\")(?:[^\"\\\\]|\\\\{4})*(?=\\\\\")");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "(<((?:\\w+:)?" + SECRET_NAME + ")(?:\\s[^>]*)?>)[^<]*(</\\2>)");

    /** A secret whose value the cut at the size limit left open. */
    private static final Pattern OPEN_AT_END = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*|<(?:\\w+:)?" + SECRET_NAME + "(?:\\s[^>]*)?>)[^<\"]*(\"[^\"]*)?$");

    /** Headers whose values are credentials whatever their name says (besides names holding these words). */
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-xsrf-token");
    private static final List<String> SECRET_HEADER_WORDS = List.of("password", "secret", "token", "key");
    /** Characters of headers kept per direction, and per value: the journal's memory stays bounded. */
    private static final int MAX_HEADERS_CHARS = 4096;
    private static final int MAX_HEADER_CHARS = 512;

    private Redaction() {
    }

    static Map<String, String> requestHeaders(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            keep(headers, name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
        return headers;
    }

    static Map<String, String> responseHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getContentType() != null) {
            keep(headers, "Content-Type", response.getContentType());
        }
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            if (!name.equalsIgnoreCase("Content-Type")) {
                keep(headers, name, String.join(", ", response.getHeaders(name)));
            }
        }
        return headers;
    }

    /** Adds the header (secret values masked, long ones cut) while the entry's headers stay within the bound. */
    private static void keep(Map<String, String> headers, String name, String value) {
        String kept = header(name, value);
        int used = headers.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        if (used + name.length() + kept.length() <= MAX_HEADERS_CHARS) {
            headers.put(name, kept);
        }
    }

    private static String header(String name, String value) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (SECRET_HEADERS.contains(lowerName) || SECRET_HEADER_WORDS.stream().anyMatch(lowerName::contains)) {
            return "***";
        }
        return value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) + "…" : value;
    }

    /** The body with its secrets replaced, cut to {@code maxChars}. */
    static String redact(String body, int maxChars) {
        return redact(body, maxChars, Set.of());
    }

    /**
     * The body with its secrets replaced, cut to {@code maxChars}: members named as secrets, and every occurrence of
     * the values an API named ({@code JournalSecrets}) as sent, JSON-escaped once or twice.
     */
    static String redact(String body, int maxChars, Collection<String> secrets) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String valued = body;
        for (String secret : secrets) {
            String once = escaped(secret);
            for (String form : List.of(escaped(once), once, secret)) {
                valued = valued.replace(form, "***");
            }
        }
        if (!mayNameSecrets(valued)) {
            return valued.length() <= maxChars ? valued : valued.substring(0, maxChars);
        }
        String json = JSON_MEMBER.matcher(valued).replaceAll("$1\"***\"");
        json = ESCAPED_JSON_MEMBER.matcher(json).replaceAll("$1***");
        String redacted = XML_ELEMENT.matcher(json).replaceAll("$1***$3");
        if (redacted.length() <= maxChars) {
            return redacted;
        }
        return OPEN_AT_END.matcher(redacted.substring(0, maxChars)).replaceAll("$1***");
    }

    /**
     * Whether the text holds a word of a secret's name, in any case: if not, no pattern above can match. Most bodies
     * (entities, feeds, service documents) hold none, and the scan costs far less than the patterns, which backtrack
     * at every quote and angle bracket (they were a fifth of a B1 read's CPU).
     */
    static boolean mayNameSecrets(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ESCAPED_NAME_WORDS.stream().anyMatch(lower::contains);
    }

    /** The text as it appears inside a JSON string. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
