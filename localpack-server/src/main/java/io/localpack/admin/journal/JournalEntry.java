package io.localpack.admin.journal;

import java.time.OffsetDateTime;

/**
 * One request to the emulated APIs as the journal keeps it. Bodies are cut to the configured size and secrets in
 * them are replaced by {@code ***}; headers are not kept (Authorization never is).
 *
 * @param status            the answer's status; null when the connection was dropped
 * @param connectionDropped an HTTP fault rule closed the connection without an answer
 * @param jobId  the {@code x-ms-request-id} answered: the VMM job or ASM operation id
 */
public record JournalEntry(long sequence, OffsetDateTime time, String method, String path, String query,
                           String subscription, String principal, Integer status, boolean connectionDropped,
                           long durationMillis, String jobId,
                           String requestBody, boolean requestBodyTruncated, String responseBody,
                           boolean responseBodyTruncated) {

    JournalEntry numbered(long number) {
        return new JournalEntry(number, time, method, path, query, subscription, principal, status, connectionDropped,
                durationMillis, jobId, requestBody, requestBodyTruncated, responseBody, responseBodyTruncated);
    }
}
