package io.localpack.jobs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Handlers for engine tests. State is static because the cluster tests run two application contexts in one JVM
 * and count, across both, how often each job ran.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHandlers {

    /** Handler invocations per job id, across all contexts. */
    static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    /** "jobId:stepName" for each step whose work ran. */
    static final List<String> WORK_DONE = new CopyOnWriteArrayList<>();
    /** Errors handed to onFailure, per job. */
    static final Map<UUID, JobError> FAILURES = new ConcurrentHashMap<>();
    /** Jobs of kind test.blocking wait here in their second step. */
    static final Map<UUID, CountDownLatch> GATES = new ConcurrentHashMap<>();

    static void reset() {
        RUNS.clear();
        WORK_DONE.clear();
        FAILURES.clear();
        GATES.clear();
    }

    static CountDownLatch gate(UUID jobId) {
        return GATES.computeIfAbsent(jobId, id -> new CountDownLatch(1));
    }

    /** Three steps that record their work. */
    @Bean
    JobHandler threeSteps() {
        return new Recording("test.steps") {
            @Override
            public void run(JobExecution x) throws Exception {
                super.run(x);
                x.step("Preparing", 30, () -> WORK_DONE.add(x.jobId() + ":Preparing"));
                x.step("Changing", 70, () -> WORK_DONE.add(x.jobId() + ":Changing"));
                x.step("Finishing", 100, () -> WORK_DONE.add(x.jobId() + ":Finishing"));
                x.result(x.targetObjectId(), "TestObject", "done");
            }
        };
    }

    /** test.steps declared write-only: with zero-duration timing the engine runs it in one transaction. */
    @Bean
    JobHandler threeStepsInOneTransaction() {
        return inOneTransaction("test.steps-one-transaction", threeSteps());
    }

    /** A transitional step ("Changing", which "Finishing" overwrites), then a step without work. */
    @Bean
    JobHandler transitional() {
        return new Recording("test.transitional") {
            @Override
            public void run(JobExecution x) throws Exception {
                super.run(x);
                x.step("Preparing", 30, () -> WORK_DONE.add(x.jobId() + ":Preparing"));
                x.transitionalStep("Changing", 60, () -> WORK_DONE.add(x.jobId() + ":Changing"));
                x.step("Waiting", 80);
                x.step("Finishing", 100, () -> WORK_DONE.add(x.jobId() + ":Finishing"));
            }
        };
    }

    /** test.transitional declared write-only: with zero-duration timing it runs in one transaction. */
    @Bean
    JobHandler transitionalInOneTransaction() {
        return inOneTransaction("test.transitional-one-transaction", transitional());
    }

    /** The steps of another handler under a kind of its own, declared write-only. */
    private static JobHandler inOneTransaction(String kind, JobHandler steps) {
        return new Recording(kind) {
            @Override
            public void run(JobExecution x) throws Exception {
                steps.run(x);
            }

            @Override
            public boolean stepsOnlyWrite() {
                return true;
            }
        };
    }

    /** Holds in its second step until the test opens the job's gate. */
    @Bean
    JobHandler blocking() {
        return new Recording("test.blocking") {
            @Override
            public void run(JobExecution x) throws Exception {
                super.run(x);
                x.step("Preparing", 40);
                CountDownLatch gate = gate(x.jobId());
                x.step("Holding", 60);
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
                x.step("Finishing", 100);
            }
        };
    }

    /** Throws an unexpected exception. */
    @Bean
    JobHandler broken() {
        return new Recording("test.broken") {
            @Override
            public void run(JobExecution x) throws Exception {
                super.run(x);
                x.step("Breaking", 50, () -> {
                    throw new IllegalStateException("handler bug");
                });
            }
        };
    }

    /** Ends with a warning. */
    @Bean
    JobHandler warning() {
        return new Recording("test.warning") {
            @Override
            public void run(JobExecution x) throws Exception {
                super.run(x);
                x.step("Doing", 100);
                x.warn(JobError.warning(10803, "LibFailedToImportFileInUse", "file in use", "wait"));
            }
        };
    }

    abstract static class Recording implements JobHandler {
        private final String kind;

        Recording(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(JobExecution x) throws Exception {
            RUNS.computeIfAbsent(x.jobId(), id -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onFailure(JobExecution x, JobError error) {
            FAILURES.put(x.jobId(), error);
        }
    }
}
