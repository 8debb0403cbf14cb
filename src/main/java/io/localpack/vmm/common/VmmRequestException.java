package io.localpack.vmm.common;

/**
 * A request the VMM domain refuses, with the HTTP status family it belongs to. The message names what was wrong,
 * e.g. the property; adapters render it in the API's own error format.
 */
public class VmmRequestException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, NOT_ALLOWED }

    private final Kind kind;
    private final String code;

    public VmmRequestException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static VmmRequestException invalid(String message) {
        return new VmmRequestException(Kind.INVALID, "BadRequest", message);
    }

    public static VmmRequestException notFound(String message) {
        return new VmmRequestException(Kind.NOT_FOUND, "NotFound", message);
    }

    public static VmmRequestException notAllowed(String message) {
        return new VmmRequestException(Kind.NOT_ALLOWED, "MethodNotAllowed", message);
    }

    /** VMM error 2602: another job holds the object. */
    public static VmmRequestException locked(java.util.UUID runningJobId) {
        return new VmmRequestException(Kind.CONFLICT, "2602",
                "Unable to perform the job because one or more of the selected objects are locked by another job"
                        + " (job " + runningJobId + "). Wait for that job to finish and try again.");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
