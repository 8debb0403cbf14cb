package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Removing stand-alone machines: a job through Deleting for a stopped one, VMM's refusal for a running one. */
class VirtualMachineDeleteTest extends VirtualMachineWriteSupport {

    @Test
    void aStoppedMachineIsRemovedByAJobAndDeleteAnswersExactly204() {
        String id = stopped("delete me");
        Response deleted = send("DELETE", vmUrl(id), null, "Content-Type", "application/json");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        JsonNode job = awaitJob(deleted.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Remove virtual machine");
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(get(vmUrl(id)).status()).isEqualTo(404);
        assertThat(send("DELETE", vmUrl(id), null).status()).isEqualTo(404);
    }

    @Test
    void aV3ClientDeletesAsynchronouslyAndSeesTheJob() {
        String id = stopped("delete me later");
        Response deleted = send("DELETE", vmUrl(id) + "?RunAsynchronously=1", null, v3());
        assertThat(deleted.status()).isEqualTo(204);
        awaitJob(deleted.header("x-ms-request-id"));
        assertThat(get(vmUrl(id), v3()).status()).isEqualTo(404);
    }

    @Test
    void aRunningMachineIsVmmsRefusalAndStays() {
        String id = running("still running");
        String before = row(id);
        Response refused = send("DELETE", vmUrl(id), null, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("1730");
        assertThat(refused.json().get("error").get("message").asText()).contains("Stop it");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void aMachineOfAServiceGoesWithItsServiceOnly() {
        String machine = jdbc.queryForObject("SELECT id FROM virtual_machines WHERE service_id = ? ORDER BY name"
                + " FETCH FIRST 1 ROWS ONLY", UUID.class, UUID.fromString(GATEWAY_SERVICE)).toString();
        var before = databaseSnapshot();
        Response refused = send("DELETE", vmUrl(machine), null, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("message").asText()).contains(GATEWAY_SERVICE);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }
}
