package io.localpack.readcache;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells, from its SQL alone, whether a statement may change data: only queries are sure not to. */
final class WriteStatements {

    /** What a statement may do to the data. */
    enum Kind {
        /** A query, a session setting, or a change to bookkeeping no reusable answer shows. */
        READ,
        /** INSERT, UPDATE, DELETE, MERGE: changes data exactly when it reports rows (an update count, returned rows). */
        COUNTED,
        /** Anything else (DDL, TRUNCATE, a script, a procedure): may change data without saying so. */
        OTHER
    }

    /** A data-changing verb inside a WITH statement; "FOR UPDATE" and "FOR NO KEY UPDATE" only lock. */
    private static final Pattern CHANGE_IN_WITH = Pattern.compile(
            "\\b(insert|delete|merge)\\b|(?<!\\bfor\\s{1,10})(?<!\\bkey\\s{1,10})\\bupdate\\b");
    private static final Pattern TRUNCATE = Pattern.compile("\\btruncate\\b");
    /** The table an INSERT, UPDATE, DELETE or MERGE changes. */
    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+\"?(\\w+)\"?");
    /**
     * Bookkeeping no reusable answer shows, written on reads: ASM records every request for Get Operation Status,
     * and each instance counts its changes for the dashboard. Counting them would end every kept answer at each ASM
     * request.
     */
    private static final java.util.Set<String> NOT_SHOWN = java.util.Set.of("asm_requests", "asm_read_requests",
            "instance_changes");

    private WriteStatements() {
    }

    /**
     * Kinds already judged, by SQL: the application's statements are few and prepared again and again (a job's claim
     * was judged at every run by lower-casing it and matching a pattern). A bound, so that scripts' statements cannot
     * grow it without end.
     */
    private static final java.util.Map<String, Kind> JUDGED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int JUDGED_AT_MOST = 2048;

    static Kind kindOf(String sql) {
        Kind kind = JUDGED.get(sql);
        if (kind == null) {
            kind = judge(sql);
            if (JUDGED.size() < JUDGED_AT_MOST) {
                JUDGED.put(sql, kind);
            }
        }
        return kind;
    }

    private static Kind judge(String sql) {
        return switch (firstWord(sql)) {
            // SET and SHOW change or read a session's settings, not data
            case "select", "values", "show", "set" -> Kind.READ;
            case "insert", "update", "delete", "merge" -> changesShownData(sql) ? Kind.COUNTED : Kind.READ;
            case "with" -> {
                String lower = sql.toLowerCase(Locale.ROOT);
                yield TRUNCATE.matcher(lower).find() ? Kind.OTHER
                        : CHANGE_IN_WITH.matcher(lower).find() ? Kind.COUNTED : Kind.READ;
            }
            default -> Kind.OTHER;
        };
    }

    private static boolean changesShownData(String sql) {
        java.util.regex.Matcher target = TARGET.matcher(sql.toLowerCase(Locale.ROOT));
        return !target.find() || !NOT_SHOWN.contains(target.group(1));
    }

    static boolean mayWrite(String sql) {
        return kindOf(sql) != Kind.READ;
    }

    /** The first word after blanks, parentheses and comments, in lower case. */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
