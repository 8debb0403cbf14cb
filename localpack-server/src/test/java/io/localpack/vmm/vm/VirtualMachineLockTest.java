package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With no runner on this instance, jobs stay queued: what a client sees while a job holds a machine, or holds the
 * service a machine belongs to.
 */
@TestPropertySource(properties = "localpack.jobs.enabled=false")
class VirtualMachineLockTest extends VirtualMachineWriteSupport {

    /**
     * Queued jobs hold their targets for the next test of this server (ServiceLockTest's too): release them, as a
     * reset would.
     */
    @BeforeEach
    @AfterEach
    void cancelQueuedJobs() {
        jdbc.update("UPDATE jobs SET status = 'Canceled', active_target = NULL, is_completed = TRUE"
                + " WHERE active_target IS NOT NULL");
    }

    @Test
    void aQueuedOperationShowsItsFirstStateAndASecondOneIs2602() {
        String id = running("held");
        Response stop = send("PUT", vmUrl(id) + "?RunAsynchronously=1", "{\"Operation\":\"Stop\"}");
        assertThat(stop.status()).isEqualTo(204);
        String jobId = stop.header("x-ms-request-id");
        JsonNode stopping = vm(id);
        assertThat(stopping.get("Status").asText()).isEqualTo("PoweringOff");
        assertThat(stopping.get("StatusString").asText()).isEqualTo("Powering Off");
        assertThat(stopping.get("MostRecentTaskId").asText()).isEqualTo(jobId);

        var before = databaseSnapshot();
        Response second = send("PUT", vmUrl(id), "{\"Operation\":\"Start\",\"Name\":\"changed\"}", "Accept",
                "application/json");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error").get("code").asText()).isEqualTo("2602");
        assertThat(second.json().get("error").get("message").asText()).contains(jobId);
        assertThat(send("DELETE", vmUrl(id), null).status()).isEqualTo(409);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void aMachineOfAServiceWhoseJobRunsIs2602AndTheOtherWayRound() {
        String machine = jdbc.queryForObject("SELECT id FROM virtual_machines WHERE service_id = ? ORDER BY name"
                + " FETCH FIRST 1 ROWS ONLY", UUID.class, UUID.fromString(GATEWAY_SERVICE)).toString();
        String serviceUrl = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);

        Response serviceStop = send("PUT", serviceUrl + "?RunAsynchronously=1", "{\"Operation\":\"Stop\"}");
        assertThat(serviceStop.status()).isEqualTo(204);
        var before = databaseSnapshot();
        Response machineStop = send("PUT", vmUrl(machine), "{\"Operation\":\"Stop\"}", "Accept", "application/json");
        assertThat(machineStop.status()).isEqualTo(409);
        assertThat(machineStop.json().get("error").get("code").asText()).isEqualTo("2602");
        assertThat(machineStop.json().get("error").get("message").asText())
                .contains(serviceStop.header("x-ms-request-id"));
        assertThat(databaseSnapshot()).isEqualTo(before);
        cancelQueuedJobs();
        jdbc.update("UPDATE services SET service_status = 'OK' WHERE id = ?", UUID.fromString(GATEWAY_SERVICE));

        Response machineSuspend = send("PUT", vmUrl(machine) + "?RunAsynchronously=1", "{\"Operation\":\"Suspend\"}");
        assertThat(machineSuspend.status()).isEqualTo(204);
        var held = databaseSnapshot();
        Response serviceStart = send("PUT", serviceUrl, "{\"Operation\":\"Stop\"}", "Accept", "application/json");
        assertThat(serviceStart.status()).isEqualTo(409);
        assertThat(serviceStart.json().get("error").get("code").asText()).isEqualTo("2602");
        assertThat(serviceStart.json().get("error").get("message").asText())
                .contains(machineSuspend.header("x-ms-request-id"));
        assertThat(databaseSnapshot()).isEqualTo(held);
        // put the fixture machine back
        jdbc.update("UPDATE virtual_machines SET status = 'Running', status_string = 'Running',"
                + " virtual_machine_state = 'Running' WHERE id = ?", UUID.fromString(machine));
    }

    /** The service's row lock serializes the two checks: of a service job and a machine job sent at once, one wins. */
    @Test
    void aServiceJobAndAMachineJobSentAtOnceAreNeverBothQueued() throws Exception {
        String machine = jdbc.queryForObject("SELECT id FROM virtual_machines WHERE service_id = ? ORDER BY name"
                + " FETCH FIRST 1 ROWS ONLY", UUID.class, UUID.fromString(GATEWAY_SERVICE)).toString();
        String serviceUrl = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                cancelQueuedJobs();
                var service = pool.submit(() -> send("PUT", serviceUrl + "?RunAsynchronously=1",
                        "{\"Operation\":\"Stop\"}").status());
                var vm = pool.submit(() -> send("PUT", vmUrl(machine) + "?RunAsynchronously=1",
                        "{\"Operation\":\"Stop\"}").status());
                assertThat(List.of(service.get(), vm.get())).as("round " + round).containsExactlyInAnyOrder(204, 409);
            }
        } finally {
            pool.shutdownNow();
            jdbc.update("UPDATE virtual_machines SET status = 'Running', status_string = 'Running',"
                    + " virtual_machine_state = 'Running' WHERE id = ?", UUID.fromString(machine));
        }
    }
}
