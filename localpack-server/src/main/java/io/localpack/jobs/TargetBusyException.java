package io.localpack.jobs;

import java.util.UUID;

/**
 * A job was refused because another unfinished job holds the same target object.
 * VMM renders it as error 2602, ASM as 409 ConflictError. Nothing was written.
 */
public class TargetBusyException extends RuntimeException {

    private final UUID targetObjectId;
    private final UUID runningJobId;

    public TargetBusyException(UUID targetObjectId, UUID runningJobId) {
        super("Object " + targetObjectId + " is locked by job " + runningJobId);
        this.targetObjectId = targetObjectId;
        this.runningJobId = runningJobId;
    }

    public UUID targetObjectId() {
        return targetObjectId;
    }

    /** The unfinished job holding the target; null only if it finished in the instant between the two lookups. */
    public UUID runningJobId() {
        return runningJobId;
    }
}
