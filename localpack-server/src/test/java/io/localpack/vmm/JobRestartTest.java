package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;

/** PUT on a job restarts it when it failed, as SPF's Jobs collection does; nothing else is writable. */
class JobRestartTest extends HttpTestSupport {

    private String jobUrl(String jobId) {
        return vmm(FABRIKAM) + "/Jobs(ID=guid'" + jobId + "',StampId=guid'" + WEST_STAMP + "')";
    }

    @Test
    void aFailedJobRestartsUnderTheSameIdAndFinishesTheWork() {
        String id = createGateway("Restart my stop");
        String service = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.stop","targetObjectId":"%s","errorCode":20413,"atStep":2,
                 "message":"The virtual machine could not be stopped.","times":"once"}""".formatted(id)).status())
                .isIn(200, 201);
        Response failed = send("PUT", service, "{\"Operation\":\"Stop\"}");
        assertThat(failed.status()).isEqualTo(500);
        String jobId = failed.header("x-ms-request-id");
        assertThat(get(jobUrl(jobId), "Accept", "application/json").json().get("Status").asText()).isEqualTo("Failed");

        Response restarted = send("PUT", jobUrl(jobId), """
                {"ID":"%s","StampId":"%s","UserName":"CONTOSO\\\\admin","Password":"hunter2","SkipLastFailedStep":false}
                """.formatted(jobId, WEST_STAMP), "Prefer", "return-content", "Accept", "application/json");
        assertThat(restarted.status()).isEqualTo(200);
        assertThat(restarted.header("x-ms-request-id")).isEqualTo(jobId);
        assertThat(restarted.body()).doesNotContain("hunter2");
        JsonNode job = restarted.json();
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("ErrorInfo").get("IsSuccess").asBoolean()).isTrue();
        assertThat(get(service, "Accept", "application/json").json().get("ServiceStatus").asText()).isEqualTo("Stopped");
    }

    /**
     * Zero-duration service jobs run in one transaction; a step failed on purpose must still keep the work of the
     * steps before it, as runs in separate transactions do: failing at step 2 of a Stop leaves the machines
     * powering off (step 1's work), failing at step 1 leaves them running.
     */
    @Test
    void aStepFailedOnPurposeKeepsTheWorkOfTheStepsBeforeIt() {
        assertThat(machineStatusesAfterStopFailingAt(2, "Fail after shutting down")).isNotEmpty()
                .allSatisfy(status -> assertThat(status).isEqualTo("PoweringOff"));
        assertThat(machineStatusesAfterStopFailingAt(1, "Fail before shutting down")).isNotEmpty()
                .allSatisfy(status -> assertThat(status).isEqualTo("Running"));
    }

    /**
     * A zero-duration Start runs in one transaction and records itself on the machines and the tiers with their new
     * state, in one write each: the machines and tiers it leaves (state, deployment state, most recent job, failed
     * job cleared) are the ones a Start paced over time, with a write per step, leaves; after a failed Stop here, so
     * that there is a failed job to clear.
     */
    @Test
    void aStartInOneTransactionLeavesTheMachinesAStepByStepStartLeaves() {
        List<String> leftByAStart = List.of("Running Deployed 1 null", "tier Deployed OK null");
        assertThat(machinesAfterFailedStopThenStart("Started at once")).isEqualTo(leftByAStart);
        try {
            assertThat(send("PUT", base + "/_localpack/timing/vmm.service.start",
                    "{\"mode\":\"duration\",\"duration\":\"PT0.2S\"}").status()).isEqualTo(200);
            assertThat(machinesAfterFailedStopThenStart("Started step by step")).isEqualTo(leftByAStart);
        } finally {
            send("DELETE", base + "/_localpack/timing/vmm.service.start", null);
        }
    }

    /**
     * Each distinct machine row as "status, deployment state, number of machines pointing at the Start job, failed
     * job", then each distinct tier row as "tier deployment state, status, failed job".
     */
    private List<String> machinesAfterFailedStopThenStart(String name) {
        String id = createGateway(name);
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.stop","targetObjectId":"%s","errorCode":20413,"atStep":2,
                 "message":"The virtual machine could not be stopped.","times":"once"}""".formatted(id))
                .status()).isIn(200, 201);
        String service = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        assertThat(send("PUT", service, "{\"Operation\":\"Stop\"}").status()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE service_id = CAST(? AS UUID)"
                + " AND failed_job_id IS NOT NULL", Integer.class, id)).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM computer_tiers WHERE service_id = CAST(? AS UUID)"
                + " AND failed_job_id IS NOT NULL", Integer.class, id)).isPositive();
        Response start = send("PUT", service, "{\"Operation\":\"Start\"}");
        assertThat(start.status()).isEqualTo(204);
        List<String> rows = new java.util.ArrayList<>(jdbc.queryForList("SELECT status || ' ' || deployment_state"
                + " || ' ' || SUM(CASE WHEN CAST(most_recent_task_id AS VARCHAR(36)) = ? THEN 1 ELSE 0 END) / COUNT(*)"
                + " || ' ' || COALESCE(CAST(failed_job_id AS VARCHAR(36)), 'null') FROM virtual_machines"
                + " WHERE service_id = CAST(? AS UUID) GROUP BY status, deployment_state, failed_job_id",
                String.class, start.header("x-ms-request-id"), id));
        rows.addAll(jdbc.queryForList("SELECT DISTINCT 'tier ' || deployment_state || ' ' || computer_tier_status"
                + " || ' ' || COALESCE(CAST(failed_job_id AS VARCHAR(36)), 'null') FROM computer_tiers"
                + " WHERE service_id = CAST(? AS UUID)", String.class, id));
        return rows;
    }

    private java.util.List<String> machineStatusesAfterStopFailingAt(int step, String name) {
        String id = createGateway(name);
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.stop","targetObjectId":"%s","errorCode":20413,"atStep":%d,
                 "message":"The virtual machine could not be stopped.","times":"once"}""".formatted(id, step))
                .status()).isIn(200, 201);
        Response failed = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), "{\"Operation\":\"Stop\"}");
        assertThat(failed.status()).isEqualTo(500);
        JsonNode machines = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId%20eq%20guid'" + id + "'",
                "Accept", "application/json", "OData-MaxVersion", "4.0").json();
        java.util.List<String> statuses = new java.util.ArrayList<>();
        machines.get("value").forEach(vm -> statuses.add(vm.get("Status").asText()));
        return statuses;
    }

    @Test
    void onlyFailedJobsRestartAndJobsAreNeitherCreatedNorDeleted() {
        String id = createGateway("Completed job");
        Response stop = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), "{\"Operation\":\"Stop\"}");
        String jobId = stop.header("x-ms-request-id");
        var before = databaseSnapshot();
        Response again = send("PUT", jobUrl(jobId), "{\"SkipLastFailedStep\":true}", "Accept", "application/json");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").get("message").asText()).contains("cannot be restarted");
        assertThat(send("POST", vmm(FABRIKAM) + "/Jobs", "{\"Name\":\"x\"}").status()).isEqualTo(405);
        assertThat(send("DELETE", jobUrl(jobId), null).status()).isEqualTo(405);
        assertThat(send("PUT", vmm(FABRIKAM) + "/Jobs(ID=guid'" + java.util.UUID.randomUUID() + "',StampId=guid'"
                + WEST_STAMP + "')", "{}").status()).isEqualTo(404);
        assertThat(send("PUT", vmm(CONTOSO) + "/Jobs(ID=guid'" + jobId + "',StampId=guid'" + WEST_STAMP + "')", "{}")
                .status()).isEqualTo(404);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }
}
