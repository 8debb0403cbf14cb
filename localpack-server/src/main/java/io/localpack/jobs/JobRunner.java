package io.localpack.jobs;

import io.localpack.jobs.faults.FaultRule;
import io.localpack.jobs.faults.FaultRules;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued jobs on this instance. Cluster safety comes from the database: a runner owns a job only after its
 * optimistic {@code UPDATE ... WHERE version = ? AND status = 'Queued'} matched, holds it with a lease it renews,
 * and every later write is guarded by that version. A job whose lease expired (its runner died) is failed by
 * whichever runner notices first, with VMM error 1700, and stays restartable.
 */
@Component
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository repository;
    private final FaultRules faults;
    private final JobsProperties properties;
    private final JobTimings timings;
    private final TransactionTemplate transactions;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final String runnerId;
    private final Semaphore freeWorkers;
    /** Jobs running on this instance, with their worker thread (for cancellation). */
    private final Map<UUID, Thread> runningHere = new ConcurrentHashMap<>();
    private final Set<UUID> canceled = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workers;
    private volatile boolean running;
    /** A wake-up's poll is queued on the scheduler already: wake-ups meanwhile share it instead of adding their own. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    JobRunner(JobRepository repository, FaultRules faults, JobsProperties properties, JobTimings timings,
              ObjectProvider<JobHandler> handlerBeans, ObjectProvider<JobHandlerGroup> handlerGroups,
              PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.timings = timings;
        this.faults = faults;
        this.properties = properties;
        // ObjectProvider: an application without handlers (yet) still starts
        List<JobHandler> all = new ArrayList<>(handlerBeans.orderedStream().toList());
        handlerGroups.orderedStream().forEach(group -> all.addAll(group.handlers()));
        for (JobHandler h : all) {
            if (handlers.put(h.kind(), h) != null) {
                throw new IllegalStateException("Two job handlers for kind " + h.kind());
            }
        }
        this.runnerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
        this.freeWorkers = new Semaphore(properties.workerThreads());
    }

    boolean handles(String kind) {
        return handlers.containsKey(kind);
    }

    /** The job kinds this instance has handlers for. */
    java.util.SortedSet<String> kinds() {
        return new java.util.TreeSet<>(handlers.keySet());
    }

    /** How often a job paced by status reads looks for new reads. */
    private Duration tick() {
        return Duration.ofMillis(Math.max(1, Math.min(10, properties.pollInterval().toMillis())));
    }

    String runnerId() {
        return runnerId;
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            return;
        }
        workers = Executors.newFixedThreadPool(properties.workerThreads(), r -> {
            Thread t = new Thread(r, "localpack-job-worker");
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "localpack-job-poller");
            t.setDaemon(true);
            return t;
        });
        long poll = Math.max(1, properties.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(() -> pollSafely(true), 0, poll, TimeUnit.MILLISECONDS);
        long renew = Math.max(1, properties.leaseDuration().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renewSafely, renew, renew, TimeUnit.MILLISECONDS);
    }

    /**
     * Look for work now (after a submit commits) instead of at the next poll. Under load, submits come faster than
     * polls run: those that arrive while a wake-up's poll is still queued share it. A wake-up claims jobs only; expired
     * leases (a lease duration in the making) are left to the scheduled polls.
     */
    void wake() {
        ScheduledExecutorService s = scheduler;
        if (s != null && !s.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            try {
                s.execute(() -> {
                    wakeQueued.set(false);
                    pollSafely(false);
                });
            } catch (RuntimeException e) {
                wakeQueued.set(false); // shutting down; the next instance picks the job up
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (workers != null) {
            // Interrupted handlers fail their jobs (error 1700) before the database goes away.
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollSafely(boolean withLeases) {
        try {
            poll(withLeases);
        } catch (RuntimeException e) {
            log.warn("Job poll failed: {}", e.toString());
        }
    }

    private void renewSafely() {
        try {
            repository.renewLeases(runnerId, leaseUntil());
        } catch (RuntimeException e) {
            log.warn("Job lease renewal failed: {}", e.toString());
        }
    }

    private void poll(boolean withLeases) {
        if (withLeases) {
            OffsetDateTime now = JobExecution.now();
            for (JobRepository.Claimable c : repository.findExpiredLeases(now, 10)) {
                if (repository.takeOverExpired(c, runnerId, now, leaseUntil())) {
                    failAbandoned(c.id(), c.version() + 1);
                }
            }
        }
        claimAndRun();
    }

    /** Claims as many queued jobs as there are free workers, in one batch, and hands them to the workers. */
    private void claimAndRun() {
        // Only the poller takes permits (workers give them back), so the ones taken here stay ours.
        int taken = 0;
        while (freeWorkers.tryAcquire()) {
            taken++;
        }
        if (taken == 0) {
            return;
        }
        List<JobRepository.Claimed> claimed = List.of();
        try {
            claimed = repository.claimQueued(runnerId, taken, JobExecution.now(), leaseUntil());
        } finally {
            freeWorkers.release(taken - claimed.size());
        }
        for (JobRepository.Claimed c : claimed) {
            workers.execute(() -> work(c));
        }
    }

    /**
     * A worker runs its job, then claims the next queued one itself, until the queue is empty: a queue drains at the
     * workers' pace, not one poll interval per batch (with the default 500 ms, B4's queue used to drain at 33 jobs a
     * second once no submits woke the runner). The worker's permit is given back when it goes idle.
     */
    private void work(JobRepository.Claimed first) {
        try {
            JobRepository.Claimed next = first;
            while (next != null) {
                JobRepository.Claimed claimedWithIt = runClaimed(next);
                next = claimedWithIt != null ? claimedWithIt : running ? claimOne() : null;
            }
        } finally {
            freeWorkers.release();
        }
    }

    /** The oldest queued job, claimed for this runner; null when the queue is empty. */
    private JobRepository.Claimed claimNext() {
        List<JobRepository.Claimed> claimed = repository.claimQueued(runnerId, 1, JobExecution.now(), leaseUntil());
        return claimed.isEmpty() ? null : claimed.get(0);
    }

    /** {@link #claimNext()} on its own, a failure logged and left to the next poll. */
    private JobRepository.Claimed claimOne() {
        try {
            return claimNext();
        } catch (RuntimeException e) {
            log.warn("Job claim failed: {}", e.toString());
            return null; // the next poll tries again
        }
    }

    private OffsetDateTime leaseUntil() {
        return JobExecution.now().plus(properties.leaseDuration());
    }

    /**
     * Stop the handlers of jobs that were just canceled in the database: interrupt those running here and wait until
     * they returned, so none writes after the caller goes on. Runners on other instances stop at their next guarded
     * write (the cancel bumped the version).
     *
     * @return false when a handler did not stop within {@code maxWait}
     */
    boolean stopCanceled(Collection<UUID> ids, Duration maxWait) throws InterruptedException {
        canceled.addAll(ids);
        for (UUID id : ids) {
            Thread worker = runningHere.get(id);
            if (worker != null) {
                worker.interrupt();
            }
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (ids.stream().anyMatch(runningHere::containsKey)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        canceled.removeAll(ids);
        return true;
    }

    /** @return the next job, when the run claimed it in its own transaction; else null */
    private JobRepository.Claimed runClaimed(JobRepository.Claimed claimed) {
        Job job = claimed.job();
        UUID id = job.id();
        int version = claimed.version();
        runningHere.put(id, Thread.currentThread());
        try {
            int skip = claimed.skipStepsBefore();
            JobHandler handler = handlers.get(job.kind());
            if (handler == null) {
                repository.fail(id, version, JobErrors.noHandler(job.kind()), null, JobExecution.now());
                return null;
            }
            FaultRule fault = claimed.faultRulesLive()
                    ? faults.fire(job.kind(), job.targetObjectId(), job.parameters()).orElse(null) : null;
            JobExecution execution = new JobExecution(job, version, timings.of(job.kind()), tick(), skip, fault,
                    repository);
            JobError error;
            try {
                if (handler.stepsOnlyWrite() && execution.timing().instantaneous()) {
                    execution.deferStepWrites();
                    return runInOneTransaction(handler, execution);
                }
                runToCompletion(handler, execution);
                return null;
            } catch (JobFailedException e) {
                error = e.error();
            } catch (JobExecution.LeaseLostException e) {
                log.warn("{}", e.getMessage());
                return null;
            } catch (InterruptedException e) {
                if (canceled.contains(id)) {
                    return null; // canceled (e.g. by a reset): the job row already says so; no failure handling
                }
                error = JobErrors.runnerDied();
            } catch (Exception e) {
                log.error("Job {} ({}) failed unexpectedly", id, job.kind(), e);
                error = JobErrors.internal(e);
            }
            // Target first, then the job: a client that sees Failed also sees the target's failed state.
            notifyFailure(handler, execution, error);
            repository.fail(id, version, error, Math.max(0, execution.lastStepIndex()), JobExecution.now());
        } catch (RuntimeException e) {
            log.error("Job {} could not be run", id, e);
        } finally {
            runningHere.remove(id);
            Thread.interrupted(); // a cancel may arrive after the handler returned; do not leak it to the next job
        }
        return null;
    }

    private void runToCompletion(JobHandler handler, JobExecution execution) throws Exception {
        handler.run(execution);
        execution.failIfFaultPending();
        JobStatus status = execution.warnings().isEmpty() ? JobStatus.Completed : JobStatus.SucceedWithInfo;
        if (execution.isOneTransaction()) {
            execution.completeDeferred(status);
            return;
        }
        repository.complete(execution.jobId(), execution.version(), status, execution.warnings(), execution.result(),
                execution.httpStatusValue(), JobExecution.now());
    }

    /**
     * A run whose steps neither wait nor block writes its steps, its domain work and its completion in one
     * transaction: one commit instead of one per write, so zero-duration jobs keep up with the operations that
     * start them. The step text and progress are written with the completion (or the failure), not per step. A step failed on purpose (a fault rule) still keeps the work of the steps before it, as a run in
     * separate transactions does. A run that completes claims the worker's next job in the same transaction: one
     * commit, and one move of the data version after it, for both.
     *
     * @return the next job claimed with the completion, or null
     */
    private JobRepository.Claimed runInOneTransaction(JobHandler handler, JobExecution execution) throws Exception {
        JobFailedException[] failed = new JobFailedException[1];
        JobRepository.Claimed[] next = new JobRepository.Claimed[1];
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    runToCompletion(handler, execution);
                    if (running) {
                        // Not claimOne(): a failed statement would spoil the transaction, so a failure goes
                        // with the run's. The claim skips locked rows on PostgreSQL (on H2 it waits at most for
                        // another claim's commit): only a lost database fails it, and with it the commit anyway.
                        next[0] = claimNext();
                    }
                } catch (JobFailedException e) {
                    execution.flushDeferredSteps(); // the failed job shows its step, as with a write per step
                    failed[0] = e;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (UnexpectedRollbackException e) {
            // the failure passed through a transactional service, which marked the transaction rollback-only
            if (failed[0] == null) {
                throw e;
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return next[0];
    }

    /** Carries a handler's checked exception (an interruption) out of the transaction callback. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }

    private void failAbandoned(UUID id, int version) {
        Job job = repository.findAnyTenant(id).orElseThrow();
        int stepsBegun = repository.currentStepIndex(id);
        JobError error = JobErrors.runnerDied();
        log.warn("Job {} ({}) was abandoned by its runner; marking it Failed", id, job.kind());
        JobHandler handler = handlers.get(job.kind());
        if (handler != null) {
            notifyFailure(handler, new JobExecution(job, version, new JobTiming.Immediate(), tick(), 0, null,
                    repository), error);
        }
        repository.fail(id, version, error, Math.max(0, stepsBegun - 1), JobExecution.now());
    }

    private void notifyFailure(JobHandler handler, JobExecution execution, JobError error) {
        try {
            handler.onFailure(execution, error);
        } catch (RuntimeException e) {
            log.error("onFailure of job {} threw", execution.jobId(), e);
        }
    }
}
