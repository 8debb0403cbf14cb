package io.localpack.jobs.faults;

import io.localpack.jobs.JobError;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes matching jobs fail on purpose (issue "Failure on purpose").
 *
 * @param operation      job kind; {@code prefix*} matches kinds starting with prefix; {@code *} matches all
 * @param targetObjectId if set, only jobs on this object
 * @param templateId     if set, only jobs whose {@code ServiceTemplateId} parameter is this template
 * @param atStep         the job fails when it begins this step (0 = before any work)
 * @param remaining      how many more jobs it fails; null = always
 */
public record FaultRule(UUID id, String operation, UUID targetObjectId, UUID templateId, int errorCode,
                        String errorName, String message, String recommendedAction, int httpStatus, int atStep,
                        Integer remaining, OffsetDateTime createdTime) {

    boolean matches(String kind, UUID target, Map<String, String> parameters, String templateParameter) {
        if (!operationMatches(kind)) {
            return false;
        }
        if (targetObjectId != null && !targetObjectId.equals(target)) {
            return false;
        }
        return templateId == null || templateId.toString().equalsIgnoreCase(parameters.get(templateParameter));
    }

    private boolean operationMatches(String kind) {
        if (operation.endsWith("*")) {
            return kind.startsWith(operation.substring(0, operation.length() - 1));
        }
        return Objects.equals(operation, kind);
    }

    /** The error a job failed by this rule carries. */
    public JobError error() {
        return new JobError(errorCode, errorName, message,
                recommendedAction == null ? "" : recommendedAction, "Error", "None", "", true, httpStatus);
    }
}
