package io.localpack.vmm.vm;

/**
 * The values LocalPack writes into a virtual machine's {@code Status}, {@code StatusString} and
 * {@code VirtualMachineState} (shared/spec/vmm-states.md 2.4).
 * <p>
 * {@code Status} is VMM's enum token: {@code Running} and {@code PowerOff} are confirmed, the others are VMM's display
 * text with the spaces removed. {@code StatusString} is the display text of VMM's status list ("Power Off", not
 * "Stopped": VMM has no Stopped). {@code VirtualMachineState} is the hypervisor's power state; its values are not
 * documented, so LocalPack uses the same tokens and reports {@code PowerOff} while a machine is being created, has
 * failed to be created or is being deleted (it is not running in any of these).
 * <p>
 * One deliberate deviation: a machine being created reads {@code Status} {@code UnderCreation} but
 * {@code StatusString} "Creating", not VMM's "Under Creation", because the dasein client keeps waiting only while
 * StatusString contains "Creating"; with "Under Creation" it would treat a half-created machine as provisioned.
 */
public final class VirtualMachineStates {

    public static final String RUNNING = "Running";
    public static final String RUNNING_TEXT = "Running";
    public static final String POWER_OFF = "PowerOff";
    public static final String POWER_OFF_TEXT = "Power Off";
    public static final String POWERING_OFF = "PoweringOff";
    public static final String POWERING_OFF_TEXT = "Powering Off";
    public static final String STARTING = "Starting";
    public static final String STARTING_TEXT = "Starting";
    public static final String UNDER_CREATION = "UnderCreation";
    /** Not VMM's "Under Creation": see the class comment. */
    public static final String UNDER_CREATION_TEXT = "Creating";
    public static final String CREATION_FAILED = "CreationFailed";
    public static final String CREATION_FAILED_TEXT = "Creation Failed";
    public static final String UPDATE_FAILED = "UpdateFailed";
    public static final String UPDATE_FAILED_TEXT = "Update Failed";
    public static final String DELETING = "Deleting";
    public static final String DELETING_TEXT = "Deleting";

    /** The three status properties of a machine, set together. */
    public record PowerState(String status, String statusString, String virtualMachineState) {
    }

    public static final PowerState RUNNING_STATE = new PowerState(RUNNING, RUNNING_TEXT, RUNNING);
    public static final PowerState POWER_OFF_STATE = new PowerState(POWER_OFF, POWER_OFF_TEXT, POWER_OFF);
    /** Stopping a service: its machines pass through Powering Off to Power Off. */
    public static final PowerState POWERING_OFF_STATE = new PowerState(POWERING_OFF, POWERING_OFF_TEXT, POWERING_OFF);
    /** Starting a service: its machines pass through Starting to Running. */
    public static final PowerState STARTING_STATE = new PowerState(STARTING, STARTING_TEXT, STARTING);
    public static final PowerState UNDER_CREATION_STATE = new PowerState(UNDER_CREATION, UNDER_CREATION_TEXT, POWER_OFF);
    public static final PowerState CREATION_FAILED_STATE = new PowerState(CREATION_FAILED, CREATION_FAILED_TEXT,
            POWER_OFF);
    public static final PowerState DELETING_STATE = new PowerState(DELETING, DELETING_TEXT, POWER_OFF);

    // The states of the stand-alone machine operations (VirtualMachineTransitions): tokens are VMM's display text
    // without spaces, texts VMM's display text (shared/spec/vmm-states.md 2.4).
    public static final String PAUSING = "Pausing";
    public static final String PAUSED = "Paused";
    public static final String SAVING = "Saving";
    public static final String SAVED = "Saved";
    public static final String RESTORING = "Restoring";
    public static final String DISCARDING_SAVED_STATE = "DiscardSavedState";
    public static final String UNDER_UPDATE = "UnderUpdate";
    public static final String MIGRATION_FAILED = "MigrationFailed";
    /** Named by Repair-SCVirtualMachine's help; not in VMM's display list, so LocalPack never enters it itself. */
    public static final String DELETION_FAILED = "DeletionFailed";

    public static final PowerState PAUSING_STATE = new PowerState(PAUSING, "Pausing", PAUSING);
    public static final PowerState PAUSED_STATE = new PowerState(PAUSED, "Paused", PAUSED);
    public static final PowerState SAVING_STATE = new PowerState(SAVING, "Saving", SAVING);
    public static final PowerState SAVED_STATE = new PowerState(SAVED, "Saved", SAVED);
    /** Starting a saved machine restores its memory first. */
    public static final PowerState RESTORING_STATE = new PowerState(RESTORING, "Restoring", RESTORING);
    public static final PowerState DISCARDING_SAVED_STATE_STATE = new PowerState(DISCARDING_SAVED_STATE,
            "Discard Saved State", SAVED);
    /** Hardware changes happen on a powered-off machine only. */
    public static final PowerState UNDER_UPDATE_STATE = new PowerState(UNDER_UPDATE, "Under Update", POWER_OFF);

    // Checkpoint operations: the machine keeps its power state (VirtualMachineState) while they run.
    public static final String CREATING_CHECKPOINT = "CreatingCheckpoint";
    public static final String RECOVERING_CHECKPOINT = "RecoveringCheckpoint";
    public static final String DELETING_CHECKPOINT = "DeletingCheckpoint";
    public static final String CHECKPOINT_FAILED = "CheckpointFailed";

    public static PowerState creatingCheckpoint(String virtualMachineState) {
        return new PowerState(CREATING_CHECKPOINT, "Creating Checkpoint", virtualMachineState);
    }

    public static PowerState recoveringCheckpoint(String virtualMachineState) {
        return new PowerState(RECOVERING_CHECKPOINT, "Recovering Checkpoint", virtualMachineState);
    }

    public static PowerState deletingCheckpoint(String virtualMachineState) {
        return new PowerState(DELETING_CHECKPOINT, "Deleting Checkpoint", virtualMachineState);
    }

    public static PowerState checkpointFailed(String virtualMachineState) {
        return new PowerState(CHECKPOINT_FAILED, "Checkpoint Failed", virtualMachineState);
    }

    /** A failed update leaves the machine powered as it was: pass its VirtualMachineState (Running or PowerOff). */
    public static PowerState updateFailed(String virtualMachineState) {
        return new PowerState(UPDATE_FAILED, UPDATE_FAILED_TEXT, virtualMachineState);
    }

    private VirtualMachineStates() {
    }
}
