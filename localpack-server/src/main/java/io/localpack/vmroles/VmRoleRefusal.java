package io.localpack.vmroles;

import io.localpack.domain.Refusal;

/** A refused VM Role API request, naming the member, parameter or header that was wrong (null: none). */
public class VmRoleRefusal extends Refusal {

    private final String field;

    public VmRoleRefusal(Kind kind, String code, String field, String message) {
        super(kind, code, message);
        this.field = field;
    }

    public static VmRoleRefusal badRequest(String field, String message) {
        return new VmRoleRefusal(Kind.INVALID, "BadRequest", field, message);
    }

    public static VmRoleRefusal notFound(String what, String name) {
        return new VmRoleRefusal(Kind.NOT_FOUND, "ResourceNotFound", null,
                "The " + what + " '" + name + "' was not found.");
    }

    public String field() {
        return field;
    }
}
