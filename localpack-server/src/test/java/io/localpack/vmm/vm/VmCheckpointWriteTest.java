package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checkpoints taken, restored, renamed and removed as jobs on their machine (spec 3.7), in V3 and V4. */
class VmCheckpointWriteTest extends VirtualMachineWriteSupport {

    private String checkpointUrl(String subscription, String id) {
        return vmm(subscription) + "/VMCheckPoints(ID=guid'" + id + "',StampId=guid'" + WEST_STAMP + "')";
    }

    private JsonNode take(String vmId, String name) {
        Response response = send("POST", vmm(FABRIKAM) + "/VMCheckPoints", """
                {"StampId":"%s","VMId":"%s","Name":"%s","Description":"taken by a test","Confirm":true}
                """.formatted(WEST_STAMP, vmId, name), v3("Accept", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).contains("VMCheckPoints(");
        JsonNode job = awaitJob(response.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Create checkpoint");
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("TargetObjectID").asText()).isEqualTo(vmId);
        return response.json();
    }

    @Test
    void takeRestoreRenameAndRemoveCheckpointsOfARunningMachine() {
        String vm = running("checkpointed");
        JsonNode first = take(vm, "first");
        assertThat(first.get("VMId").asText()).isEqualTo(vm);
        assertThat(first.get("ParentCheckpointID").isNull()).isTrue();
        JsonNode second = take(vm, "second");
        assertThat(second.get("ParentCheckpointID").asText()).isEqualTo(first.get("ID").asText());
        assertThat(status(vm)).isEqualTo("Running");

        Response restore = send("PUT", checkpointUrl(FABRIKAM, first.get("ID").asText()),
                "{\"VMCheckPointAction\":\"Restore\"}", "Prefer", "return=representation", "Accept",
                "application/json");
        assertThat(restore.status()).as(restore.body()).isEqualTo(200);
        assertThat(awaitJob(restore.header("x-ms-request-id")).get("Name").asText())
                .isEqualTo("Restore virtual machine to checkpoint");
        JsonNode restored = vm(vm);
        assertThat(restored.get("LastRestoredCheckpointId").asText()).isEqualTo(first.get("ID").asText());
        assertThat(restored.get("Status").asText()).isEqualTo("Running");
        assertThat(restored.get("MostRecentTaskId").asText()).isEqualTo(restore.header("x-ms-request-id"));

        Response renamed = send("MERGE", checkpointUrl(FABRIKAM, second.get("ID").asText()),
                "{\"Name\":\"renamed\"}", v3("Accept", "application/json", "Prefer", "return-content"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("Name").asText()).isEqualTo("renamed");
        assertThat(renamed.json().get("Description").asText()).isEqualTo("taken by a test");

        Response removed = send("DELETE", checkpointUrl(FABRIKAM, first.get("ID").asText()), null);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(awaitJob(removed.header("x-ms-request-id")).get("Name").asText()).isEqualTo("Remove checkpoint");
        assertThat(get(checkpointUrl(FABRIKAM, first.get("ID").asText())).status()).isEqualTo(404);
        JsonNode remaining = get(vmUrl(vm) + "/VMCheckpoints", "Accept", "application/json").json().get("value");
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).get("ParentCheckpointID").isNull()).as("follows the removed one's parent")
                .isTrue();
        assertThat(vm(vm).get("LastRestoredCheckpointId").isNull()).isTrue();
    }

    @Test
    void aMachineInTheMiddleOfSomethingIsVmmsRefusalAndNoCheckpointStays() {
        String vm = machine("being created", "UnderCreation", "Creating", "PowerOff");
        String before = row(vm);
        Response refused = send("POST", vmm(FABRIKAM) + "/VMCheckPoints", """
                {"StampId":"%s","VMId":"%s","Name":"too early"}""".formatted(WEST_STAMP, vm),
                "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("1730");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_checkpoints WHERE vm_id = ?", Integer.class,
                UUID.fromString(vm))).isZero();
        assertThat(row(vm)).isEqualTo(before);
    }

    @Test
    void badCheckpointWritesChangeNothing() {
        String vm = stopped("bad checkpoint writes");
        String checkpoint = take(vm, "kept").get("ID").asText();
        var before = databaseSnapshot();
        int checkpointsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM vm_checkpoints", Integer.class);

        Response unknownAction = send("PUT", checkpointUrl(FABRIKAM, checkpoint), "{\"VMCheckPointAction\":\"Apply\"}",
                "Accept", "application/json");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.json().get("error").get("message").asText()).contains("Apply");
        String contosos = machine(CONTOSO, io.localpack.testsupport.Fixtures.CONTOSO_CLOUD, "contoso's", "Running",
                "Running", "Running");
        Response otherVm = send("POST", vmm(FABRIKAM) + "/VMCheckPoints", """
                {"StampId":"%s","VMId":"%s"}""".formatted(WEST_STAMP, contosos), "Accept", "application/json");
        assertThat(otherVm.status()).isEqualTo(400);
        assertThat(otherVm.json().get("error").get("message").asText()).contains("VMId");
        assertThat(send("POST", vmm(FABRIKAM) + "/VMCheckPoints", "{\"StampId\":\"" + WEST_STAMP + "\"}",
                "Accept", "application/json").json().get("error").get("message").asText()).contains("VMId");
        assertThat(send("PUT", checkpointUrl(CONTOSO, checkpoint), "{\"VMCheckPointAction\":\"Restore\"}").status())
                .isEqualTo(404);
        assertThat(send("DELETE", checkpointUrl(CONTOSO, checkpoint), null).status()).isEqualTo(404);

        jdbc.update("DELETE FROM virtual_machines WHERE id = ?", UUID.fromString(contosos));
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_checkpoints", Integer.class))
                .isEqualTo(checkpointsBefore);
    }
}
