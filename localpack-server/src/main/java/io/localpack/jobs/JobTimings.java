package io.localpack.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The timing of each job kind: the configured duration ({@code localpack.jobs.durations}, scaled by
 * {@code duration-factor}) unless a run-time override says otherwise. Overrides live in memory, per instance: a
 * restart returns to the configuration.
 */
@Component
public class JobTimings {

    private final JobsProperties properties;
    private final Map<String, JobTiming> overrides = new ConcurrentHashMap<>();

    JobTimings(JobsProperties properties) {
        this.properties = properties;
    }

    public JobTiming of(String kind) {
        JobTiming override = overrides.get(kind);
        return override != null ? override : new JobTiming.After(properties.durationOf(kind));
    }

    public Optional<JobTiming> override(String kind) {
        return Optional.ofNullable(overrides.get(kind));
    }

    public void set(String kind, JobTiming timing) {
        overrides.put(kind, timing);
    }

    /** Back to the configured timing; true when there was an override. */
    public boolean clear(String kind) {
        return overrides.remove(kind) != null;
    }

    public Map<String, JobTiming> overrides() {
        return new TreeMap<>(overrides);
    }
}
