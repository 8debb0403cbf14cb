package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operations on stand-alone machines over HTTP, in V4 and in V3: each a job that walks the machine to its state. */
class VirtualMachineOperationsTest extends VirtualMachineWriteSupport {

    @ParameterizedTest(name = "{0} from {1} ({6})")
    @CsvSource({
        "Start,             PowerOff, Power Off, PowerOff, Running,  Running,  V4, Start virtual machine",
        "start,             Saved,    Saved,     Saved,    Running,  Running,  V3, Start virtual machine",
        "Stop,              Running,  Running,   Running,  PowerOff, Power Off, V4, Stop virtual machine",
        "Stop,              Paused,   Paused,    Paused,   PowerOff, Power Off, V3, Stop virtual machine",
        "Shutdown,          Running,  Running,   Running,  PowerOff, Power Off, V3, Shut down virtual machine",
        "Suspend,           Running,  Running,   Running,  Paused,   Paused,   V4, Pause virtual machine",
        "Resume,            Paused,   Paused,    Paused,   Running,  Running,  V3, Resume virtual machine",
        "Reset,             Running,  Running,   Running,  Running,  Running,  V4, Reset virtual machine",
        "SaveState,         Running,  Running,   Running,  Saved,    Saved,    V3, Save state of virtual machine",
        "DiscardSavedState, Saved,    Saved,     Saved,    PowerOff, Power Off, V4, Discard saved state of virtual machine",
    })
    void eachOperationIsAJobThatEndsInVmmsState(String verb, String status, String text, String power,
            String finalStatus, String finalText, String dialect, String jobName) {
        String id = machine("op-" + verb + "-" + status, status, text, power);
        Response response = "V3".equals(dialect)
                ? send("PUT", vmUrl(id), "{\"odata.type\":\"VMM.VirtualMachine\",\"Operation\":\"" + verb + "\"}",
                        v3("Accept", "application/json;odata=minimalmetadata",
                                "Content-Type", "application/json;odata=minimalmetadata"))
                : operation(id, verb);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        String jobId = response.header("x-ms-request-id");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo(jobName);
        assertThat(job.get("TargetObjectID").asText()).isEqualTo(id);
        JsonNode machine = vm(id);
        assertThat(machine.get("Status").asText()).isEqualTo(finalStatus);
        assertThat(machine.get("StatusString").asText()).isEqualTo(finalText);
        assertThat(machine.get("MostRecentTaskId").asText()).isEqualTo(jobId);
        assertThat(machine.get("Operation").isNull()).as("write-only").isTrue();
    }

    @Test
    void startOfARunningMachineIsAJobThatSucceedsAndChangesNothing() {
        String id = running("already running");
        Response response = operation(id, "Start");
        assertThat(response.status()).isEqualTo(204);
        assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        assertThat(status(id)).isEqualTo("Running");
    }

    @Test
    void anOperationVmmRefusesInTheMachinesStateIsError1730AndChangesNothing() {
        String id = stopped("cannot suspend");
        String before = row(id);
        Response refused = operation(id, "Suspend", "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("1730");
        assertThat(refused.json().get("error").get("message").asText()).contains(
                "The selected action could not be completed because the virtual machine is not in a state in which"
                        + " the action is valid.");
        JsonNode job = awaitJob(refused.header("x-ms-request-id"));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.get("ErrorInfo").get("ErrorCodeString").asText()).isEqualTo("1730");
        assertThat(job.get("ErrorInfo").get("DisplayableErrorCode").asText()).isEqualTo("1730");
        assertThat(job.get("ErrorInfo").get("IsSuccess").asBoolean()).isFalse();
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void runningAsynchronouslyTheRefusalIsSeenInTheJobOnly() {
        String id = running("resume a running one");
        String before = row(id);
        Response accepted = send("PUT", vmUrl(id) + "?RunAsynchronously=1", "{\"Operation\":\"Resume\"}",
                v3("Accept", "application/json"));
        assertThat(accepted.status()).isEqualTo(204);
        JsonNode job = awaitJob(accepted.header("x-ms-request-id"));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.get("ErrorInfo").get("Problem").asText()).contains("not in a state in which the action is valid");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void mergeAndPatchCarryOperationsTooWithPreferReturnContent() {
        String id = running("merge me");
        Response merged = send("MERGE", vmUrl(id), "{\"Operation\":\"Suspend\"}",
                v3("Accept", "application/json", "Prefer", "return-content"));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("Status").asText()).isEqualTo("Paused");
        Response patched = send("PATCH", vmUrl(id), "{\"Operation\":\"Resume\"}", "Accept", "application/json",
                "Prefer", "return=representation");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("Status").asText()).isEqualTo("Running");
        assertThat(patched.json().get("MostRecentTaskId").asText()).isEqualTo(patched.header("x-ms-request-id"));
    }

    @Test
    void repairAfterAFailedJobDismissesTheFailure() {
        String id = machine("failed update", "UpdateFailed", "Update Failed", "PowerOff");
        Response repaired = send("PUT", vmUrl(id), "{\"Operation\":\"Repair\",\"Dismiss\":true}");
        assertThat(repaired.status()).as(repaired.body()).isEqualTo(204);
        assertThat(awaitJob(repaired.header("x-ms-request-id")).get("Name").asText())
                .isEqualTo("Repair virtual machine");
        assertThat(status(id)).isEqualTo("PowerOff");
        assertThat(vm(id).get("FailedJobID").isNull()).isTrue();
    }

    @Test
    void anotherTenantsMachineAnswersLikeAMissingOneAndNothingChanges() {
        String contosos = machine(io.localpack.testsupport.Fixtures.CONTOSO,
                io.localpack.testsupport.Fixtures.CONTOSO_CLOUD, "contoso's", "Running", "Running", "Running");
        var before = databaseSnapshot();
        Response asFabrikam = operation(contosos, "Stop", "Accept", "application/json");
        Response missing = operation(java.util.UUID.randomUUID().toString(), "Stop", "Accept", "application/json");
        assertThat(asFabrikam.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(asFabrikam.json().get("error").get("code").asText())
                .isEqualTo(missing.json().get("error").get("code").asText());
        assertThat(send("PUT", vmUrl(contosos), "{\"Name\":\"stolen\"}").status()).isEqualTo(404);
        assertThat(send("DELETE", vmUrl(contosos), null).status()).isEqualTo(404);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }
}
