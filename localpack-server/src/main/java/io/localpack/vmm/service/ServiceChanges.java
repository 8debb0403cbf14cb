package io.localpack.vmm.service;

/**
 * The tenant-updatable properties of a service, with merge semantics: a null member leaves the property as it is.
 *
 * @param owner member-wise too: a null UserName, RoleName or RoleID keeps the current one
 */
public record ServiceChanges(
        String name,
        String description,
        String costCenter,
        String servicePriority,
        OwnerChange owner) {

    public record OwnerChange(String userName, String roleName, java.util.UUID roleId) {
    }

    public boolean isEmpty() {
        return name == null && description == null && costCenter == null && servicePriority == null && owner == null;
    }
}
