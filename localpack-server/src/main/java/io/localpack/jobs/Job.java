package io.localpack.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot of one job row: everything VMM's {@code Job} entity and ASM's {@code Operation} show.
 * Immutable; read it again through {@link JobService} to see progress.
 *
 * @param error               null unless {@link JobStatus#Failed} (or Canceled)
 * @param additionalMessages  warnings; non-empty makes a successful job {@link JobStatus#SucceedWithInfo}
 * @param httpStatus          ASM Operation/HttpStatusCode once finished; null before
 */
public record Job(
        UUID id,
        UUID stampId,
        UUID subscriptionId,
        String kind,
        String name,
        String descriptionCode,
        String descriptionCodeString,
        String cmdletName,
        JobStatus status,
        int progressValue,
        String currentStep,
        OffsetDateTime createdTime,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        String owner,
        UUID targetObjectId,
        String targetObjectType,
        String targetObjectName,
        UUID resultObjectId,
        String resultObjectType,
        String resultName,
        boolean restartable,
        boolean completed,
        JobError error,
        List<JobError> additionalMessages,
        Map<String, String> parameters,
        Integer httpStatus,
        int attempt) {

    /** VMM's StatusString. */
    public String statusString() {
        return status.statusString();
    }

    /** VMM's Progress text, e.g. "40 %". */
    public String progress() {
        return progressValue + " %";
    }

    /** A failed step may be skipped on restart only when the job got past its start. */
    public boolean canSkipLastFailedStep() {
        return restartable;
    }
}
