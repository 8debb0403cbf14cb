package io.localpack.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the OData V3 forms real SPF clients send into the V4 forms Olingo parses: typed literals
 * ({@code guid'…'}, {@code datetime'…'}, {@code 12L}, …), GUIDs in braces, {@code Set()} with empty parentheses,
 * {@code substringof}, {@code $inlinecount}, and {@code +} for spaces. V4 input passes through unchanged.
 */
public final class V3UriTranslator {

    private static final Pattern EMPTY_KEY = Pattern.compile("^(/?[A-Za-z_][A-Za-z0-9_]*)\\(\\s*\\)");
    private static final Pattern SUFFIXED_NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)[LlMmDdFf]");

    private V3UriTranslator() {
    }

    /** Translates a decoded resource path such as {@code /Services(ID=guid'…',StampId=guid'…')}. */
    public static String translatePath(String decodedPath) {
        String[] segments = decodedPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            Matcher empty = EMPTY_KEY.matcher(segments[i]);
            segments[i] = empty.find() ? empty.group(1) + segments[i].substring(empty.end())
                    : translateExpression(segments[i]);
        }
        return String.join("/", segments);
    }

    /**
     * Translates a raw (still percent-encoded) query string: V3 names and literals become V4, and every value is
     * re-encoded so that Olingo, which decodes only {@code %XX}, reads what the client meant.
     */
    public static String translateQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : decode(pair.substring(eq + 1));
            if (name.equals("$inlinecount")) {
                if ("allpages".equals(value)) {
                    parts.add("$count=true");
                } else if (!"none".equals(value)) {
                    parts.add("$inlinecount=" + encode(value == null ? "" : value)); // Olingo names the bad option
                }
                continue;
            }
            if (value != null && (name.equals("$filter") || name.equals("$orderby"))) {
                value = translateExpression(value);
            }
            parts.add(encode(name) + (value == null ? "" : "=" + encode(value)));
        }
        return String.join("&", parts);
    }

    /** Translates the literals and functions of one expression, leaving string contents untouched. */
    static String translateExpression(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = endOfString(expression, i);
                String prefix = trailingIdentifier(out);
                String body = expression.substring(i + 1, Math.max(i + 1, end - 1));
                String replaced = typedLiteral(prefix, body);
                if (replaced != null) {
                    out.setLength(out.length() - prefix.length());
                    out.append(replaced);
                } else {
                    out.append(expression, i, end);
                }
                i = end;
            } else if (isTokenChar(c)) {
                int end = i;
                while (end < expression.length() && isTokenChar(expression.charAt(end))) {
                    end++;
                }
                String token = expression.substring(i, end);
                Matcher number = SUFFIXED_NUMBER.matcher(token);
                if (number.matches()) {
                    out.append(number.group(1)); // 12L, 1.5M, 2.0D: V4 has no suffixes
                    i = end;
                } else if (token.equalsIgnoreCase("substringof")) {
                    i = rewriteSubstringOf(expression, i, out);
                } else {
                    out.append(token);
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The V4 form of a V3 typed literal such as guid'…' (prefix "guid"), or null to keep it as it is. */
    private static String typedLiteral(String prefix, String body) {
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "guid": {
                String guid = body.trim();
                if (guid.startsWith("{") && guid.endsWith("}")) {
                    guid = guid.substring(1, guid.length() - 1);
                }
                // Only a well-formed GUID becomes a bare literal; anything else stays quoted so Olingo rejects it.
                return guid.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
                        ? guid : null;
            }
            case "datetime":
                // V3 Edm.DateTime carries no offset; SPF means UTC when none is given.
                return body.matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? body : body + "Z";
            case "datetimeoffset":
                return body;
            case "x":
            case "binary":
                return "binary'" + hexToBase64Url(body) + "'";
            default:
                return null;
        }
    }

    private static int rewriteSubstringOf(String expression, int start, StringBuilder out) {
        int open = expression.indexOf('(', start);
        if (open < 0 || !expression.substring(start + "substringof".length(), open).isBlank()) {
            out.append(expression, start, start + "substringof".length());
            return start + "substringof".length();
        }
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int argumentStart = open + 1;
        int i = open + 1;
        for (; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = endOfString(expression, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(expression.substring(argumentStart, i));
                argumentStart = i + 1;
            } else if (c == ')') {
                arguments.add(expression.substring(argumentStart, i));
                break;
            }
        }
        if (arguments.size() != 2 || i >= expression.length()) {
            out.append(expression, start, start + "substringof".length());
            return start + "substringof".length();
        }
        // V3 substringof(needle, haystack) is V4 contains(haystack, needle).
        out.append("contains(").append(translateExpression(arguments.get(1).trim())).append(',')
                .append(translateExpression(arguments.get(0).trim())).append(')');
        return i + 1;
    }

    private static int endOfString(String expression, int openingQuote) {
        int i = openingQuote + 1;
        while (i < expression.length()) {
            if (expression.charAt(i) == '\'') {
                if (i + 1 < expression.length() && expression.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return expression.length();
    }

    private static String trailingIdentifier(StringBuilder out) {
        int i = out.length();
        while (i > 0 && Character.isLetter(out.charAt(i - 1))) {
            i--;
        }
        return out.substring(i);
    }

    /** Characters of one bare token: names, numbers, GUIDs and dates, so a GUID is never mistaken for a number. */
    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':';
    }

    private static String hexToBase64Url(String hex) {
        if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
            return hex; // leave it for Olingo to reject
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Percent-decodes a path; unlike a query, a path keeps '+' as it is. */
    public static String decodePath(String rawPath) {
        return decode(rawPath.replace("+", "%2B"));
    }

    /** Re-encodes a translated path, keeping the punctuation of OData key predicates raw. */
    public static String encodePath(String path) {
        return encode(path, "-._~$'(),:@!*/=");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%': let Olingo report the bad option
        }
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters and the OData punctuation Olingo expects raw. */
    static String encode(String text) {
        return encode(text, "-._~$'(),:@!*/");
    }

    private static String encode(String text, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || keep.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
