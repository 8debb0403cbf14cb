package io.localpack.client;

import com.fasterxml.jackson.databind.JsonNode;

/** One request the emulated APIs answered, as {@code GET /_localpack/journal} lists it (bodies with secrets masked). */
public record JournalEntry(long sequence, String time, String method, String path, String query, String subscription,
                           Integer status, String jobId, String requestBody, String responseBody) {

    static JournalEntry of(JsonNode e) {
        return new JournalEntry(e.path("sequence").asLong(), text(e, "time"), text(e, "method"), text(e, "path"),
                text(e, "query"), text(e, "subscription"), e.hasNonNull("status") ? e.get("status").asInt() : null,
                text(e, "jobId"), text(e, "requestBody"), text(e, "responseBody"));
    }

    private static String text(JsonNode e, String name) {
        return e.hasNonNull(name) ? e.get(name).asText() : null;
    }
}
