package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.vm.VirtualMachineTransitions.Move;
import io.localpack.vmm.vm.VirtualMachineTransitions.Plan;
import io.localpack.vmm.vm.VirtualMachineTransitions.Refused;
import io.localpack.vmm.vm.VirtualMachineTransitions.RepairAction;
import io.localpack.vmm.vm.VirtualMachineTransitions.Unchanged;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The valid-state table of VMM's operations, without Spring: what each verb does from each Status. */
class VirtualMachineTransitionsTest {

    private static final List<String> STATUSES = List.of("Running", "PowerOff", "Paused", "Saved", "Starting",
            "PoweringOff", "Pausing", "Saving", "UnderCreation", "UnderUpdate", "Deleting", "CreationFailed",
            "UpdateFailed");

    /** verb | from | passing states | final, or "unchanged"; every Status not listed for a verb is refused. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', value = {
        "Start|PowerOff|Starting|Running",
        "Start|Saved|Restoring|Running",
        "Start|Running||unchanged",
        "Stop|Running|PoweringOff|PowerOff",
        "Stop|Paused|PoweringOff|PowerOff",
        "Stop|Saved|PoweringOff|PowerOff",
        "Stop|PowerOff||unchanged",
        "Shutdown|Running|PoweringOff|PowerOff",
        "Shutdown|Paused|PoweringOff|PowerOff",
        "Suspend|Running|Pausing|Paused",
        "Resume|Paused|Starting|Running",
        "Reset|Running|PoweringOff Starting|Running",
        "SaveState|Running|Saving|Saved",
        "DiscardSavedState|Saved|DiscardSavedState|PowerOff",
    })
    void validOperations(String verb, String from, String passing, String to) {
        VirtualMachineOperation operation = VirtualMachineOperation.of(verb).orElseThrow();
        Plan plan = VirtualMachineTransitions.operation(operation, from, from, null);
        if ("unchanged".equals(to)) {
            assertThat(plan).isInstanceOf(Unchanged.class);
            return;
        }
        Move move = (Move) plan;
        assertThat(move.passing().stream().map(VirtualMachineStates.PowerState::status).toList())
                .containsExactly(passing.split(" "));
        assertThat(move.finalState().status()).isEqualTo(to);
        assertThat(move.finalState().virtualMachineState()).isEqualTo(to);
    }

    @Test
    void everyOtherStatusIsRefusedWith1730() {
        int refused = 0;
        for (VirtualMachineOperation operation : VirtualMachineOperation.values()) {
            if (operation == VirtualMachineOperation.REPAIR) {
                continue;
            }
            for (String status : STATUSES) {
                Plan plan = VirtualMachineTransitions.operation(operation, status, status, null);
                boolean transientOrFailed = !List.of("Running", "PowerOff", "Paused", "Saved").contains(status);
                if (transientOrFailed) {
                    assertThat(plan).as(operation + " from " + status).isInstanceOf(Refused.class);
                }
                if (plan instanceof Refused r) {
                    refused++;
                    assertThat(r.reason()).contains(operation.wireName()).contains(status);
                }
            }
        }
        // 8 verbs x 13 statuses, 14 valid pairs above
        assertThat(refused).isEqualTo(8 * STATUSES.size() - 14);
        assertThat(VirtualMachineTransitions.WRONG_STATE).isEqualTo(1730);
    }

    @Test
    void repairNeedsAFailedMachineAndExactlyOneAction() {
        Plan retry = VirtualMachineTransitions.operation(VirtualMachineOperation.REPAIR, "UpdateFailed", "PowerOff",
                RepairAction.RETRY);
        assertThat(((Move) retry).transientState().status()).isEqualTo("UnderUpdate");
        assertThat(((Move) retry).finalState().status()).isEqualTo("PowerOff");
        Plan undo = VirtualMachineTransitions.operation(VirtualMachineOperation.REPAIR, "CreationFailed", "PowerOff",
                RepairAction.UNDO);
        assertThat(((Move) undo).transientState()).isNull();
        assertThat(((Move) undo).finalState().status()).isEqualTo("PowerOff");
        assertThat(VirtualMachineTransitions.operation(VirtualMachineOperation.REPAIR, "Running", "Running",
                RepairAction.DISMISS)).isInstanceOf(Refused.class);
        assertThat(VirtualMachineTransitions.operation(VirtualMachineOperation.REPAIR, "Running", "Running",
                RepairAction.AGENT)).isInstanceOf(Unchanged.class);

        assertThat(RepairAction.of(null, true, false, null)).isEqualTo(RepairAction.UNDO);
        assertThatThrownBy(() -> RepairAction.of(true, true, null, null)).isInstanceOf(VmmRequestException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> RepairAction.of(null, null, null, null)).isInstanceOf(VmmRequestException.class)
                .hasMessageContaining("none");
    }

    @Test
    void hardwareChangesNeedPowerOffAndPassThroughUnderUpdate() {
        assertThat(VirtualMachineTransitions.update(false, "Running")).isInstanceOf(Unchanged.class);
        assertThat(VirtualMachineTransitions.update(true, "Running")).isInstanceOf(Refused.class);
        assertThat(VirtualMachineTransitions.update(true, "Saved")).isInstanceOf(Refused.class);
        Move move = (Move) VirtualMachineTransitions.update(true, "PowerOff");
        assertThat(move.transientState().status()).isEqualTo("UnderUpdate");
        assertThat(move.transientState().statusString()).isEqualTo("Under Update");
        assertThat(move.finalState().status()).isEqualTo("PowerOff");
    }

    @Test
    void onlyAStoppedOrFailedMachineIsDeleted() {
        Move delete = (Move) VirtualMachineTransitions.delete("PowerOff");
        assertThat(delete.transientState().status()).isEqualTo("Deleting");
        assertThat(delete.finalState()).as("gone").isNull();
        assertThat(VirtualMachineTransitions.delete("CreationFailed")).isInstanceOf(Move.class);
        for (String status : List.of("Running", "Paused", "Saved", "Starting", "Deleting")) {
            assertThat(VirtualMachineTransitions.delete(status)).as(status).isInstanceOf(Refused.class);
        }
    }

    @Test
    void aNewMachineStartsOnlyWhenAskedTo() {
        Move started = VirtualMachineTransitions.create(true);
        assertThat(started.passing().stream().map(VirtualMachineStates.PowerState::status).toList())
                .containsExactly("UnderCreation", "Starting");
        assertThat(started.finalState().status()).isEqualTo("Running");
        assertThat(VirtualMachineTransitions.create(false).finalState().status()).isEqualTo("PowerOff");
    }

    @Test
    void checkpointsKeepTheMachinesPowerStateAndNeedASteadyOne() {
        for (var action : VirtualMachineTransitions.CheckpointAction.values()) {
            Move move = (Move) VirtualMachineTransitions.checkpoint(action, "Running", "Running");
            assertThat(move.transientState().virtualMachineState()).isEqualTo("Running");
            assertThat(move.finalState().status()).isEqualTo("Running");
            assertThat(VirtualMachineTransitions.checkpoint(action, "UnderCreation", "PowerOff"))
                    .isInstanceOf(Refused.class);
        }
        assertThat(((Move) VirtualMachineTransitions.checkpoint(VirtualMachineTransitions.CheckpointAction.RESTORE,
                "Saved", "Saved")).transientState().status()).isEqualTo("RecoveringCheckpoint");
        assertThat(VirtualMachineTransitions.operation(VirtualMachineOperation.REPAIR, "CheckpointFailed", "Running",
                RepairAction.DISMISS)).isInstanceOf(Move.class);
    }

    @Test
    void verbsAreMatchedWithoutRegardToCaseAndUnknownOnesAreNot() {
        assertThat(VirtualMachineOperation.of("savestate")).contains(VirtualMachineOperation.SAVE_STATE);
        assertThat(VirtualMachineOperation.of("Restart")).isEmpty();
        assertThat(VirtualMachineOperation.of("Store")).isEmpty();
    }
}
