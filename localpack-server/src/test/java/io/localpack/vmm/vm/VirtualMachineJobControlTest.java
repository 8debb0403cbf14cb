package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault rules and timing modes apply to the vmm.vm.* jobs as to service jobs; Repair brings a failed machine back. */
class VirtualMachineJobControlTest extends VirtualMachineWriteSupport {

    @AfterEach
    void removeRulesAndTimings() {
        send("DELETE", base + "/_localpack/faults", null);
        for (String kind : new String[] {"vmm.vm.stop", "vmm.vm.start"}) {
            send("DELETE", base + "/_localpack/timing/" + kind, null);
        }
    }

    @Test
    void everyVmJobKindIsListedForTiming() {
        JsonNode kinds = get(base + "/_localpack/timing").json().get("kinds");
        for (String kind : new String[] {"vmm.vm.start", "vmm.vm.stop", "vmm.vm.shutdown", "vmm.vm.suspend",
            "vmm.vm.resume", "vmm.vm.reset", "vmm.vm.save-state", "vmm.vm.discard-saved-state", "vmm.vm.repair",
            "vmm.vm.update", "vmm.vm.delete"}) {
            assertThat(kinds.has(kind)).as(kind).isTrue();
        }
    }

    @Test
    void aFaultRuleFailsAnOperationAndTheMachineGoesBackWhereItWas() {
        String id = stopped("fail to start");
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.vm.start","targetObjectId":"%s","errorCode":12711,"atStep":1,
                 "message":"VMM cannot complete the host operation.","times":"once"}""".formatted(id)).status())
                .isIn(200, 201);
        Response start = operation(id, "Start", "Accept", "application/json");
        assertThat(start.status()).isEqualTo(500);
        assertThat(start.json().get("error").get("code").asText()).isEqualTo("12711");
        String jobId = start.header("x-ms-request-id");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.get("ErrorInfo").get("ErrorCodeString").asText()).isEqualTo("12711");
        JsonNode machine = vm(id);
        assertThat(machine.get("Status").asText()).isEqualTo("PowerOff");
        assertThat(machine.get("StatusString").asText()).isEqualTo("Power Off");
        assertThat(machine.get("FailedJobID").asText()).isEqualTo(jobId);
        assertThat(machine.get("MostRecentTaskId").asText()).isEqualTo(jobId);

        assertThat(operation(id, "Start").status()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("Running");
    }

    @Test
    void aFailedResizeIsUpdateFailedAndRepairRetryAppliesIt() {
        String id = stopped("fail to resize");
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.vm.*","targetObjectId":"%s","errorCode":13206,"atStep":1,
                 "message":"The virtual machine configuration could not be changed.","times":"once"}"""
                .formatted(id)).status()).isIn(200, 201);
        Response resize = send("PUT", vmUrl(id), "{\"CPUCount\":8,\"Memory\":16384}", "Accept", "application/json");
        assertThat(resize.status()).isEqualTo(500);
        String failedJob = resize.header("x-ms-request-id");
        JsonNode failed = vm(id);
        assertThat(failed.get("Status").asText()).isEqualTo("UpdateFailed");
        assertThat(failed.get("StatusString").asText()).isEqualTo("Update Failed");
        assertThat(failed.get("VirtualMachineState").asText()).isEqualTo("PowerOff");
        assertThat(failed.get("CPUCount").asInt()).as("not applied").isEqualTo(2);
        assertThat(failed.get("FailedJobID").asText()).isEqualTo(failedJob);

        Response retry = send("PUT", vmUrl(id), "{\"Operation\":\"Repair\",\"Retry\":true}", "Prefer",
                "return-content", "Accept", "application/json");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        JsonNode repaired = retry.json();
        assertThat(repaired.get("Status").asText()).isEqualTo("PowerOff");
        assertThat(repaired.get("CPUCount").asInt()).isEqualTo(8);
        assertThat(repaired.get("Memory").asInt()).isEqualTo(16384);
        assertThat(repaired.get("FailedJobID").isNull()).isTrue();
    }

    @Test
    void withPollTimingAnOperationAdvancesAsItsJobIsRead() {
        String id = running("paced by polls");
        assertThat(send("PUT", base + "/_localpack/timing/vmm.vm.stop", "{\"mode\":\"polls\",\"polls\":3}")
                .status()).isEqualTo(200);
        Response stop = send("PUT", vmUrl(id) + "?RunAsynchronously=1", "{\"Operation\":\"Stop\"}");
        assertThat(stop.status()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("PoweringOff");
        String jobId = stop.header("x-ms-request-id");
        JsonNode firstRead = get(vmm(io.localpack.testsupport.Fixtures.FABRIKAM) + "/Jobs?$filter=ID eq guid'"
                + jobId + "'", "Accept", "application/json").json().get("value").get(0);
        assertThat(firstRead.get("IsCompleted").asBoolean()).as("one read of three").isFalse();
        assertThat(status(id)).isEqualTo("PoweringOff");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(status(id)).isEqualTo("PowerOff");
    }
}
