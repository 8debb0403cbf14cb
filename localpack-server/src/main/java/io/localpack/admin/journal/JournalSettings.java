package io.localpack.admin.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code localpack.journal.*}: the request journal's bounds. Memory stays below about
 * {@code capacity × (2 × max-body-bytes + 8 KiB of masked headers)} plus a few hundred bytes per entry, whatever the load.
 *
 * @param enabled      record requests at all
 * @param capacity     entries kept; the oldest is dropped when a new one comes
 * @param maxBodyBytes bytes of each request and response body kept (the rest is cut, and the entry says so)
 */
@ConfigurationProperties("localpack.journal")
public record JournalSettings(Boolean enabled, Integer capacity, Integer maxBodyBytes) {

    public JournalSettings {
        enabled = enabled == null || enabled;
        capacity = capacity == null ? 1000 : capacity;
        maxBodyBytes = maxBodyBytes == null ? 4096 : maxBodyBytes;
        if (capacity < 1 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("localpack.journal.capacity must be at least 1 and max-body-bytes >= 0");
        }
    }
}
