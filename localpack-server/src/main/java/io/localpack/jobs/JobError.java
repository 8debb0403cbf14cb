package io.localpack.jobs;

/**
 * What went wrong in a job, with the members VMM's {@code ErrorInfo} needs; also used for warnings
 * ({@link JobExecution#warn}) that turn a job into {@code SucceedWithInfo}.
 *
 * @param code              VMM error number (e.g. 2602); becomes ErrorCodeString / DisplayableErrorCode
 * @param name              symbolic code (ErrorInfo.Code); ASM renders it as Error/Code. May be null.
 * @param problem           ErrorInfo.Problem, the message shown to the user
 * @param recommendedAction ErrorInfo.RecommendedAction (and RecommendedActionCLI)
 * @param errorType         "Error" or "Warning"
 * @param detailedSource    ErrorInfo.DetailedSource ("None" when nothing more specific)
 * @param exceptionDetails  ErrorInfo.ExceptionDetails
 * @param terminating       ErrorInfo.IsTerminating
 * @param httpStatus        for ASM: Operation/HttpStatusCode of the failed operation; 0 leaves it to the API's code
 */
public record JobError(int code, String name, String problem, String recommendedAction, String errorType,
                       String detailedSource, String exceptionDetails, boolean terminating, int httpStatus) {

    /** A terminating error with VMM's usual defaults (ErrorType Error, DetailedSource None, HTTP 500). */
    public static JobError of(int code, String name, String problem, String recommendedAction) {
        return new JobError(code, name, problem, recommendedAction, "Error", "None", "", true, 500);
    }

    /**
     * An error known by its symbolic code alone (e.g. a refusal raised while the job ran): which HTTP status that
     * code has is the API's to say, so none is set here.
     */
    public static JobError coded(String name, String problem) {
        return new JobError(0, name, problem, "", "Error", "None", "", true, 0);
    }

    /** A non-terminating warning, as VMM lists in AdditionalMessages. */
    public static JobError warning(int code, String name, String problem, String recommendedAction) {
        return new JobError(code, name, problem, recommendedAction, "Warning", "None", null, false, 200);
    }

    public JobError withHttpStatus(int status) {
        return new JobError(code, name, problem, recommendedAction, errorType, detailedSource, exceptionDetails,
                terminating, status);
    }
}
