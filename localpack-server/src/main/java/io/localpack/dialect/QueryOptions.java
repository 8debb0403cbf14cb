package io.localpack.dialect;

/** Raw query strings as next links carry them. */
public final class QueryOptions {

    private QueryOptions() {
    }

    /**
     * {@code rawQuery}'s options as they were written, any {@code $skiptoken} replaced by {@code skipToken}: the query
     * of the next link.
     *
     * @param rawQuery the query string without '?'; may be null
     */
    public static String withSkipToken(String rawQuery, String skipToken) {
        StringBuilder kept = new StringBuilder();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("$skiptoken=") && !pair.startsWith("%24skiptoken=")) {
                    kept.append(pair).append('&');
                }
            }
        }
        return kept.append("$skiptoken=").append(skipToken).toString();
    }
}
