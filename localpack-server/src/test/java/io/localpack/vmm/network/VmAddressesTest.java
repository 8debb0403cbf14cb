package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Addresses on adapters (spec 2.2, 3.8): a machine created on a VM network with a static IP address pool gets the
 * pool's next free address in IPv4Addresses, keeps it through stop and start, gives it back when deleted; an exhausted
 * pool fails the create job; machines created at once never share an address.
 */
class VmAddressesTest extends NetworkTestSupport {

    /** 13_vmm_library.sql: the east stamp's Windows template, granted to Fabrikam. */
    static final String EAST_WINDOWS_TEMPLATE = "b33fac58-7bb9-5e6e-99c3-4c671ccfd33f";

    @Test
    void aMachineGetsThePoolsNextFreeAddressKeepsItWhenStoppedAndGivesItBackWhenDeleted() throws Exception {
        List<Long> taken = jdbc.queryForList("SELECT address_value FROM ip_address_assignments WHERE pool_id = ?",
                Long.class, UUID.fromString(FABRIKAM_POOL));
        long expected = 167772171; // 10.0.0.11, the pool's first address
        while (taken.contains(expected)) {
            expected++;
        }
        String available = availableAddresses(FABRIKAM_POOL);

        String vm = createVm("addressed", "Fabrikam VM Network", true);
        JsonNode nic = adapterOf(vm);
        String address = Ipv4.format(expected);
        assertThat(nic.get("IPv4Addresses").get(0).asText()).isEqualTo(address);
        assertThat(nic.get("IPv4AddressType").asText()).isEqualTo("Static");
        assertThat(nic.get("VMSubnetId").asText()).isEqualTo(FABRIKAM_SUBNET);
        assertThat(nic.get("VMNetworkId").asText()).isEqualTo(FABRIKAM_NETWORK);
        assertThat(Long.parseLong(availableAddresses(FABRIKAM_POOL))).isEqualTo(Long.parseLong(available) - 1);

        operation(vm, "Stop");
        assertThat(adapterOf(vm).get("IPv4Addresses").get(0).asText()).isEqualTo(address);
        operation(vm, "Start");
        assertThat(adapterOf(vm).get("IPv4Addresses").get(0).asText()).isEqualTo(address);
        operation(vm, "Stop");

        Response deleted = send("DELETE", vmm(FABRIKAM) + "/VirtualMachines" + key(vm, EAST_STAMP), null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE vm_id = ?", Integer.class,
                UUID.fromString(vm))).isZero();
        assertThat(availableAddresses(FABRIKAM_POOL)).isEqualTo(available);
    }

    @Test
    void aNetworkWithoutPoolsLeavesTheAddressEmptyAndTheProvidersNetworkCanBeJoined() {
        String network = createNetwork("No pools");
        String vm = createVm("unaddressed", "No pools", false);
        JsonNode nic = adapterOf(vm);
        assertThat(nic.get("VMNetworkId").asText()).isEqualTo(network);
        assertThat(nic.get("IPv4Addresses")).isEmpty();
        String external = createVm("on external", "External", false);
        assertThat(adapterOf(external).get("VMNetworkId").asText()).isEqualTo(EXTERNAL_NETWORK);
    }

    @Test
    void anExhaustedPoolFailsTheCreateJobWithVmmsError() {
        String network = createNetwork("Tiny");
        String subnet = createSubnet(network, "Tiny subnet", "10.60.0.0/29");
        createPool(subnet, "One address", "10.60.0.0/29", "10.60.0.5", "10.60.0.5");
        String first = createVm("first", "Tiny", false);
        assertThat(adapterOf(first).get("IPv4Addresses").get(0).asText()).isEqualTo("10.60.0.5");

        Response second = send("POST", vmm(FABRIKAM) + "/VirtualMachines", vmBody("second", "Tiny", false),
                v3("Accept", JSON_ACCEPT));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("99201");
        assertThat(errorMessage(second)).contains("no free address");
        JsonNode job = awaitJob(second.header("x-ms-request-id"));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.get("ErrorInfo").get("Code").asText()).isEqualTo("IPAddressPoolExhausted");
        assertThat(job.get("ErrorInfo").get("ErrorCodeString").asText()).isEqualTo("99201");
        String failed = job.get("TargetObjectID").asText();
        madeIn("virtual_machines", failed);
        JsonNode machine = get(vmm(FABRIKAM) + "/VirtualMachines" + key(failed, EAST_STAMP), "Accept", JSON_ACCEPT)
                .json();
        assertThat(machine.get("Status").asText()).isEqualTo("CreationFailed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE vm_id = ?", Integer.class,
                UUID.fromString(failed))).isZero();
    }

    /** Eight creates at once (their jobs run on the engine's parallel workers) get eight different addresses. */
    @Test
    void machinesCreatedAtOnceNeverShareAnAddress() throws Exception {
        String network = createNetwork("Busy");
        String subnet = createSubnet(network, "Busy subnet", "10.70.0.0/28");
        createPool(subnet, "Ten addresses", "10.70.0.0/28", "10.70.0.2", "10.70.0.11");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "busy-" + i;
                answers.add(clients.submit(() -> send("POST", vmm(FABRIKAM) + "/VirtualMachines?RunAsynchronously=1",
                        vmBody(name, "Busy", false), "Accept", JSON_ACCEPT)));
            }
            List<String> jobs = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                madeIn("virtual_machines", response.json().get("ID").asText());
                jobs.add(response.header("x-ms-request-id"));
            }
            jobs.forEach(job -> assertThat(awaitJob(job).get("Status").asText()).isEqualTo("Completed"));
        } finally {
            clients.shutdownNow();
        }
        List<String> addresses = jdbc.queryForList("SELECT a.ipv4_addresses FROM virtual_network_adapters a"
                + " WHERE a.vm_network_id = ?", String.class, UUID.fromString(network));
        assertThat(addresses).hasSize(8).doesNotContainNull();
        Set<String> distinct = new HashSet<>(addresses);
        assertThat(distinct).hasSize(8);
        distinct.forEach(a -> assertThat(Ipv4.parse(a).getAsLong()).isBetween(Ipv4.parse("10.70.0.2").getAsLong(),
                Ipv4.parse("10.70.0.11").getAsLong()));
    }

    private String createVm(String name, String network, boolean start) {
        Response response = send("POST", vmm(FABRIKAM) + "/VirtualMachines", vmBody(name, network, start),
                v3("Accept", JSON_ACCEPT));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("ID").asText();
        madeIn("virtual_machines", id);
        assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        return id;
    }

    private static String vmBody(String name, String network, boolean start) {
        return """
                {"StampId":"%s","CloudId":"%s","Name":"%s","VMTemplateId":"%s","StartVM":%s,
                 "NewVirtualNetworkAdapterInput":[{"VMNetworkName":"%s"}]}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, name, EAST_WINDOWS_TEMPLATE, start, network);
    }

    private JsonNode adapterOf(String vm) {
        return get(vmm(FABRIKAM) + "/VirtualNetworkAdapters?$filter=VMId eq guid'" + vm + "'", "Accept", JSON_ACCEPT)
                .json().get("value").get(0);
    }

    private void operation(String vm, String verb) {
        Response response = send("PUT", vmm(FABRIKAM) + "/VirtualMachines" + key(vm, EAST_STAMP),
                "{\"Operation\":\"" + verb + "\"}", "Accept", JSON_ACCEPT);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
    }

    private String availableAddresses(String pool) {
        return get(vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP), "Accept", JSON_ACCEPT).json()
                .get("AvailableAddresses").asText();
    }
}
