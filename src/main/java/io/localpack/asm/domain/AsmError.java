package io.localpack.asm.domain;

/** ASM error codes (Service Management status and error codes page) with their HTTP statuses. */
public enum AsmError {
    MissingOrIncorrectVersionHeader(400),
    InvalidXmlRequest(400),
    MissingOrInvalidRequiredQueryParameter(400),
    InvalidHttpVerb(400),
    BadRequest(400),
    AuthenticationFailed(403),
    ResourceNotFound(404),
    ConflictError(409),
    InternalError(500);

    private final int httpStatus;

    AsmError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
