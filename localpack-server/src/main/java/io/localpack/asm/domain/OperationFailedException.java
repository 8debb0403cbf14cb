package io.localpack.asm.domain;

import io.localpack.jobs.JobError;

/** A synchronous operation whose job failed or did not finish in time: the job's error is the answer. */
public class OperationFailedException extends RuntimeException {

    private final JobError error;

    public OperationFailedException(JobError error) {
        super(error.problem());
        this.error = error;
    }

    public JobError error() {
        return error;
    }
}
