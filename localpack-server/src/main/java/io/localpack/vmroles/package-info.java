/**
 * WAP's tenant VM Role and Gallery API (issue 19, docs/vm-roles.md): gallery items granted per subscription with
 * their resource and view definitions, cloud services, and VM Roles whose instances are real VMM virtual machines.
 * JSON with {@code api-version=2013-03}, not OData; every change is a VMM job ({@code x-ms-request-id}).
 *
 * <p>Roles as in the other features: reads and changes ({@link io.localpack.vmroles.VmRoleLifecycle},
 * {@link io.localpack.vmroles.Gallery}), rules in plain Java ({@link io.localpack.vmroles.VmRoleRules}), persistence
 * by SQL ({@link io.localpack.vmroles.VmRoleStore}), the jobs ({@link io.localpack.vmroles.VmRoleJobHandlers},
 * {@link io.localpack.vmroles.VmRoleJobEffects}), the machines' adapters in one place
 * ({@link io.localpack.vmroles.RoleNetworkAdapters}), and the web adapter in {@code web}.
 */
package io.localpack.vmroles;
