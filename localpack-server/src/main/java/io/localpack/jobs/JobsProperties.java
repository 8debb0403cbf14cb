package io.localpack.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code localpack.jobs}.
 *
 * @param enabled         run jobs on this instance (false: only accept and show them)
 * @param pollInterval    how often a runner looks for queued jobs and expired leases; also the await poll
 * @param leaseDuration   a runner renews its lease every third of this; a job whose lease is this old is taken
 *                        over (failed with VMM error 1700) by another runner
 * @param workerThreads   jobs run in parallel on one instance
 * @param defaultDuration how long a job takes when its kind has no entry in {@code durations}
 * @param durations       per kind, e.g. {@code "[vmm.service.stop]": 20s} (brackets keep the dots in YAML keys)
 * @param durationFactor  every duration is multiplied by this (0 in tests: maps merge across config files, so a
 *                        test profile cannot simply empty {@code durations})
 */
@ConfigurationProperties("localpack.jobs")
public record JobsProperties(Boolean enabled, Duration pollInterval, Duration leaseDuration, Integer workerThreads,
                             Duration defaultDuration, Map<String, Duration> durations,
                             Double durationFactor) {

    public JobsProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
        workerThreads = workerThreads == null ? 4 : workerThreads;
        defaultDuration = defaultDuration == null ? Duration.ofSeconds(5) : defaultDuration;
        durations = durations == null ? Map.of() : new HashMap<>(durations);
        durationFactor = durationFactor == null ? 1.0 : durationFactor;
        if (durationFactor < 0) {
            throw new IllegalArgumentException("localpack.jobs.duration-factor must not be negative");
        }
    }

    public Duration durationOf(String kind) {
        long millis = durations.getOrDefault(kind, defaultDuration).toMillis();
        return Duration.ofMillis(Math.round(millis * durationFactor));
    }
}
