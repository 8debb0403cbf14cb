package io.localpack.vmm.common;

/**
 * A request the VMM domain refuses, with the HTTP status family it belongs to. The message names what was wrong,
 * e.g. the property; adapters render it in the API's own error format.
 */
public class VmmRequestException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

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

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
