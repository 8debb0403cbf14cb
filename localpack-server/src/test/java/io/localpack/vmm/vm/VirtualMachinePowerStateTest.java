package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.service.Service;
import io.localpack.vmm.service.ServiceRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the service life-cycle jobs do to machines, through {@link VirtualMachineRepository} and
 * {@link VirtualMachine#forNewService}, seen over HTTP. Each test works on services it creates, not on the fixtures.
 */
class VirtualMachinePowerStateTest extends HttpTestSupport {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);

    @Autowired
    VirtualMachineRepository machines;
    @Autowired
    ServiceRepository services;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void forNewServiceCreatesTheMachinesOfEachTier() {
        Service service = serviceWithMachines("Web Shop Test", "SQL-backed Website",
                VirtualMachineStates.UNDER_CREATION_STATE);
        JsonNode created = machinesOf(service.getId());
        assertThat(VirtualMachineReadTest.names(created)).containsExactly("Web Shop Test-Data01",
                "Web Shop Test-Web01", "Web Shop Test-Web02");
        JsonNode web02 = created.get("value").get(2);
        assertThat(web02.get("ComputerName").asText()).isEqualTo("WST-WEB02");
        assertThat(web02.get("Status").asText()).isEqualTo("UnderCreation");
        assertThat(web02.get("StatusString").asText()).contains("Creating");
        assertThat(web02.get("VirtualMachineState").asText()).isEqualTo("PowerOff");
        assertThat(web02.get("StampId").asText()).isEqualTo(WEST_STAMP);
        assertThat(web02.get("CloudId").asText()).isEqualTo(FABRIKAM_CLOUD);
        assertThat(web02.get("UpgradeDomain").asInt()).isEqualTo(1);
        assertThat(web02.get("CPUCount").asInt()).isEqualTo(2);
        assertThat(web02.get("Memory").asInt()).isEqualTo(4096);
        assertThat(web02.get("CreationTime").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(machines.findByServiceIdAndStampId(service.getId(), service.getStampId()))
                .allSatisfy(vm -> {
                    assertThat(vm.getSubscriptionId()).isEqualTo(UUID.fromString(FABRIKAM));
                    assertThat(vm.getDeploymentState()).isEqualTo("Deploying");
                });
        // Contoso does not see Fabrikam's new machines.
        assertThat(get(vmm(CONTOSO) + "/VirtualMachines?$filter=ServiceId eq guid'" + service.getId() + "'",
                "Accept", "application/json").json().get("value")).isEmpty();
    }

    @Test
    void setPowerStateChangesOnlyTheMachinesOfThatService() {
        Service stopping = serviceWithMachines("Power Test A", "Network Gateway", VirtualMachineStates.RUNNING_STATE);
        Service other = serviceWithMachines("Power Test B", "Network Gateway", VirtualMachineStates.RUNNING_STATE);
        List<String> fixtureMachinesBefore = fixtureMachineStates();
        OffsetDateTime later = NOW.plusMinutes(5);

        int changed = machines.setPowerState(stopping.getId(), stopping.getStampId(),
                VirtualMachineStates.POWERING_OFF, VirtualMachineStates.POWERING_OFF_TEXT,
                VirtualMachineStates.POWERING_OFF, later);
        assertThat(changed).isEqualTo(2);
        assertThat(machinesOf(stopping.getId()).get("value")).allSatisfy(vm -> {
            assertThat(vm.get("Status").asText()).isEqualTo("PoweringOff");
            assertThat(vm.get("StatusString").asText()).isEqualTo("Powering Off");
            assertThat(vm.get("ModifiedTime").asText()).isEqualTo("2024-05-06T07:13:09Z");
        });

        assertThat(machines.setPowerState(stopping.getId(), stopping.getStampId(),
                VirtualMachineStates.POWER_OFF_STATE, later)).isEqualTo(2);
        assertThat(machinesOf(stopping.getId()).get("value")).allSatisfy(vm -> {
            assertThat(vm.get("Status").asText()).isEqualTo("PowerOff");
            assertThat(vm.get("StatusString").asText()).isEqualTo("Power Off");
            assertThat(vm.get("VirtualMachineState").asText()).isEqualTo("PowerOff");
        });
        assertThat(machinesOf(other.getId()).get("value")).hasSize(2).allSatisfy(vm -> {
            assertThat(vm.get("Status").asText()).isEqualTo("Running");
            assertThat(vm.get("StatusString").asText()).isEqualTo("Running");
            assertThat(vm.get("ModifiedTime").asText()).isEqualTo("2024-05-06T07:08:09Z");
        });
        assertThat(fixtureMachineStates()).isEqualTo(fixtureMachinesBefore);
    }

    @Test
    void bulkUpdatesOfAServiceWithoutMachinesOrOnAnotherStampChangeNothing() {
        Service service = serviceWithMachines("Power Test C", "Network Gateway", VirtualMachineStates.RUNNING_STATE);
        UUID noMachines = UUID.fromString(createGateway("Power Test Empty"));
        machines.deleteByService(noMachines, UUID.fromString(WEST_STAMP));
        assertThat(machines.setPowerState(noMachines, service.getStampId(), VirtualMachineStates.POWER_OFF_STATE, NOW))
                .isZero();
        assertThat(machines.setPowerState(service.getId(), UUID.fromString(EAST_STAMP),
                VirtualMachineStates.POWER_OFF_STATE, NOW)).isZero();
        assertThat(machines.deleteByService(service.getId(), UUID.fromString(EAST_STAMP))).isZero();
        assertThat(machinesOf(service.getId()).get("value")).hasSize(2)
                .allSatisfy(vm -> assertThat(vm.get("Status").asText()).isEqualTo("Running"));
    }

    @Test
    void setJobsPointsTheMachinesAtTheJob() {
        Service service = serviceWithMachines("Job Test", "Network Gateway", VirtualMachineStates.RUNNING_STATE);
        UUID job = UUID.randomUUID();
        assertThat(machines.setJobs(service.getId(), service.getStampId(), job, job, NOW)).isEqualTo(2);
        assertThat(machinesOf(service.getId()).get("value")).allSatisfy(vm -> {
            assertThat(vm.get("MostRecentTaskId").asText()).isEqualTo(job.toString());
            assertThat(vm.get("FailedJobID").asText()).isEqualTo(job.toString());
        });
        assertThat(machines.setDeploymentState(service.getId(), service.getStampId(), "Deployed", NOW)).isEqualTo(2);
        assertThat(machines.findByServiceIdAndStampId(service.getId(), service.getStampId()))
                .allSatisfy(vm -> assertThat(vm.getDeploymentState()).isEqualTo("Deployed"));
    }

    @Test
    void machinesGoWithTheirService() {
        Service deletedByJob = serviceWithMachines("Delete Test A", "Network Gateway",
                VirtualMachineStates.POWER_OFF_STATE);
        Service deletedRow = serviceWithMachines("Delete Test B", "SQL-backed Website",
                VirtualMachineStates.POWER_OFF_STATE);

        assertThat(machines.deleteByService(deletedByJob.getId(), deletedByJob.getStampId())).isEqualTo(2);
        assertThat(machinesOf(deletedByJob.getId()).get("value")).isEmpty();
        assertThat(machinesOf(deletedRow.getId()).get("value")).hasSize(3);

        transaction.executeWithoutResult(status -> services.deleteById(deletedRow.key()));
        assertThat(machinesOf(deletedRow.getId()).get("value")).isEmpty();
    }

    /** A new Fabrikam gateway service with the machines {@code templateName}'s tiers deploy, saved in {@code state}. */
    private Service serviceWithMachines(String name, String templateName, VirtualMachineStates.PowerState state) {
        UUID id = UUID.fromString(createGateway(name));
        machines.deleteByService(id, UUID.fromString(WEST_STAMP)); // replace the deploy job's machines with known ones
        Service service = services.findById(new VmmKey(id, UUID.fromString(WEST_STAMP))).orElseThrow();
        machines.saveAll(VirtualMachine.forNewService(service, ComputerTierPlan.forTemplate(templateName), state,
                "Deploying", NOW));
        return service;
    }

    private JsonNode machinesOf(UUID serviceId) {
        Response response = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'" + serviceId
                + "'&$orderby=Name", "Accept", "application/json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private List<String> fixtureMachineStates() {
        return jdbc.queryForList("SELECT name, status, status_string, modified_time FROM virtual_machines"
                + " WHERE creation_time < TIMESTAMP WITH TIME ZONE '2015-01-01 00:00:00Z' ORDER BY id")
                .stream().map(String::valueOf).toList();
    }
}
