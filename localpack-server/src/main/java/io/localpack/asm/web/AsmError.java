package io.localpack.asm.web;

import io.localpack.domain.Refusal;
import io.localpack.jobs.JobError;
import java.util.Arrays;

/** ASM error codes (Service Management status and error codes page) with their HTTP statuses. */
enum AsmError {
    MissingOrIncorrectVersionHeader(400),
    InvalidXmlRequest(400),
    MissingOrInvalidRequiredQueryParameter(400),
    InvalidHttpVerb(400),
    BadRequest(400),
    AuthenticationFailed(403),
    ResourceNotFound(404),
    ConflictError(409),
    InternalError(500),
    OperationTimedOut(500);

    private final int httpStatus;

    AsmError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** The status of a code ASM documents; otherwise the one its kind of refusal has in ASM. */
    static int statusOf(Refusal refusal) {
        return statusOf(refusal.code(), switch (refusal.kind()) {
            case INVALID, NOT_ALLOWED -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        });
    }

    /** A failed job's status: its own when the job set one, else the one its code has (500 when unknown). */
    static int statusOf(JobError error) {
        return error.httpStatus() > 0 ? error.httpStatus() : statusOf(error.name(), 500);
    }

    private static int statusOf(String code, int otherwise) {
        return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst()
                .map(AsmError::httpStatus).orElse(otherwise);
    }
}
