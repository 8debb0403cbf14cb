package io.localpack.asm.domain;

/** A refused or failed cloud-service request, with its ASM error code and HTTP status. */
public class CloudServiceException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public CloudServiceException(AsmError error, String message) {
        this(error.name(), error.httpStatus(), message);
    }

    public CloudServiceException(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static CloudServiceException badRequest(String message) {
        return new CloudServiceException(AsmError.BadRequest, message);
    }

    public static CloudServiceException notFound(String message) {
        return new CloudServiceException(AsmError.ResourceNotFound, message);
    }

    public static CloudServiceException conflict(String message) {
        return new CloudServiceException(AsmError.ConflictError, message);
    }
}
