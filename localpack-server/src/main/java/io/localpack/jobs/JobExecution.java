package io.localpack.jobs;

import io.localpack.jobs.faults.FaultRule;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a job, handed to {@link JobHandler#run}. The handler reports progress in named steps:
 *
 * <pre>{@code
 * execution.step("Stopping virtual machines", 10, () -> services.markStopping(id));
 * execution.step("Waiting for the guests to shut down", 90);
 * execution.step("Updating the service", 100, () -> services.markStopped(id));
 * }</pre>
 *
 * Each step records its text as the job's current step, runs its work, waits for its share of the kind's timing
 * ({@link JobTiming}: the progress it adds, as a fraction of 100, of the duration or of the status reads) and records
 * the progress. On a restart of a failed job the
 * steps done before the failure (and the failed one, with SkipLastFailedStep) are skipped.
 */
public final class JobExecution {

    private final Job job;
    private final int version;
    private final JobTiming timing;
    private final Duration tick;
    private final int skipStepsBefore;
    private final FaultRule fault;
    private final JobRepository repository;
    private final List<JobError> warnings = new ArrayList<>();
    private int stepsBegun;
    private int progress;
    private JobRepository.Result result = JobRepository.Result.NONE;
    private int httpStatus = 200;
    /**
     * True when the whole run is one transaction (see {@link JobRunner}): nobody can see a step before the commit, so
     * the step text and progress are kept here and written once, with the completion, instead of two writes a step.
     */
    private boolean deferStepWrites;
    /** With deferred writes: the last step begun (text, steps begun) and the progress of the last step done. */
    private String deferredStepText;
    private int deferredStepsBegun = -1;
    private int deferredProgress = -1;
    /** In a one-transaction run: the work of the last transitional step, until a later step's work begins. */
    private Runnable heldWork;

    JobExecution(Job job, int version, JobTiming timing, Duration tick, int skipStepsBefore, FaultRule fault,
                 JobRepository repository) {
        this.job = job;
        this.version = version;
        this.timing = timing;
        this.tick = tick;
        this.skipStepsBefore = skipStepsBefore;
        this.fault = fault;
        this.repository = repository;
    }

    /** The job as it was when this run started. */
    public Job job() {
        return job;
    }

    public UUID jobId() {
        return job.id();
    }

    public UUID subscriptionId() {
        return job.subscriptionId();
    }

    public UUID targetObjectId() {
        return job.targetObjectId();
    }

    public Map<String, String> parameters() {
        return job.parameters();
    }

    /** A parameter the submitter set, or null. */
    public String parameter(String name) {
        return job.parameters().get(name);
    }

    /** True when this run follows a restart of a failed job. */
    public boolean isRestart() {
        return job.attempt() > 1;
    }

    /** A step without domain work (waiting, reporting). */
    public void step(String text, int progressWhenDone) throws InterruptedException {
        step(text, progressWhenDone, null);
    }

    /**
     * Begin a step named {@code text}, run {@code work} (may be null), spend the step's share of the duration and
     * set progress to {@code progressWhenDone} (0-100, not lower than the current progress).
     *
     * @throws JobFailedException when a fault rule makes this step fail
     * @throws InterruptedException when the instance shuts down mid-step (the engine fails the job)
     */
    public void step(String text, int progressWhenDone, Runnable work) throws InterruptedException {
        step(text, progressWhenDone, work, false);
    }

    /**
     * A step whose work only sets a transitional state that a later step's work overwrites (a service's machines
     * "Powering Off" before "Power Off"). In a run that is one transaction nobody could see that state, so its work
     * is held: left out once a later step's work begins, done if the run fails before that (the failed job leaves
     * the state a run in separate transactions would have left). Otherwise the same as {@link #step}.
     */
    public void transitionalStep(String text, int progressWhenDone, Runnable work) throws InterruptedException {
        step(text, progressWhenDone, work, true);
    }

    private void step(String text, int progressWhenDone, Runnable work, boolean transitional)
            throws InterruptedException {
        if (progressWhenDone < progress || progressWhenDone > 100) {
            throw new IllegalArgumentException("progress must rise within 0..100, got " + progressWhenDone);
        }
        int index = stepsBegun++;
        int share = progressWhenDone - progress;
        progress = progressWhenDone;
        if (index < skipStepsBefore) {
            // done (or skipped) before the restart
            writeProgress(progressWhenDone);
            return;
        }
        if (deferStepWrites) {
            deferredStepText = text;
            deferredStepsBegun = stepsBegun;
        } else {
            guard(repository.beginStep(job.id(), version, text, stepsBegun));
        }
        if (fault != null && index == fault.atStep()) {
            throw new JobFailedException(fault.error());
        }
        if (work != null && transitional && deferStepWrites) {
            heldWork = work;
        } else if (work != null) {
            heldWork = null;
            work.run();
        }
        pace(share, progressWhenDone);
        writeProgress(progressWhenDone);
    }

    private void writeProgress(int progressWhenDone) {
        if (deferStepWrites) {
            deferredProgress = progressWhenDone;
        } else {
            guard(repository.progress(job.id(), version, progressWhenDone));
        }
    }

    /** Keep step text and progress in memory until {@link #completeDeferred} or {@link #flushDeferredSteps}. */
    void deferStepWrites() {
        this.deferStepWrites = true;
    }

    /**
     * True when the whole run is one transaction (its steps neither wait nor block): no reader sees the state
     * between two steps, so a handler may leave out a write that a later step overwrites.
     */
    public boolean isOneTransaction() {
        return deferStepWrites;
    }

    /**
     * Write the held transitional work, and the deferred step text and progress, as the per-step writes would have
     * left them (before a failure is recorded in the same transaction, so the failed job shows the step it failed in).
     */
    void flushDeferredSteps() {
        if (heldWork != null) {
            Runnable work = heldWork;
            heldWork = null;
            work.run();
        }
        if (deferStepWrites && (deferredStepsBegun >= 0 || deferredProgress >= 0)) {
            guard(repository.stepState(job.id(), version, deferredStepText, deferredStepsBegun, deferredProgress));
        }
    }

    /** Complete the job together with its deferred step text; a lost lease rolls the whole run back. */
    void completeDeferred(JobStatus status) {
        guard(repository.completeWithStep(job.id(), version, status, warnings, result, httpStatus, now(),
                deferredStepText, deferredStepsBegun));
    }

    /** Spend the step's share of the kind's timing. */
    private void pace(int share, int progressWhenDone) throws InterruptedException {
        if (timing instanceof JobTiming.After after) {
            long millis = after.duration().toMillis() * share / 100;
            if (millis > 0) {
                Thread.sleep(millis);
            }
        } else if (timing instanceof JobTiming.Polls polls) {
            int needed = polls.readsNeededFor(progressWhenDone);
            while (true) {
                int reads = repository.statusReads(job.id());
                if (reads >= needed) {
                    return;
                }
                // tell waiting readers that this job has caught up with every read so far
                guard(repository.statusReadsSeen(job.id(), version, reads));
                Thread.sleep(tick.toMillis());
            }
        }
    }

    /** The object the job produced (VMM ResultObjectID / ResultObjectType / ResultName). */
    public void result(UUID objectId, String objectType, String name) {
        this.result = new JobRepository.Result(objectId, objectType, name);
    }

    /** Finish with a warning: the job ends SucceedWithInfo and lists it in AdditionalMessages. */
    public void warn(JobError warning) {
        warnings.add(warning);
    }

    /** ASM: the status a successful operation reports in Operation/HttpStatusCode (200 unless set). */
    public void httpStatus(int status) {
        this.httpStatus = status;
    }

    /** Index of the last step begun (absolute, counting skipped steps); -1 before the first. */
    int lastStepIndex() {
        return stepsBegun - 1;
    }

    /** A fault set for a step the handler never reached still fails the job, after its last step. */
    void failIfFaultPending() {
        if (fault != null && fault.atStep() >= stepsBegun) {
            stepsBegun++;
            throw new JobFailedException(fault.error());
        }
    }

    List<JobError> warnings() {
        return warnings;
    }

    JobRepository.Result result() {
        return result;
    }

    int httpStatusValue() {
        return httpStatus;
    }

    int version() {
        return version;
    }

    JobTiming timing() {
        return timing;
    }

    private void guard(boolean stillOwned) {
        if (!stillOwned) {
            throw new LeaseLostException(job.id());
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The runner lost the job (its lease expired and another runner took it over): stop quietly. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(UUID id) {
            super("Lost the lease on job " + id);
        }
    }
}
