package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.network.NetworkAddresses;
import io.localpack.vmm.vm.VirtualMachineStates.PowerState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes virtual machine jobs make, each in its own transaction (a job runs on an engine thread, outside any
 * request). A machine that is gone meanwhile (a reset of the state) is left alone.
 */
@Service
public class VirtualMachineJobEffects {

    private final VirtualMachineRepository machines;
    private final VirtualMachineCheckpointRows checkpoints;
    private final NetworkAddresses addresses;
    private final Clock clock;

    VirtualMachineJobEffects(VirtualMachineRepository machines, VirtualMachineCheckpointRows checkpoints,
            NetworkAddresses addresses, Clock clock) {
        this.machines = machines;
        this.addresses = addresses;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The machine was returned to a checkpoint. */
    @Transactional
    public void restoredTo(VmmKey key, UUID checkpointId) {
        with(key, machine -> machine.setLastRestoredCheckpointId(checkpointId));
    }

    @Transactional
    public void renameCheckpoint(UUID checkpointId, UUID stampId, String name, String description) {
        checkpoints.rename(checkpointId, stampId, name, description, now());
    }

    /** A checkpoint is gone; a machine last restored to it no longer names it. */
    @Transactional
    public void removeCheckpoint(VmmKey key, UUID checkpointId) {
        with(key, machine -> {
            if (checkpointId.equals(machine.getLastRestoredCheckpointId())) {
                machine.setLastRestoredCheckpointId(null);
            }
        });
        machines.flush();
        checkpoints.delete(checkpointId, key.getStampId());
    }

    /** The job began: it is the machine's most recent task, and the property changes it carries apply. */
    @Transactional
    public void started(VmmKey key, UUID jobId, VirtualMachineUpdate changes) {
        with(key, machine -> {
            machine.setMostRecentTaskId(jobId);
            if (!changes.isEmpty()) {
                machine.apply(changes, now());
            }
        });
    }

    @Transactional
    public void show(VmmKey key, PowerState state) {
        with(key, machine -> machine.showState(state, now()));
    }

    /**
     * Where the job leaves the machine, with its new hardware (applied last, so a job that fails before leaves the
     * hardware as it was); a repair also clears the failure it repaired.
     */
    @Transactional
    public void settle(VmmKey key, PowerState state, VirtualMachineUpdate hardware, boolean clearsFailure) {
        with(key, machine -> {
            if (!hardware.isEmpty()) {
                machine.apply(hardware, now());
            }
            machine.showState(state, now());
            if (clearsFailure) {
                machine.setFailedJobId(null);
            }
        });
    }

    /** The machine goes, and its addresses return to their pools. */
    @Transactional
    public void remove(VmmKey key) {
        addresses.releaseFor(key.getId(), key.getStampId());
        machines.findById(key).ifPresent(machines::delete);
    }

    /**
     * Where a failed job leaves the machine (a fault rule, or the runner dying): a failed create shows
     * CreationFailed, a failed update UpdateFailed (powered as it was); any other job puts the machine back where it was when the request came. Either way the
     * job is its FailedJobID. A job VMM refused (1730) leaves it as it is.
     */
    @Transactional
    public void failed(VmmKey key, String jobKind, UUID jobId, Map<String, String> parameters) {
        if (VirtualMachineLifecycle.CHECKPOINT_CREATE.equals(jobKind)) {
            // the checkpoint shown since the request was never taken
            checkpoints.delete(UUID.fromString(parameters.get(VirtualMachineLifecycle.CHECKPOINT_ID)),
                    key.getStampId());
        }
        if (parameters.containsKey(VirtualMachineLifecycle.REFUSAL)) {
            return;
        }
        with(key, machine -> {
            machine.setMostRecentTaskId(jobId);
            machine.setFailedJobId(jobId);
            String fromPower = parameters.get(VirtualMachineLifecycle.FROM_VIRTUAL_MACHINE_STATE);
            if (jobKind.startsWith(CHECKPOINT_KINDS)) {
                machine.showState(VirtualMachineStates.checkpointFailed(fromPower), now());
            } else if (VirtualMachineLifecycle.CREATE.equals(jobKind)) {
                machine.showState(VirtualMachineStates.CREATION_FAILED_STATE, now());
            } else if (VirtualMachineLifecycle.UPDATE.equals(jobKind)) {
                machine.showState(VirtualMachineStates.updateFailed(fromPower), now());
            } else {
                machine.showState(new PowerState(parameters.get(VirtualMachineLifecycle.FROM_STATUS),
                        parameters.get(VirtualMachineLifecycle.FROM_STATUS_STRING), fromPower), now());
            }
        });
    }

    private static final String CHECKPOINT_KINDS = "vmm.vm.checkpoint.";

    private void with(VmmKey key, Consumer<VirtualMachine> change) {
        machines.findById(key).ifPresent(change);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
