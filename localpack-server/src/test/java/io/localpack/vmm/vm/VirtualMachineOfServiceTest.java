package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The machines of a service's tiers are operated one by one like any machine; service jobs still drive them all. */
class VirtualMachineOfServiceTest extends VirtualMachineWriteSupport {

    @Test
    void oneMachineStopsAloneAndTheServiceStartDrivesThemAll() {
        String service = createGateway("Operated one by one");
        awaitServiceRunning(service);
        List<String> machines = machinesOf(service);
        assertThat(machines).hasSize(2);

        Response stopOne = operation(machines.get(0), "Shutdown");
        assertThat(stopOne.status()).isEqualTo(204);
        assertThat(awaitJob(stopOne.header("x-ms-request-id")).get("Name").asText())
                .isEqualTo("Shut down virtual machine");
        assertThat(status(machines.get(0))).isEqualTo("PowerOff");
        assertThat(status(machines.get(1))).isEqualTo("Running");

        String serviceUrl = vmm(FABRIKAM) + "/" + serviceKey(service, WEST_STAMP);
        assertThat(send("PUT", serviceUrl, "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        assertThat(machines).allSatisfy(m -> assertThat(status(m)).isEqualTo("PowerOff"));
        Response start = send("PUT", serviceUrl, "{\"Operation\":\"Start\"}");
        assertThat(start.status()).isEqualTo(204);
        assertThat(machines).allSatisfy(m -> {
            assertThat(status(m)).isEqualTo("Running");
            assertThat(vm(m).get("MostRecentTaskId").asText()).isEqualTo(start.header("x-ms-request-id"));
        });

        // and a machine's own change of properties leaves its service alone
        assertThat(send("PUT", vmUrl(machines.get(1)), "{\"Description\":\"web node\"}").status()).isEqualTo(204);
        assertThat(vm(machines.get(1)).get("ServiceId").asText()).isEqualTo(service);
    }

    private List<String> machinesOf(String service) {
        return jdbc.queryForList("SELECT id FROM virtual_machines WHERE service_id = ? ORDER BY name", UUID.class,
                UUID.fromString(service)).stream().map(UUID::toString).toList();
    }

    private void awaitServiceRunning(String service) {
        io.localpack.testsupport.Await.until("service " + service + " deployed",
                () -> get(vmm(FABRIKAM) + "/" + serviceKey(service, WEST_STAMP), "Accept", "application/json")
                        .json().get("DeploymentState").asText(),
                "Deployed"::equals);
    }
}
