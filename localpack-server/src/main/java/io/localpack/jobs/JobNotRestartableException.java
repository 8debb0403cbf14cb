package io.localpack.jobs;

import java.util.UUID;

/** {@link JobService#restart} on a job that is not Failed or not restartable. */
public class JobNotRestartableException extends RuntimeException {

    private final UUID jobId;
    private final JobStatus status;

    public JobNotRestartableException(UUID jobId, JobStatus status, String why) {
        super("Job " + jobId + " cannot be restarted: " + why);
        this.jobId = jobId;
        this.status = status;
    }

    public UUID jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }
}
