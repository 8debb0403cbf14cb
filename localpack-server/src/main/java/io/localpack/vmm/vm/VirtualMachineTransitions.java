package io.localpack.vmm.vm;

import static io.localpack.vmm.vm.VirtualMachineStates.CREATION_FAILED;
import static io.localpack.vmm.vm.VirtualMachineStates.DELETION_FAILED;
import static io.localpack.vmm.vm.VirtualMachineStates.MIGRATION_FAILED;
import static io.localpack.vmm.vm.VirtualMachineStates.PAUSED;
import static io.localpack.vmm.vm.VirtualMachineStates.POWER_OFF;
import static io.localpack.vmm.vm.VirtualMachineStates.RUNNING;
import static io.localpack.vmm.vm.VirtualMachineStates.SAVED;
import static io.localpack.vmm.vm.VirtualMachineStates.UPDATE_FAILED;

import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.vm.VirtualMachineStates.PowerState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operation VMM accepts on a virtual machine in which {@code Status}, and the states the machine passes through
 * to where it ends (shared/spec/vmm-vms-networks-vmroles.md 3.1, 3.4, 3.5). Plain rules: no storage, no wire format.
 *
 * <p>A refused request is not an HTTP refusal: VMM accepts the request, and its job fails with error 1730 (the spec's
 * emulator choice). A request that is valid but has nothing to do (Start of a running machine, Stop of a stopped one)
 * is a job that succeeds and changes nothing, as Start-SCVirtualMachine returns the object without error.
 */
public final class VirtualMachineTransitions {

    /** VMM error 1730 (VMM release notes). */
    public static final int WRONG_STATE = 1730;
    public static final String WRONG_STATE_PROBLEM = "The selected action could not be completed because the virtual"
            + " machine is not in a state in which the action is valid.";

    /** What a request does to a machine. */
    public sealed interface Plan permits Refused, Unchanged, Move {
    }

    /** VMM refuses: the job fails with {@link #WRONG_STATE}; the machine stays as it is. */
    public record Refused(String reason) implements Plan {
    }

    /** Valid, with nothing to do: the job succeeds and the machine stays as it is. */
    public record Unchanged() implements Plan {
    }

    /**
     * The machine shows each of {@code passing} in turn while its job runs (the first as soon as the request is
     * accepted), then {@code finalState}.
     *
     * @param finalState null when the machine is removed
     */
    public record Move(List<PowerState> passing, PowerState finalState) implements Plan {
        public Move {
            passing = List.copyOf(passing);
        }

        /** The state shown while the job is queued, or null when the machine keeps its state until the end. */
        public PowerState transientState() {
            return passing.isEmpty() ? null : passing.get(0);
        }
    }

    /** Repair-SCVirtualMachine's switches: exactly one per repair. */
    public enum RepairAction {
        /** Run the failed job's work again. */
        RETRY,
        /** Go back to where the machine was before the failed job. */
        UNDO,
        /** Accept the machine as it is now. */
        DISMISS,
        /** Repair or upgrade the guest agent. */
        AGENT;

        /**
         * The action the flags ask for.
         *
         * @throws VmmRequestException none, or more than one, is true
         */
        public static RepairAction of(Boolean retry, Boolean undo, Boolean dismiss, Boolean agent) {
            List<RepairAction> chosen = new java.util.ArrayList<>();
            if (Boolean.TRUE.equals(retry)) {
                chosen.add(RETRY);
            }
            if (Boolean.TRUE.equals(undo)) {
                chosen.add(UNDO);
            }
            if (Boolean.TRUE.equals(dismiss)) {
                chosen.add(DISMISS);
            }
            if (Boolean.TRUE.equals(agent)) {
                chosen.add(AGENT);
            }
            if (chosen.size() != 1) {
                throw VmmRequestException.invalid("Operation Repair needs exactly one of Retry, Undo, Dismiss and"
                        + " Agent set to true; the request sets " + (chosen.isEmpty() ? "none" : chosen));
            }
            return chosen.get(0);
        }
    }

    /** The statuses a failed job leaves a machine in, from which Repair brings it back. */
    public static final Set<String> FAILED = Set.of(CREATION_FAILED, UPDATE_FAILED, MIGRATION_FAILED,
            DELETION_FAILED, "CustomizationFailed", VirtualMachineStates.CHECKPOINT_FAILED);

    /** What is done with a machine's checkpoints (spec 3.7). */
    public enum CheckpointAction { CREATE, RESTORE, DELETE }

    /** The steady statuses in which Hyper-V takes, applies and removes checkpoints [INFER: any but transient ones]. */
    private static final Set<String> CHECKPOINTABLE = Set.of(RUNNING, POWER_OFF, PAUSED, SAVED);

    /** Power operations: from which Status each is valid, and where it goes from there. */
    private static final Map<VirtualMachineOperation, Map<String, Plan>> POWER = new EnumMap<>(
            VirtualMachineOperation.class);

    static {
        Move start = move(VirtualMachineStates.STARTING_STATE, VirtualMachineStates.RUNNING_STATE);
        Move powerOff = move(VirtualMachineStates.POWERING_OFF_STATE, VirtualMachineStates.POWER_OFF_STATE);
        POWER.put(VirtualMachineOperation.START, Map.of(
                POWER_OFF, start,
                SAVED, move(VirtualMachineStates.RESTORING_STATE, VirtualMachineStates.RUNNING_STATE),
                RUNNING, new Unchanged()));
        // Stop is a forced power-off: Use-SCStopVM takes a paused or saved machine too.
        POWER.put(VirtualMachineOperation.STOP, Map.of(RUNNING, powerOff, PAUSED, powerOff, SAVED, powerOff,
                POWER_OFF, new Unchanged()));
        POWER.put(VirtualMachineOperation.SHUTDOWN, Map.of(RUNNING, powerOff, PAUSED, powerOff));
        POWER.put(VirtualMachineOperation.SUSPEND, Map.of(RUNNING,
                move(VirtualMachineStates.PAUSING_STATE, VirtualMachineStates.PAUSED_STATE)));
        // VMM's display list has no "Resuming": a resuming machine shows Starting.
        POWER.put(VirtualMachineOperation.RESUME, Map.of(PAUSED, start));
        POWER.put(VirtualMachineOperation.RESET, Map.of(RUNNING, new Move(List.of(
                VirtualMachineStates.POWERING_OFF_STATE, VirtualMachineStates.STARTING_STATE),
                VirtualMachineStates.RUNNING_STATE)));
        POWER.put(VirtualMachineOperation.SAVE_STATE, Map.of(RUNNING,
                move(VirtualMachineStates.SAVING_STATE, VirtualMachineStates.SAVED_STATE)));
        POWER.put(VirtualMachineOperation.DISCARD_SAVED_STATE, Map.of(SAVED,
                move(VirtualMachineStates.DISCARDING_SAVED_STATE_STATE, VirtualMachineStates.POWER_OFF_STATE)));
    }

    private VirtualMachineTransitions() {
    }

    /**
     * What an {@code Operation} does to a machine.
     *
     * @param status the machine's Status
     * @param virtualMachineState its VirtualMachineState (the power state under a failed Status)
     * @param repair the Repair action; null for any other operation
     */
    public static Plan operation(VirtualMachineOperation operation, String status, String virtualMachineState,
            RepairAction repair) {
        if (operation == VirtualMachineOperation.REPAIR) {
            return repair(status, virtualMachineState, repair);
        }
        Plan plan = POWER.get(operation).get(status);
        return plan != null ? plan : new Refused(operation.wireName() + " is not valid for a virtual machine whose"
                + " Status is " + status);
    }

    /**
     * What a change of properties does: names and descriptions change in any state; hardware (CPUCount, Memory,
     * dynamic memory) only on a machine that is PowerOff, which shows UnderUpdate meanwhile (Set-SCVirtualMachine's
     * examples stop the machine first; the spec's emulator rule makes anything else error 1730).
     */
    public static Plan update(boolean hardwareChanges, String status) {
        if (!hardwareChanges) {
            return new Unchanged();
        }
        if (!POWER_OFF.equals(status)) {
            return new Refused("Hardware changes need a virtual machine whose Status is PowerOff; it is " + status
                    + ". Stop it (Operation Stop or Shutdown) first");
        }
        return move(VirtualMachineStates.UNDER_UPDATE_STATE, VirtualMachineStates.POWER_OFF_STATE);
    }

    /**
     * What a delete does: a machine that is off (or left failed by a job) is removed through Deleting; any other is
     * refused, as every client stops a machine before removing it (spec 3.4's inference).
     */
    public static Plan delete(String status) {
        if (POWER_OFF.equals(status) || FAILED.contains(status)) {
            return new Move(List.of(VirtualMachineStates.DELETING_STATE), null);
        }
        return new Refused("A virtual machine is deleted only when its Status is PowerOff; it is " + status
                + ". Stop it (Operation Stop) first");
    }

    /**
     * What a checkpoint action does to its machine: it shows CreatingCheckpoint, RecoveringCheckpoint or
     * DeletingCheckpoint while keeping its power state, then returns to the steady state it was in; Hyper-V does it
     * without stopping the machine (New-SCVMCheckpoint).
     */
    public static Plan checkpoint(CheckpointAction action, String status, String virtualMachineState) {
        if (!CHECKPOINTABLE.contains(status)) {
            return new Refused("Checkpoints are taken, restored and removed on a virtual machine whose Status is one"
                    + " of Running, PowerOff, Paused, Saved; it is " + status);
        }
        PowerState passing = switch (action) {
            case CREATE -> VirtualMachineStates.creatingCheckpoint(virtualMachineState);
            case RESTORE -> VirtualMachineStates.recoveringCheckpoint(virtualMachineState);
            case DELETE -> VirtualMachineStates.deletingCheckpoint(virtualMachineState);
        };
        return move(passing, steadyStateOf(status));
    }

    /** A new machine: UnderCreation, then Running through Starting when it is to start, else PowerOff. */
    public static Move create(boolean startVm) {
        return startVm
                ? new Move(List.of(VirtualMachineStates.UNDER_CREATION_STATE, VirtualMachineStates.STARTING_STATE),
                        VirtualMachineStates.RUNNING_STATE)
                : move(VirtualMachineStates.UNDER_CREATION_STATE, VirtualMachineStates.POWER_OFF_STATE);
    }

    /** The Status a machine in a steady state shows for its power state (its VirtualMachineState). */
    public static PowerState steadyStateOf(String virtualMachineState) {
        if (virtualMachineState == null) {
            return VirtualMachineStates.POWER_OFF_STATE;
        }
        return switch (virtualMachineState) {
            case RUNNING -> VirtualMachineStates.RUNNING_STATE;
            case PAUSED -> VirtualMachineStates.PAUSED_STATE;
            case SAVED -> VirtualMachineStates.SAVED_STATE;
            default -> VirtualMachineStates.POWER_OFF_STATE;
        };
    }

    private static Plan repair(String status, String virtualMachineState, RepairAction repair) {
        if (repair == RepairAction.AGENT) {
            return RUNNING.equals(status) ? new Unchanged()
                    : new Refused("Repair of the guest agent needs a running virtual machine; its Status is " + status);
        }
        if (!FAILED.contains(status)) {
            return new Refused("Repair is valid only after a failed job (Status " + String.join(", ",
                    new java.util.TreeSet<>(FAILED)) + "); the Status is " + status);
        }
        PowerState steady = steadyStateOf(virtualMachineState);
        return repair == RepairAction.RETRY
                ? move(CREATION_FAILED.equals(status) ? VirtualMachineStates.UNDER_CREATION_STATE
                        : VirtualMachineStates.UNDER_UPDATE_STATE, steady)
                : new Move(List.of(), steady);
    }

    private static Move move(PowerState passing, PowerState finalState) {
        return new Move(List.of(passing), finalState);
    }
}
