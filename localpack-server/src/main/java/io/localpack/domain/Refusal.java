package io.localpack.domain;

/**
 * A request the domain refuses before anything is written. It says what kind of refusal it is and carries the
 * API's own error code; each API's web layer turns the kind (and code) into its status. The message names what
 * was wrong.
 */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, NOT_ALLOWED }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
