package io.localpack.admin;

import io.localpack.fixtures.FixtureLoader;
import io.localpack.jobs.JobService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /_localpack/health} says UP only once the fixtures are loaded and the job engine runs: a test suite that
 * waits for it can send its first request without racing the start-up.
 */
@Component("localpack")
class ReadinessHealthIndicator implements HealthIndicator {

    private final FixtureLoader fixtures;
    private final JobService jobs;

    ReadinessHealthIndicator(FixtureLoader fixtures, JobService jobs) {
        this.fixtures = fixtures;
        this.jobs = jobs;
    }

    @Override
    public Health health() {
        if (!fixtures.startDone()) {
            return Health.down().withDetail("waitingFor", "fixtures").build();
        }
        if (!jobs.runnerIsRunning()) {
            return Health.down().withDetail("waitingFor", "job engine").build();
        }
        return Health.up().build();
    }
}
