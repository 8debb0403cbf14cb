package io.localpack.vmm.common;

import io.localpack.domain.Refusal;

/** A request the VMM domain refuses, with VMM's error codes; adapters render it in the API's own error format. */
public class VmmRequestException extends Refusal {

    public VmmRequestException(Kind kind, String code, String message) {
        super(kind, code, message);
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
}
