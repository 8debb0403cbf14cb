package io.localpack.web;

/** A control-plane request that is refused; nothing was changed. Answered by {@link ControlPlaneErrors}. */
public class ControlPlaneRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ControlPlaneRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400 BadRequest: {@code field} is the member, parameter or "(body)" that was wrong. */
    public static ControlPlaneRefusal badRequest(String field, String message) {
        return new ControlPlaneRefusal(400, "BadRequest", field, message);
    }

    /** 404 with the given code; {@code field} names what was looked up. */
    public static ControlPlaneRefusal notFound(String code, String field, String message) {
        return new ControlPlaneRefusal(404, code, field, message);
    }

    public ApiError error() {
        return new ApiError(status, code, getMessage(), field);
    }
}
