package io.localpack.admin.journal;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One request to the emulated APIs as the journal keeps it. Bodies are cut to the configured size and secrets in
 * them are replaced by {@code ***}; so are the values of credential headers (Authorization, Cookie, Set-Cookie and
 * names that say password, secret, token or key).
 *
 * @param status            the answer's status; null when the connection was dropped
 * @param connectionDropped an HTTP fault rule closed the connection without an answer
 * @param jobId  the {@code x-ms-request-id} answered: the VMM job or ASM operation id
 */
public record JournalEntry(long sequence, OffsetDateTime time, String method, String path, String query,
                           String subscription, String principal, Integer status, boolean connectionDropped,
                           long durationMillis, String jobId,
                           String requestBody, boolean requestBodyTruncated, String responseBody,
                           boolean responseBodyTruncated, Map<String, String> requestHeaders,
                           Map<String, String> responseHeaders) {

    JournalEntry numbered(long number) {
        return new JournalEntry(number, time, method, path, query, subscription, principal, status, connectionDropped,
                durationMillis, jobId, requestBody, requestBodyTruncated, responseBody, responseBodyTruncated,
                requestHeaders, responseHeaders);
    }
}
