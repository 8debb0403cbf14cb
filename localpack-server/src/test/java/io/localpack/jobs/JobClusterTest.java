package io.localpack.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.LocalPackApplication;
import io.localpack.testsupport.Await;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several LocalPack instances on one database, and instances that go away with jobs in flight. Each context here
 * is a full application (web server on a random port) sharing one named in-memory H2 database.
 */
class JobClusterTest {

    static final UUID SUBSCRIPTION = JobEngineTest.SUBSCRIPTION;
    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private String databaseName;

    @BeforeEach
    void setUp() {
        TestHandlers.reset();
        databaseName = "cluster_" + UUID.randomUUID().toString().substring(0, 8); // PostgreSQL suite: [a-z0-9_]{1,30}
    }

    @AfterEach
    void tearDown() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext startInstance(String... extraProperties) {
        // Command-line arguments: they outrank ./config/application.yml (builder default properties do not).
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // One database for every instance of a test: H2 by URL, or the PostgreSQL suite's shared database.
                "--spring.datasource.url=jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1",
                "--localpack.test.shared-database=" + databaseName,
                "--localpack.jobs.poll-interval=20ms",
                "--localpack.jobs.lease-duration=1s",
                "--localpack.jobs.duration-factor=0"));
        for (String p : extraProperties) {
            // a repeated option would reach Spring as both values, comma-joined: the test's own replaces the default
            String name = "--" + p.substring(0, p.indexOf('=') + 1);
            arguments.removeIf(a -> a.startsWith(name));
            arguments.add("--" + p);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalPackApplication.class,
                TestHandlers.class).run(arguments.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    @Test
    void twoInstancesRunABatchWithNoJobRunTwice() throws Exception {
        JobService first = startInstance().getBean(JobService.class);
        JobService second = startInstance().getBean(JobService.class);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            JobService via = i % 2 == 0 ? first : second;
            ids.add(via.submit(JobRequest.builder(SUBSCRIPTION, "test.steps", "Batch " + i)
                    .target(UUID.randomUUID(), "TestObject", "o" + i).build()).id());
        }
        for (UUID id : ids) {
            assertThat(first.awaitCompletion(id, WAIT).status()).as("job %s", id).isEqualTo(JobStatus.Completed);
        }
        assertThat(TestHandlers.RUNS).hasSize(200);
        assertThat(TestHandlers.RUNS.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
        // each step's work ran once per job
        assertThat(TestHandlers.WORK_DONE).hasSize(600).doesNotHaveDuplicates();
    }

    @Test
    void jobWhoseRunnerDiedIsFailedWithAClearErrorAndCanBeRestarted() throws Exception {
        // Simulate a process killed mid-job: a Running row whose lease ran out and whose runner is gone.
        ConfigurableApplicationContext instance = startInstance();
        JdbcTemplate jdbc = instance.getBean(JdbcTemplate.class);
        JobService jobs = instance.getBean(JobService.class);
        UUID id = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        jdbc.update("""
                INSERT INTO jobs (id, subscription_id, kind, name, status, status_string, progress_value,
                  current_step, current_step_index, skip_steps_before, created_time, start_time, target_object_id,
                  active_target, is_restartable, is_completed, parameters, attempt, version, lease_owner,
                  lease_expires_at)
                VALUES (?, ?, 'test.steps', 'Killed', 'Running', 'Running', 30, 'Changing', 2, 0, ?, ?, ?, ?,
                  TRUE, FALSE, '{}', 1, 1, 'dead-instance', ?)""",
                id, SUBSCRIPTION, past, past, target, target.toString(), past);

        Job failed = jobs.awaitCompletion(id, WAIT);

        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThat(failed.completed()).isTrue();
        assertThat(failed.endTime()).isNotNull();
        assertThat(failed.error().code()).isEqualTo(JobErrors.SERVER_STOPPED);
        assertThat(failed.error().problem()).contains("stopped while the job was running");
        assertThat(failed.error().recommendedAction()).isEqualTo("Restart the job.");
        assertThat(TestHandlers.FAILURES.get(id)).isEqualTo(failed.error());
        assertThat(jobs.activeJobOn(target)).isEmpty();

        // Restart resumes at the step that was interrupted (index 1, "Changing"): "Preparing" is not redone.
        jobs.restart(SUBSCRIPTION, id, false);
        Job done = jobs.awaitCompletion(id, WAIT);
        assertThat(done.status()).isEqualTo(JobStatus.Completed);
        assertThat(TestHandlers.WORK_DONE).containsExactly(id + ":Changing", id + ":Finishing");
    }

    @Test
    void jobInFlightWhenItsInstanceStopsEndsFailedNotRunningForever() throws Exception {
        ConfigurableApplicationContext doomed = startInstance();
        JobService viaDoomed = doomed.getBean(JobService.class);
        Job job = viaDoomed.submit(JobRequest.builder(SUBSCRIPTION, "test.blocking", "Long job")
                .target(UUID.randomUUID(), "TestObject", "o").build());
        awaitRunning(viaDoomed, job.id());

        doomed.close();
        contexts.remove(doomed);

        JobService survivor = startInstance().getBean(JobService.class);
        Job failed = survivor.awaitCompletion(job.id(), WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThat(failed.error().code()).isEqualTo(JobErrors.SERVER_STOPPED);
        assertThat(TestHandlers.RUNS.get(job.id())).hasValue(1);
    }

    @Test
    void abandonedJobIsTakenOverOnlyAfterItsLeaseExpires() throws Exception {
        // Instance A holds a job but stops renewing (its runner is "hung"): we fake that by a lease owner that
        // does not exist; the lease is still valid for a moment, so nobody may touch it before it expires.
        ConfigurableApplicationContext instance = startInstance();
        JdbcTemplate jdbc = instance.getBean(JdbcTemplate.class);
        JobService jobs = instance.getBean(JobService.class);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO jobs (id, subscription_id, kind, name, status, status_string, progress_value,
                  current_step_index, skip_steps_before, created_time, start_time, is_restartable, is_completed,
                  parameters, attempt, version, lease_owner, lease_expires_at)
                VALUES (?, ?, 'test.steps', 'Hung', 'Running', 'Running', 0, 0, 0, ?, ?, TRUE, FALSE, '{}', 1, 1,
                  'hung-instance', ?)""",
                id, SUBSCRIPTION, now, now, now.plusSeconds(3)); // margin for a loaded machine

        Thread.sleep(300);
        assertThat(jobs.find(SUBSCRIPTION, id).orElseThrow().status()).isEqualTo(JobStatus.Running);
        assertThat(jobs.awaitCompletion(id, WAIT).status()).isEqualTo(JobStatus.Failed);
    }

    @Test
    void instanceWithJobsDisabledAcceptsButDoesNotRun() throws Exception {
        JobService acceptOnly = startInstance("localpack.jobs.enabled=false").getBean(JobService.class);
        Job job = acceptOnly.submit(JobRequest.builder(SUBSCRIPTION, "test.steps", "Deferred").build());
        Thread.sleep(300);
        assertThat(acceptOnly.find(SUBSCRIPTION, job.id()).orElseThrow().status()).isEqualTo(JobStatus.Queued);

        startInstance();
        assertThat(acceptOnly.awaitCompletion(job.id(), WAIT).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void aFreedWorkerTakesTheNextQueuedJobWithoutWaitingForAPoll() throws Exception {
        // one worker, and scheduled polls a minute apart: only the worker itself can take the queue after the first job
        JobService jobs = startInstance("localpack.jobs.poll-interval=1m", "localpack.jobs.worker-threads=1")
                .getBean(JobService.class);
        UUID held = jobs.submit(JobRequest.builder(SUBSCRIPTION, "test.blocking", "Held").build()).id();
        awaitRunning(jobs, held);
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // their wake-ups find no free worker
            queued.add(jobs.submit(JobRequest.builder(SUBSCRIPTION, "test.steps", "Queued " + i).build()).id());
        }
        assertThat(jobs.find(SUBSCRIPTION, queued.get(0)).orElseThrow().status()).isEqualTo(JobStatus.Queued);

        TestHandlers.gate(held).countDown();
        for (UUID id : queued) {
            assertThat(jobs.awaitCompletion(id, Duration.ofSeconds(15)).status()).as("job %s", id)
                    .isEqualTo(JobStatus.Completed);
        }
        // oldest first, as the poller claims them
        List<OffsetDateTime> starts = queued.stream()
                .map(id -> jobs.find(SUBSCRIPTION, id).orElseThrow().startTime()).toList();
        assertThat(starts).isSorted();
    }

    private static void awaitRunning(JobService jobs, UUID id) {
        Await.until("job " + id + " to start", () -> jobs.find(SUBSCRIPTION, id).orElseThrow(),
                job -> job.progressValue() >= 40);
    }

    @SuppressWarnings("unused")
    private static int total(List<AtomicInteger> counts) {
        return counts.stream().mapToInt(AtomicInteger::get).sum();
    }
}
