package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Name, description and hardware changes of stand-alone machines, as jobs, in V4 and V3. */
class VirtualMachineUpdateTest extends VirtualMachineWriteSupport {

    @Test
    void nameAndDescriptionChangeInAnyStateWithoutPassingThroughAnotherState() {
        String id = running("rename me");
        Response renamed = send("PUT", vmUrl(id), "{\"Name\":\"renamed\",\"Description\":\"by PUT\"}");
        assertThat(renamed.status()).isEqualTo(204);
        JsonNode job = awaitJob(renamed.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Change properties of virtual machine");
        assertThat(job.get("CmdletName").asText()).isEqualTo("Set-SCVirtualMachine");
        JsonNode machine = vm(id);
        assertThat(machine.get("Name").asText()).isEqualTo("renamed");
        assertThat(machine.get("Description").asText()).isEqualTo("by PUT");
        assertThat(machine.get("Status").asText()).isEqualTo("Running");
    }

    @Test
    void hardwareOfAStoppedMachineChangesThroughUnderUpdateV3() {
        String id = stopped("resize me");
        Response resized = send("MERGE", vmUrl(id), "{\"CPUCount\":4,\"Memory\":8192}",
                v3("Accept", "application/json", "Prefer", "return-content"));
        assertThat(resized.status()).as(resized.body()).isEqualTo(200);
        assertThat(resized.json().get("CPUCount").asInt()).isEqualTo(4);
        assertThat(resized.json().get("Memory").asInt()).isEqualTo(8192);
        assertThat(resized.json().get("Status").asText()).isEqualTo("PowerOff");
        JsonNode job = awaitJob(resized.header("x-ms-request-id"));
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
    }

    @Test
    void hardwareOfARunningMachineIsVmmsRefusalAndChangesNothing() {
        String id = running("cannot resize");
        String before = row(id);
        Response refused = send("PATCH", vmUrl(id), "{\"Memory\":4096,\"Name\":\"not renamed either\"}",
                "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("1730");
        assertThat(refused.json().get("error").get("message").asText()).contains("PowerOff");
        assertThat(awaitJob(refused.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Failed");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void theSameHardwareSentBackIsNoChangeEvenWhileRunning() {
        String id = running("unchanged hardware");
        Response response = send("PUT", vmUrl(id), "{\"CPUCount\":2,\"Memory\":2048,\"Description\":\"only this\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(vm(id).get("Description").asText()).isEqualTo("only this");
    }

    @Test
    void growingOverTheCloudsQuotaIsRefusedAndChangesNothingWhileWhatDoesNotGrowGoesThrough() {
        String id = stopped("at the quota");
        CloudCpuQuota quota = new CloudCpuQuota(jdbc, FABRIKAM, FABRIKAM_CLOUD);
        Integer limit = quota.limit();
        quota.setLimit((int) quota.used()); // one CPU more is over it
        try {
            String before = row(id);
            Integer jobs = jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class);
            Response refused = send("MERGE", vmUrl(id), "{\"CPUCount\":3}", v3("Accept", "application/json"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("odata.error").get("code").asText()).isEqualTo("QuotaExceeded");
            assertThat(refused.json().get("odata.error").get("message").get("value").asText()).contains("CpuCount");
            assertThat(row(id)).isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class)).isEqualTo(jobs);

            // a cloud at its quota still lets a machine shrink, start and stop: nothing grows
            Response shrunk = send("PATCH", vmUrl(id), "{\"CPUCount\":1}");
            assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(204);
            assertThat(awaitJob(shrunk.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
            Response started = operation(id, "Start");
            assertThat(started.status()).as(started.body()).isEqualTo(204);
            assertThat(awaitJob(started.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
            assertThat(vm(id).get("CPUCount").asInt()).isEqualTo(1);
            assertThat(status(id)).isEqualTo("Running");
        } finally {
            quota.setLimit(limit);
        }
    }
}
