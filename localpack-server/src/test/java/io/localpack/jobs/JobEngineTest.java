package io.localpack.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.testsupport.Await;
import io.localpack.testsupport.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = "localpack.test.context=jobs-engine")
@TestPropertySource("classpath:localpack-test.properties")
@Import(TestHandlers.class)
class JobEngineTest {

    static final UUID SUBSCRIPTION = Fixtures.FABRIKAM_ID;
    static final UUID OTHER_SUBSCRIPTION = Fixtures.CONTOSO_ID;
    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired JobService jobs;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired io.localpack.jobs.faults.FaultRules faults;

    @BeforeEach
    void clean() {
        TestHandlers.reset();
        faults.clear();
    }

    static JobRequest.Builder request(String kind, UUID target) {
        return JobRequest.builder(SUBSCRIPTION, kind, "Test " + kind).target(target, "TestObject", "object")
                .owner("FABRIKAM\\tenant");
    }

    @Test
    void submittedJobRunsToCompletionWithFullProgress() throws Exception {
        UUID target = UUID.randomUUID();
        Job submitted = jobs.submit(request("test.steps", target).stampId(UUID.randomUUID()).build());
        assertThat(submitted.status()).isIn(JobStatus.Queued, JobStatus.Running, JobStatus.Completed);

        Job done = jobs.awaitCompletion(submitted.id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.Completed);
        assertThat(done.statusString()).isEqualTo("Completed");
        assertThat(done.completed()).isTrue();
        assertThat(done.progressValue()).isEqualTo(100);
        assertThat(done.progress()).isEqualTo("100 %");
        assertThat(done.currentStep()).isEqualTo("Finishing");
        assertThat(done.startTime()).isNotNull();
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());
        assertThat(done.error()).isNull();
        assertThat(done.httpStatus()).isEqualTo(200);
        assertThat(done.resultObjectId()).isEqualTo(target);
        assertThat(done.owner()).isEqualTo("FABRIKAM\\tenant");
        assertThat(TestHandlers.RUNS.get(done.id())).hasValue(1);
        assertThat(TestHandlers.WORK_DONE).containsExactly(
                done.id() + ":Preparing", done.id() + ":Changing", done.id() + ":Finishing");
        assertThat(jobs.activeJobOn(target)).isEmpty();
    }

    @Test
    void progressAndCurrentStepAreVisibleWhileRunning() throws Exception {
        Job job = jobs.submit(request("test.blocking", UUID.randomUUID()).build());
        Job running = awaitProgress(job.id(), 60);
        assertThat(running.status()).isEqualTo(JobStatus.Running);
        assertThat(running.completed()).isFalse();
        assertThat(running.progressValue()).isEqualTo(60);
        assertThat(running.progress()).isEqualTo("60 %");
        assertThat(running.currentStep()).isEqualTo("Holding");
        assertThat(running.endTime()).isNull();

        TestHandlers.gate(job.id()).countDown();
        assertThat(jobs.awaitCompletion(job.id(), WAIT).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void awaitReturnsUnfinishedSnapshotWhenTimeRunsOut() throws Exception {
        Job job = jobs.submit(request("test.blocking", UUID.randomUUID()).build());
        Job snapshot = jobs.awaitCompletion(job.id(), Duration.ofMillis(100));
        assertThat(snapshot.completed()).isFalse();
        TestHandlers.gate(job.id()).countDown();
        assertThat(jobs.awaitCompletion(job.id(), WAIT).completed()).isTrue();
    }

    @Test
    void secondJobOnABusyTargetIsRefusedNamingTheRunningJob() throws Exception {
        UUID target = UUID.randomUUID();
        Job first = jobs.submit(request("test.blocking", target).build());

        assertThatThrownBy(() -> jobs.submit(request("test.steps", target).build()))
                .isInstanceOfSatisfying(TargetBusyException.class, e -> {
                    assertThat(e.runningJobId()).isEqualTo(first.id());
                    assertThat(e.targetObjectId()).isEqualTo(target);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE target_object_id = ?", Integer.class,
                target)).isEqualTo(1);

        TestHandlers.gate(first.id()).countDown();
        jobs.awaitCompletion(first.id(), WAIT);
        Job next = jobs.submit(request("test.steps", target).build());
        assertThat(jobs.awaitCompletion(next.id(), WAIT).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void concurrentSubmitsOnOneTargetAdmitExactlyOne() throws Exception {
        UUID target = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Job>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> jobs.submit(request("test.blocking", target).build()));
        }
        int admitted = 0;
        int refused = 0;
        UUID admittedId = null;
        for (Future<Job> f : pool.invokeAll(calls)) {
            try {
                admittedId = f.get().id();
                admitted++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(TargetBusyException.class);
                refused++;
            }
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(1);
        assertThat(refused).isEqualTo(15);
        TestHandlers.gate(admittedId).countDown();
        jobs.awaitCompletion(admittedId, WAIT);
    }

    @Test
    void jobSubmittedInARolledBackTransactionNeverExists() throws Exception {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jobs.submit(request("test.steps", UUID.randomUUID()).id(id).build());
            status.setRollbackOnly();
        });
        Thread.sleep(200);
        assertThat(jobs.find(SUBSCRIPTION, id)).isEmpty();
        assertThat(TestHandlers.RUNS).doesNotContainKey(id);
    }

    @Test
    void jobSubmittedInATransactionStartsAfterCommit() throws Exception {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jobs.submit(request("test.steps", UUID.randomUUID()).id(id).build());
            try {
                Thread.sleep(200); // several poll intervals: an uncommitted job must not be picked up
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(TestHandlers.RUNS).doesNotContainKey(id);
        });
        assertThat(jobs.awaitCompletion(id, WAIT).status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void jobsAreScopedToTheirSubscription() throws Exception {
        Job job = jobs.submit(request("test.steps", UUID.randomUUID()).build());
        assertThat(jobs.find(OTHER_SUBSCRIPTION, job.id())).isEmpty();
        assertThat(jobs.find(SUBSCRIPTION, job.id())).isPresent();
        assertThat(jobs.findByTarget(OTHER_SUBSCRIPTION, job.targetObjectId())).isEmpty();
        assertThat(jobs.findByTarget(SUBSCRIPTION, job.targetObjectId())).extracting(Job::id).containsExactly(job.id());
        assertThatThrownBy(() -> jobs.restart(OTHER_SUBSCRIPTION, job.id(), false))
                .isInstanceOf(IllegalArgumentException.class);
        jobs.awaitCompletion(job.id(), WAIT);
    }

    @Test
    void unknownKindIsRefused() {
        assertThatThrownBy(() -> jobs.submit(request("test.nope", null).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.nope");
    }

    @Test
    void unexpectedHandlerExceptionFailsTheJobAsInternalError() throws Exception {
        Job job = jobs.awaitCompletion(jobs.submit(request("test.broken", UUID.randomUUID()).build()).id(), WAIT);
        assertThat(job.status()).isEqualTo(JobStatus.Failed);
        assertThat(job.error().code()).isEqualTo(JobErrors.INTERNAL_ERROR);
        assertThat(job.error().problem()).contains("handler bug");
        assertThat(job.progressValue()).isEqualTo(100);
        assertThat(job.completed()).isTrue();
        assertThat(TestHandlers.FAILURES.get(job.id())).isEqualTo(job.error());
        assertThat(jobs.activeJobOn(job.targetObjectId())).isEmpty();
    }

    @Test
    void warningsMakeSucceedWithInfo() throws Exception {
        Job job = jobs.awaitCompletion(jobs.submit(request("test.warning", null).build()).id(), WAIT);
        assertThat(job.status()).isEqualTo(JobStatus.SucceedWithInfo);
        assertThat(job.statusString()).isEqualTo("Completed w/ Info");
        assertThat(job.additionalMessages()).singleElement()
                .satisfies(w -> assertThat(w.code()).isEqualTo(10803));
    }

    @Test
    void onceFaultFailsOneJobWithTheGivenErrorThenStops() throws Exception {
        UUID target = UUID.randomUUID();
        faults.add("test.steps", target, null, 12345, "TestFault", "Injected failure", "Try again", 500, 0, 1);

        Job failed = jobs.awaitCompletion(jobs.submit(request("test.steps", target).build()).id(), WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThat(failed.statusString()).isEqualTo("Failed");
        assertThat(failed.error().code()).isEqualTo(12345);
        assertThat(failed.error().name()).isEqualTo("TestFault");
        assertThat(failed.error().problem()).isEqualTo("Injected failure");
        assertThat(failed.error().recommendedAction()).isEqualTo("Try again");
        assertThat(failed.error().terminating()).isTrue();
        assertThat(failed.error().errorType()).isEqualTo("Error");
        assertThat(failed.error().httpStatus()).isEqualTo(500);
        assertThat(failed.httpStatus()).isEqualTo(500);
        assertThat(TestHandlers.FAILURES.get(failed.id())).isEqualTo(failed.error());
        assertThat(TestHandlers.WORK_DONE).isEmpty();

        Job next = jobs.awaitCompletion(jobs.submit(request("test.steps", target).build()).id(), WAIT);
        assertThat(next.status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void alwaysFaultMatchesByPrefixAndTemplate() throws Exception {
        UUID template = UUID.randomUUID();
        faults.add("test.*", null, template, 777, null, "Template is broken", null, 500, 0, null);

        for (int i = 0; i < 2; i++) {
            Job job = jobs.awaitCompletion(jobs.submit(request("test.steps", UUID.randomUUID())
                    .parameter(JobRequest.TEMPLATE_ID, template).build()).id(), WAIT);
            assertThat(job.status()).isEqualTo(JobStatus.Failed);
            assertThat(job.error().code()).isEqualTo(777);
        }
        Job otherTemplate = jobs.awaitCompletion(jobs.submit(request("test.steps", UUID.randomUUID())
                .parameter(JobRequest.TEMPLATE_ID, UUID.randomUUID()).build()).id(), WAIT);
        assertThat(otherTemplate.status()).isEqualTo(JobStatus.Completed);
        Job noTemplate = jobs.awaitCompletion(jobs.submit(request("test.steps", UUID.randomUUID()).build()).id(),
                WAIT);
        assertThat(noTemplate.status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void faultOfAnotherKindOrTargetDoesNotFire() throws Exception {
        faults.add("test.blocking", null, null, 1, null, "no", null, 500, 0, null);
        faults.add("test.steps", UUID.randomUUID(), null, 1, null, "no", null, 500, 0, null);
        Job job = jobs.awaitCompletion(jobs.submit(request("test.steps", UUID.randomUUID()).build()).id(), WAIT);
        assertThat(job.status()).isEqualTo(JobStatus.Completed);
    }

    @Test
    void restartResumesAtTheFailedStep() throws Exception {
        UUID target = UUID.randomUUID();
        faults.add("test.steps", target, null, 2606, null, "Step two failed", null, 500, 1, 1);
        Job failed = jobs.awaitCompletion(jobs.submit(request("test.steps", target).build()).id(), WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThat(failed.currentStep()).isEqualTo("Changing");
        assertThat(TestHandlers.WORK_DONE).containsExactly(failed.id() + ":Preparing");

        Job restarted = jobs.restart(SUBSCRIPTION, failed.id(), false);
        assertThat(restarted.id()).isEqualTo(failed.id());
        assertThat(restarted.error()).isNull();
        Job done = jobs.awaitCompletion(failed.id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.Completed);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.error()).isNull();
        assertThat(TestHandlers.WORK_DONE).containsExactly(
                failed.id() + ":Preparing", failed.id() + ":Changing", failed.id() + ":Finishing");
    }

    @Test
    void restartWithSkipLastFailedStepSkipsIt() throws Exception {
        UUID target = UUID.randomUUID();
        faults.add("test.steps", target, null, 2606, null, "Step two failed", null, 500, 1, 1);
        Job failed = jobs.awaitCompletion(jobs.submit(request("test.steps", target).build()).id(), WAIT);

        jobs.restart(SUBSCRIPTION, failed.id(), true);
        Job done = jobs.awaitCompletion(failed.id(), WAIT);

        assertThat(done.status()).isEqualTo(JobStatus.Completed);
        assertThat(TestHandlers.WORK_DONE).containsExactly(failed.id() + ":Preparing", failed.id() + ":Finishing");
    }

    @Test
    void onlyAFailedRestartableJobCanBeRestarted() throws Exception {
        Job done = jobs.awaitCompletion(jobs.submit(request("test.steps", UUID.randomUUID()).build()).id(), WAIT);
        assertThatThrownBy(() -> jobs.restart(SUBSCRIPTION, done.id(), false))
                .isInstanceOf(JobNotRestartableException.class);

        UUID target = UUID.randomUUID();
        faults.add("test.steps", target, null, 1, null, "fail", null, 500, 0, 1);
        Job failed = jobs.awaitCompletion(jobs.submit(request("test.steps", target).restartable(false).build()).id(),
                WAIT);
        assertThat(failed.status()).isEqualTo(JobStatus.Failed);
        assertThatThrownBy(() -> jobs.restart(SUBSCRIPTION, failed.id(), false))
                .isInstanceOf(JobNotRestartableException.class).hasMessageContaining("not restartable");
    }

    @Test
    void restartIsRefusedWhileAnotherJobHoldsTheTarget() throws Exception {
        UUID target = UUID.randomUUID();
        faults.add("test.steps", target, null, 1, null, "fail", null, 500, 0, 1);
        Job failed = jobs.awaitCompletion(jobs.submit(request("test.steps", target).build()).id(), WAIT);
        Job holder = jobs.submit(request("test.blocking", target).build());

        assertThatThrownBy(() -> jobs.restart(SUBSCRIPTION, failed.id(), false))
                .isInstanceOfSatisfying(TargetBusyException.class,
                        e -> assertThat(e.runningJobId()).isEqualTo(holder.id()));
        assertThat(jobs.find(SUBSCRIPTION, failed.id()).orElseThrow().status()).isEqualTo(JobStatus.Failed);
        TestHandlers.gate(holder.id()).countDown();
        jobs.awaitCompletion(holder.id(), WAIT);
    }

    /**
     * A run in one transaction writes its steps with its completion or failure, not one by one: the row it leaves
     * (step text, steps begun, progress, failed step) is the one a run with a write per step leaves.
     */
    @Test
    void aRunInOneTransactionLeavesTheRowAStepByStepRunLeaves() throws Exception {
        assertThat(rowAfter("test.steps-one-transaction", null)).isEqualTo(rowAfter("test.steps", null))
                .containsEntry("CURRENT_STEP", "Finishing").containsEntry("CURRENT_STEP_INDEX", 3);
        for (int failedStep = 0; failedStep < 4; failedStep++) {
            assertThat(rowAfter("test.steps-one-transaction", failedStep))
                    .isEqualTo(rowAfter("test.steps", failedStep))
                    .containsEntry("STATUS", "Failed");
        }
    }

    /**
     * In a run in one transaction a transitional step's work is left out when a later step's work runs, and done
     * when the run fails before that, so the failed job leaves what a run with a transaction per step leaves.
     */
    @Test
    void aTransitionalStepsWorkIsDoneOnlyWhenTheRunFailsBeforeALaterStepsWork() throws Exception {
        assertThat(workAfter("test.transitional", null)).containsExactly("Preparing", "Changing", "Finishing");
        assertThat(workAfter("test.transitional-one-transaction", null)).containsExactly("Preparing", "Finishing");
        for (int failedStep : new int[] {2, 3}) {
            assertThat(workAfter("test.transitional-one-transaction", failedStep))
                    .containsExactly("Preparing", "Changing")
                    .isEqualTo(workAfter("test.transitional", failedStep));
            assertThat(rowAfter("test.transitional-one-transaction", failedStep))
                    .isEqualTo(rowAfter("test.transitional", failedStep));
        }
        assertThat(workAfter("test.transitional-one-transaction", 1)).containsExactly("Preparing");
    }

    /** The names of the steps whose work ran in a finished job of the kind (failedStep: as {@link #rowAfter}). */
    private java.util.List<String> workAfter(String kind, Integer failedStep) throws Exception {
        UUID target = UUID.randomUUID();
        if (failedStep != null) {
            faults.add(kind, target, null, 2606, null, "Step failed", null, 500, failedStep, 1);
        }
        Job done = jobs.awaitCompletion(jobs.submit(request(kind, target).build()).id(), WAIT);
        assertThat(done.completed()).isTrue();
        return TestHandlers.WORK_DONE.stream().filter(work -> work.startsWith(done.id() + ":"))
                .map(work -> work.substring(work.indexOf(':') + 1)).toList();
    }

    /** The step and outcome columns of a finished job of the kind; failedStep: a fault rule fails that step. */
    private java.util.Map<String, Object> rowAfter(String kind, Integer failedStep) throws Exception {
        UUID target = UUID.randomUUID();
        if (failedStep != null) {
            faults.add(kind, target, null, 2606, null, "Step failed", null, 500, failedStep, 1);
        }
        Job done = jobs.awaitCompletion(jobs.submit(request(kind, target).build()).id(), WAIT);
        assertThat(done.completed()).isTrue();
        java.util.Map<String, Object> row = new java.util.TreeMap<>();
        jdbc.queryForMap("SELECT status, current_step, current_step_index, progress_value, failed_step_index,"
                + " skip_steps_before, error_code, result_name FROM jobs WHERE id = ?", done.id())
                .forEach((column, value) -> row.put(column.toUpperCase(java.util.Locale.ROOT), value));
        return row;
    }

    Job awaitProgress(UUID id, int progress) {
        return Await.until("job " + id + " to reach " + progress + " %",
                () -> jobs.find(SUBSCRIPTION, id).orElseThrow(), job -> job.progressValue() == progress);
    }
}
