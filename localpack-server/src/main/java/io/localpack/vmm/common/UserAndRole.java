package io.localpack.vmm.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** VMM.UserAndRole: an owner or a grant of a VMM object. */
@Embeddable
public class UserAndRole {

    @Column(name = "user_name")
    private String userName;

    @Column(name = "role_name")
    private String roleName;

    @Column(name = "role_id")
    private UUID roleId;

    protected UserAndRole() {
    }

    public UserAndRole(String userName, String roleName, UUID roleId) {
        this.userName = userName;
        this.roleName = roleName;
        this.roleId = roleId;
    }

    public String getUserName() {
        return userName;
    }

    public String getRoleName() {
        return roleName;
    }

    public UUID getRoleId() {
        return roleId;
    }
}
