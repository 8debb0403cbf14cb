package io.localpack.jobs;

/**
 * Life-cycle states of a job. The tokens (except {@link #Queued}) are VMM's {@code Job.Status} values.
 *
 * <p>{@link #Queued} is LocalPack's own: the job is committed but no runner has claimed it yet. VMM has no such
 * token; wire adapters show it as {@code Running} at 0 %.
 */
public enum JobStatus {
    Queued("Running"),
    Running("Running"),
    Completed("Completed"),
    SucceedWithInfo("Completed w/ Info"),
    Failed("Failed"),
    Canceled("Canceled");

    private final String statusString;

    JobStatus(String statusString) {
        this.statusString = statusString;
    }

    /** VMM's display text ({@code Job.StatusString}). */
    public String statusString() {
        return statusString;
    }

    public boolean isFinished() {
        return this == Completed || this == SucceedWithInfo || this == Failed || this == Canceled;
    }

    public boolean isSuccess() {
        return this == Completed || this == SucceedWithInfo;
    }
}
