package io.localpack.jobs;

/**
 * The work behind one kind of job. Implementations are Spring beans; the engine finds them by {@link #kind()}.
 *
 * <p>{@link #run} reports progress through {@link JobExecution#step}: each step names what is happening
 * (VMM's current step text), may carry the domain change to make, and says the progress reached when it is done.
 * The engine spends the kind's configured duration across the steps. To fail, throw {@link JobFailedException}
 * (or any exception: that becomes an internal error). A run may be repeated after a failure ({@link JobService#restart}):
 * steps already done are skipped then, so put each domain change inside the step that makes it.
 */
public interface JobHandler {

    /** The job kind this handler runs, e.g. {@code "vmm.service.stop"}. */
    String kind();

    /**
     * Do the work. Runs on an engine thread with no transaction (but see {@link #stepsOnlyWrite}); open your own for
     * domain changes.
     */
    void run(JobExecution execution) throws Exception;

    /**
     * True when the steps only write to the database and never wait on anything of their own. With zero-duration
     * timing the engine then runs the whole job in one transaction (one commit instead of one per step), since
     * nobody could see the steps in between. A handler that blocks, or waits for something outside, keeps false so
     * its progress stays visible.
     */
    default boolean stepsOnlyWrite() {
        return false;
    }

    /**
     * Called when the job fails (by the handler, a fault rule, or the death of its runner), just before the engine
     * marks it Failed, so a client that sees the failed job also sees the target's failed state: put the target
     * object into its failed state. Runs on an engine thread with no transaction; keep it idempotent (a runner that
     * lost its lease mid-failure and the runner taking over may both call it).
     */
    default void onFailure(JobExecution execution, JobError error) {
    }
}
