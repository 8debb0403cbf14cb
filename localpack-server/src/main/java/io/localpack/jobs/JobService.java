package io.localpack.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job engine's entry point for domain code. Every mutation in LocalPack is a job:
 *
 * <pre>{@code
 * Job job = jobs.submit(JobRequest.builder(subscriptionId, "vmm.service.stop", "Stop service")
 *         .stampId(stampId).target(serviceId, "Service", serviceName).owner(principal).build());
 * Job done = jobs.awaitCompletion(job.id(), Duration.ofMinutes(5));   // synchronous callers only
 * }</pre>
 *
 * A job submitted inside a transaction is written in that transaction and starts only after it commits (a rollback
 * drops it). Jobs run on any instance sharing the database, exactly once; see docs/jobs.md.
 */
@Service
public class JobService {

    /** The longest a status read waits for a job paced by reads to act on it. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(5);

    private final JobRepository repository;
    private final JobRunner runner;
    private final JobsProperties properties;
    private final JobTimings timings;
    private final TransactionTemplate newTransaction;

    JobService(JobRepository repository, JobRunner runner, JobsProperties properties, JobTimings timings,
               PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runner = runner;
        this.properties = properties;
        this.timings = timings;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Enqueue a job (status Queued). Joins the caller's transaction if there is one.
     *
     * @throws TargetBusyException      another unfinished job holds {@code request.targetObjectId()}
     * @throws IllegalArgumentException no handler for the kind, or the id is taken
     */
    public Job submit(JobRequest request) {
        return submit(request, null);
    }

    /**
     * {@link #submit(JobRequest)} for a job that also needs other objects free (a service job: the service's
     * machines). Target and objects are checked in the statement that writes the job; a busy object is reported before
     * a busy target.
     *
     * @throws TargetBusyException an unfinished job holds the target or one of {@code heldWith} (named in it)
     */
    public Job submit(JobRequest request, HeldObjects heldWith) {
        if (!runner.handles(request.kind())) {
            throw new IllegalArgumentException("No job handler for kind " + request.kind());
        }
        UUID target = request.targetObjectId();
        Job queued;
        try {
            // Written unless held; when held, a second look names the holder. One that finished in between is gone
            // by the next try.
            Optional<Job> written = repository.insertIfFree(request, heldWith, JobExecution.now());
            for (int attempt = 1; written.isEmpty(); attempt++) {
                refuseIfHeld(target, heldWith, attempt == 2);
                written = repository.insertIfFree(request, heldWith, JobExecution.now());
            }
            queued = written.get();
        } catch (DuplicateKeyException e) {
            throw busyOrDuplicate(request.targetObjectId(), request.id(), e);
        }
        wakeRunnerAfterCommit();
        return queued;
    }

    /**
     * Refuses a job whose target or one of {@code heldWith} an unfinished job holds: a busy object is reported before
     * a busy target. With {@code evenIfFree}, refuses also when the holder has finished meanwhile (it held the job
     * off twice), naming no job.
     */
    private void refuseIfHeld(UUID target, HeldObjects heldWith, boolean evenIfFree) {
        java.util.Map<UUID, UUID> busy = repository.findActiveJobs(target, heldWith);
        UUID runningOnTarget = target == null ? null : busy.remove(target);
        if (!busy.isEmpty()) {
            java.util.Map.Entry<UUID, UUID> other = busy.entrySet().iterator().next();
            throw new TargetBusyException(other.getKey(), other.getValue());
        }
        if (runningOnTarget != null || evenIfFree) {
            throw new TargetBusyException(target, runningOnTarget);
        }
    }

    /** A job of the subscription, or empty (also for another tenant's job). */
    public Optional<Job> find(UUID subscriptionId, UUID id) {
        return repository.find(subscriptionId, id);
    }

    /** The subscription's jobs on one object, newest first. */
    public List<Job> findByTarget(UUID subscriptionId, UUID targetObjectId) {
        return repository.findByTarget(subscriptionId, targetObjectId);
    }

    /** The ids of a subscription's jobs that are not finished (queued or running). */
    public List<UUID> unfinished(UUID subscriptionId) {
        return repository.findUnfinished(java.util.Objects.requireNonNull(subscriptionId, "subscriptionId"));
    }

    /** The unfinished job holding an object, if any (for a friendly check before submit; submit still enforces it). */
    public Optional<UUID> activeJobOn(UUID targetObjectId) {
        return repository.findActiveJobId(targetObjectId);
    }

    /**
     * Wait until the job is finished or {@code max} has passed, polling the database (the job may run on another
     * instance). Returns the last snapshot; check {@link Job#completed()}.
     *
     * @throws IllegalArgumentException no such job
     */
    public Job awaitCompletion(UUID id, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long pause = Math.max(5, Math.min(properties.pollInterval().toMillis(), 200));
        while (true) {
            Job job = repository.findAnyTenant(id).orElseThrow(() -> new IllegalArgumentException("No job " + id));
            if (job.status().isFinished() || System.nanoTime() >= deadline) {
                return job;
            }
            Thread.sleep(pause);
        }
    }

    /**
     * Run a failed, restartable job again under the same id. Steps that were done before the failure are skipped;
     * with {@code skipLastFailedStep} the failed step is skipped too (VMM's SkipLastFailedStep).
     *
     * @throws JobNotRestartableException not Failed, or not restartable
     * @throws TargetBusyException        another job holds the target meanwhile
     * @throws IllegalArgumentException   no such job in the subscription
     */
    public Job restart(UUID subscriptionId, UUID jobId, boolean skipLastFailedStep) {
        Job job = repository.find(subscriptionId, jobId)
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
        if (job.status() != JobStatus.Failed) {
            throw new JobNotRestartableException(jobId, job.status(), "only a failed job can be restarted");
        }
        if (!job.restartable()) {
            throw new JobNotRestartableException(jobId, job.status(), "the job is not restartable");
        }
        Integer failedStep = repository.failedStepIndex(jobId);
        int skip = failedStep == null ? 0 : failedStep + (skipLastFailedStep ? 1 : 0);
        if (job.targetObjectId() != null) {
            repository.findActiveJobId(job.targetObjectId()).ifPresent(running -> {
                throw new TargetBusyException(job.targetObjectId(), running);
            });
        }
        boolean requeued;
        try {
            requeued = repository.requeue(subscriptionId, jobId, skip);
        } catch (DuplicateKeyException e) {
            throw busyOrDuplicate(job.targetObjectId(), jobId, e);
        }
        if (!requeued) {
            throw new JobNotRestartableException(jobId, job.status(), "it was restarted concurrently");
        }
        wakeRunnerAfterCommit();
        return repository.find(subscriptionId, jobId).orElseThrow();
    }

    /**
     * A client read the status of these jobs (VMM {@code Jobs} GET, ASM Get Operation Status). Counts the read for
     * each unfinished job of the subscription and, for jobs paced by reads ({@link JobTiming.Polls}), waits briefly
     * until the job has caught up, so that the answer shows the progress this read earned.
     */
    public void statusRead(UUID subscriptionId, java.util.Collection<UUID> jobIds) {
        for (UUID id : jobIds) {
            Optional<Job> job = repository.find(subscriptionId, id);
            if (job.isEmpty() || !(timings.of(job.get().kind()) instanceof JobTiming.Polls)) {
                continue;
            }
            Optional<Integer> reads = newTransaction.execute(s -> repository.countStatusRead(subscriptionId, id));
            if (reads != null && reads.isPresent() && runner.isRunning() && properties.enabled()) {
                awaitCaughtUp(id, reads.get());
            }
        }
    }

    private void awaitCaughtUp(UUID id, int reads) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        try {
            while (!repository.caughtUpWith(id, reads) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kinds of job this instance runs. */
    public java.util.SortedSet<String> kinds() {
        return runner.kinds();
    }

    /** True while this instance's job runner runs (it may be configured not to run jobs: jobs.enabled=false). */
    public boolean runnerIsRunning() {
        return runner.isRunning();
    }

    /**
     * Cancel every unfinished job of a subscription (or, with null, of all) and wait until their handlers stopped
     * on this instance. Canceled jobs end as {@code Canceled}; their targets are left as they are.
     *
     * @return the ids of the canceled jobs
     */
    public List<UUID> cancelUnfinished(UUID subscriptionId, Duration maxWait) throws InterruptedException {
        List<UUID> canceled = repository.findUnfinished(subscriptionId).stream()
                .filter(id -> repository.cancel(id, JobExecution.now()))
                .toList();
        if (!canceled.isEmpty() && !runner.stopCanceled(canceled, maxWait)) {
            throw new IllegalStateException("Canceled jobs did not stop within " + maxWait);
        }
        return canceled;
    }

    private RuntimeException busyOrDuplicate(UUID target, UUID jobId, DuplicateKeyException e) {
        if (target == null) {
            return new IllegalArgumentException("A job with id " + jobId + " exists", e);
        }
        // The caller's transaction may be unusable after the violation (PostgreSQL): look up in a fresh one.
        UUID running = newTransaction.execute(s -> repository.findActiveJobId(target).orElse(null));
        if (running == null || running.equals(jobId)) {
            return new IllegalArgumentException("A job with id " + jobId + " exists", e);
        }
        return new TargetBusyException(target, running);
    }

    private void wakeRunnerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.wake();
                }
            });
        } else {
            runner.wake();
        }
    }
}
