package io.localpack.vmroles;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.vm.VirtualMachineStates;
import io.localpack.vmm.vm.VirtualMachineStates.PowerState;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import io.localpack.vmroles.Models.VmRole;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes the VM Role API's jobs make, each in its own transaction (jobs run on engine threads). Rows gone
 * meanwhile (a reset) are left alone.
 */
@Service
class VmRoleJobEffects {

    private final VmRoleStore store;
    private final VirtualMachinesOfRoles machines;
    private final Clock clock;

    VmRoleJobEffects(VmRoleStore store, VirtualMachinesOfRoles machines, Clock clock) {
        this.store = store;
        this.machines = machines;
        this.clock = clock;
    }

    @Transactional
    public void show(List<VmmKey> instances, PowerState state, UUID jobId) {
        instances.forEach(machine -> machines.show(machine, state, jobId));
    }

    /** New instances get their pool addresses: all of them, or the job fails with none given. */
    @Transactional
    public void allocateAddresses(List<VmmKey> instances) {
        machines.allocateAddresses(instances);
    }

    @Transactional
    public void remove(List<VmmKey> instances) {
        instances.forEach(machines::remove);
    }

    @Transactional
    public void roleState(UUID roleId, String state) {
        store.setRoleState(roleId, state, null, null, now());
    }

    /** An update's job completed: its label, definition and configuration are the role's now. */
    @Transactional
    public void applyUpdate(UUID roleId) {
        store.applyPendingUpdate(roleId, now());
        store.setRoleState(roleId, VmRoleLifecycle.PROVISIONED, null, null, now());
    }

    /** An add-disk job failed: the disk it attached goes. */
    @Transactional
    public void detachDisk(UUID diskId, UUID stampId) {
        machines.detachDataDisk(diskId, stampId);
    }

    @Transactional
    public void expandDisk(UUID diskId, UUID stampId, long maximumSize) {
        machines.expandDisk(diskId, stampId, maximumSize);
    }

    /** The role is gone: its machines first (their devices go with them), then its row. */
    @Transactional
    public void removeRole(UUID roleId) {
        store.role(roleId).ifPresent(role -> {
            machines.instances(role.subscriptionId(), roleId).forEach(vm -> machines.remove(vm.key()));
            store.deleteRole(roleId);
        });
    }

    /** Every machine of every role of a cloud service. */
    @Transactional(readOnly = true)
    public List<VmmKey> instancesOfCloudService(UUID subscriptionId, UUID cloudServiceId) {
        return store.roles(subscriptionId, cloudServiceId).stream()
                .flatMap(role -> machines.instances(subscriptionId, role.id()).stream())
                .map(vm -> vm.key()).toList();
    }

    @Transactional
    public void cloudServiceState(UUID cloudServiceId, String state) {
        store.setCloudServiceState(cloudServiceId, state, now());
    }

    /** The cloud service is gone, with its roles and their machines. */
    @Transactional
    public void removeCloudService(UUID subscriptionId, UUID cloudServiceId) {
        for (VmRole role : store.roles(subscriptionId, cloudServiceId)) {
            removeRole(role.id());
        }
        store.deleteCloudService(cloudServiceId);
    }

    /**
     * A failed job on a role: machines it was creating show CreationFailed, machines it was removing are back as
     * they ran, an update it was making is dropped (the role keeps its definition and configuration), and the role is
     * Failed with the job's problem as its Substate message.
     */
    @Transactional
    public void roleFailed(UUID roleId, List<VmmKey> creating, List<VmmKey> removing, UUID jobId, String problem) {
        creating.forEach(machine -> machines.creationFailed(machine, jobId));
        removing.forEach(machine -> machines.show(machine, VirtualMachineStates.RUNNING_STATE, jobId));
        store.dropPendingUpdate(roleId);
        store.setRoleState(roleId, VmRoleLifecycle.FAILED, "Error", problem, now());
    }

    /** A failed cloud-service job: the service and its roles show Failed, machines are back as they ran. */
    @Transactional
    public void cloudServiceFailed(UUID subscriptionId, UUID cloudServiceId, UUID jobId, String problem) {
        store.setCloudServiceState(cloudServiceId, VmRoleLifecycle.FAILED, now());
        for (VmRole role : store.roles(subscriptionId, cloudServiceId)) {
            machines.instances(subscriptionId, role.id()).forEach(vm -> machines.show(vm.key(),
                    VirtualMachineStates.RUNNING_STATE, jobId));
            store.setRoleState(role.id(), VmRoleLifecycle.FAILED, "Error", problem, now());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
