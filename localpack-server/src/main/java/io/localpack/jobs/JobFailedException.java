package io.localpack.jobs;

/** Thrown by a handler (or by the engine for a fault rule) to fail the job with a VMM-style error. */
public class JobFailedException extends RuntimeException {

    private final JobError error;

    public JobFailedException(JobError error) {
        super(error.code() + ": " + error.problem());
        this.error = error;
    }

    public JobError error() {
        return error;
    }
}
