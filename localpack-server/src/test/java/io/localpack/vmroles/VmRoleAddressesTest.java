package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A VM Role's machines get addresses from the static IP address pools of the network they join, as stand-alone
 * machines do: handed out by the create and scale-out jobs, given back by scale-in and deletes; an exhausted pool
 * fails the job and the role; two roles scaling at once never share an address.
 */
class VmRoleAddressesTest extends VmRoleApiSupport {

    private final List<String[]> made = new ArrayList<>();

    /** Children first; the roles' machines are gone by then (their cloud services were deleted). */
    @AfterEach
    void removeNetworks() {
        for (String table : List.of("static_ip_address_pools", "vm_subnets", "vm_networks")) {
            for (String[] row : made) {
                if (row[0].equals(table)) {
                    jdbc.update("DELETE FROM " + table + " WHERE id = ?", UUID.fromString(row[1]));
                }
            }
        }
        made.clear();
    }

    @Test
    void roleMachinesTakePoolAddressesAndGiveThemBack() {
        String pool = network("RoleNet", "10.80.0.0/24", "10.80.0.10", "10.80.0.20");
        assertThat(available(pool)).isEqualTo(11);
        String roles = roles(FABRIKAM, "csAddr");
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csAddr"));
        Response created = call("POST", roles, roleBody("addr", windowsDefinition(FABRIKAM), onNetwork("ADDR##",
                "RoleNet")));
        assertThat(awaitJobOf(FABRIKAM, created).get("Status").asText()).isEqualTo("Completed");

        JsonNode vm = call("GET", roles + "/addr/VMs", null).json().at("/value/0");
        JsonNode connect = vm.at("/ConnectToAddresses/0");
        assertThat(connect.get("IPAddress").asText()).isEqualTo("10.80.0.10");
        assertThat(connect.get("NetworkName").asText()).isEqualTo("RoleNet");
        assertThat(connect.get("Port").asInt()).isEqualTo(3389);
        JsonNode adapter = get(vmm(FABRIKAM) + "/VirtualNetworkAdapters?$filter=VMId eq guid'" + vm.get("Id").asText()
                + "'", "Accept", "application/json").json().at("/value/0");
        assertThat(adapter.at("/IPv4Addresses/0").asText()).isEqualTo("10.80.0.10");
        assertThat(adapter.get("IPv4AddressType").asText()).isEqualTo("Static");
        assertThat(available(pool)).isEqualTo(10);

        awaitJobOf(FABRIKAM, call("POST", roles + "/addr/Scale", "{\"InstanceCount\":3}"));
        assertThat(addresses(roles + "/addr/VMs")).containsExactly("10.80.0.10", "10.80.0.11", "10.80.0.12");
        assertThat(available(pool)).isEqualTo(8);

        // scaling in gives the removed machine's address back, and the next machine takes the lowest free one
        awaitJobOf(FABRIKAM, call("POST", roles + "/addr/Scale", "{\"InstanceCount\":2}"));
        assertThat(addresses(roles + "/addr/VMs")).containsExactly("10.80.0.10", "10.80.0.11");
        assertThat(available(pool)).isEqualTo(9);
        awaitJobOf(FABRIKAM, call("POST", roles + "/addr/Scale", "{\"InstanceCount\":3}"));
        assertThat(addresses(roles + "/addr/VMs")).containsExactly("10.80.0.10", "10.80.0.11", "10.80.0.12");

        // deleting the role, then a cloud service with another role, empties the pool
        awaitJobOf(FABRIKAM, call("DELETE", roles + "/addr", null));
        assertThat(available(pool)).isEqualTo(11);
        awaitJobOf(FABRIKAM, call("POST", roles, roleBody("addr2", windowsDefinition(FABRIKAM),
                onNetwork("ADDRB##", "RoleNet"))));
        assertThat(available(pool)).isEqualTo(10);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csAddr", null));
        assertThat(available(pool)).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE pool_id = ?",
                Integer.class, UUID.fromString(pool))).isZero();
    }

    @Test
    void anExhaustedPoolFailsTheScaleAndTheRoleNamesIt() {
        String pool = network("TinyRoleNet", "10.81.0.0/29", "10.81.0.5", "10.81.0.5");
        String roles = roles(FABRIKAM, "csTiny");
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csTiny"));
        awaitJobOf(FABRIKAM, call("POST", roles, roleBody("tiny", windowsDefinition(FABRIKAM), onNetwork("TINY##",
                "TinyRoleNet"))));
        assertThat(addresses(roles + "/tiny/VMs")).containsExactly("10.81.0.5");
        assertThat(available(pool)).isZero();

        JsonNode job = awaitJobOf(FABRIKAM, call("POST", roles + "/tiny/Scale", "{\"InstanceCount\":2}"));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.at("/ErrorInfo/Code").asText()).isEqualTo("IPAddressPoolExhausted");
        JsonNode role = call("GET", roles + "/tiny", null).json();
        assertThat(role.get("ProvisioningState").asText()).isEqualTo("Failed");
        JsonNode message = role.at("/Substate/VMRoleMessages/0");
        assertThat(message.get("MessageQualifier").asText()).isEqualTo("Error");
        assertThat(message.get("Message").asText()).contains("'TinyRoleNet'").contains("no free address");
        List<String> states = new ArrayList<>();
        call("GET", roles + "/tiny/VMs", null).json().get("value").forEach(vm -> states.add(
                vm.get("RuntimeState").asText()));
        assertThat(states).containsExactlyInAnyOrder("Running", "CreationFailed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE pool_id = ?",
                Integer.class, UUID.fromString(pool))).isEqualTo(1);

        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csTiny", null));
        assertThat(available(pool)).isEqualTo(1);
    }

    @Test
    void rolesScalingAtOnceNeverShareAnAddress() throws Exception {
        String pool = network("BusyRoleNet", "10.82.0.0/24", "10.82.0.2", "10.82.0.11");
        List<String> services = List.of("csBusyA", "csBusyB");
        for (String service : services) {
            awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, service));
            awaitJobOf(FABRIKAM, call("POST", roles(FABRIKAM, service), roleBody("busy",
                    windowsDefinition(FABRIKAM), onNetwork(service.substring(2).toUpperCase() + "##", "BusyRoleNet"))));
        }
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String service : services) {
                answers.add(clients.submit(() -> call("POST", roles(FABRIKAM, service) + "/busy/Scale",
                        "{\"InstanceCount\":5}")));
            }
            for (Future<Response> answer : answers) {
                assertThat(awaitJobOf(FABRIKAM, answer.get()).get("Status").asText()).isEqualTo("Completed");
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> all = new ArrayList<>();
        for (String service : services) {
            all.addAll(addresses(roles(FABRIKAM, service) + "/busy/VMs"));
        }
        assertThat(all).hasSize(10).doesNotContainNull();
        assertThat(new HashSet<>(all)).hasSize(10);
        assertThat(available(pool)).isZero();
        for (String service : services) {
            awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/" + service, null));
        }
        assertThat(available(pool)).isEqualTo(10);
    }

    /** The Windows item's parameters with the machines on {@code network}. */
    private static String onNetwork(String pattern, String network) {
        return windowsParameters("Small", pattern).replace("\\\"VMNetwork\\\"", "\\\"" + network + "\\\"");
    }

    /** A VM network of Fabrikam on the east stamp with one subnet and one pool; returns the pool's id. */
    private String network(String name, String cidr, String first, String last) {
        String network = post("VMNetworks", "vm_networks", """
                {"Name":"%s","LogicalNetworkId":"b7e1c1a0-6f0b-4b7e-9a51-2c3d4e5f6a03","StampId":"%s"}
                """.formatted(name, EAST_STAMP));
        String subnet = post("VMSubnets", "vm_subnets", """
                {"StampId":"%s","Name":"%s subnet","Subnet":"%s","VMNetworkId":"%s"}
                """.formatted(EAST_STAMP, name, cidr, network));
        return post("StaticIPAddressPools", "static_ip_address_pools", """
                {"StampId":"%s","Name":"%s pool","Subnet":"%s","VMSubnetId":"%s","IPAddressRangeStart":"%s",
                 "IPAddressRangeEnd":"%s","DefaultGatewayIPAddresses":[],"DNSServers":[],"DNSSearchSuffixes":[]}
                """.formatted(EAST_STAMP, name, cidr, subnet, first, last));
    }

    private String post(String set, String table, String body) {
        Response response = send("POST", vmm(FABRIKAM) + "/" + set, body, v3("Accept", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("ID").asText();
        made.add(new String[] {table, id});
        assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        return id;
    }

    private long available(String pool) {
        return get(vmm(FABRIKAM) + "/StaticIPAddressPools(ID=guid'" + pool + "',StampId=guid'" + EAST_STAMP + "')",
                "Accept", "application/json").json().get("AvailableAddresses").asLong();
    }

    /** The first address of each machine of the role, in the order the role lists them. */
    private List<String> addresses(String vmsUrl) {
        List<String> addresses = new ArrayList<>();
        call("GET", vmsUrl, null).json().get("value").forEach(vm -> addresses.add(
                vm.at("/ConnectToAddresses/0/IPAddress").isMissingNode() ? null
                        : vm.at("/ConnectToAddresses/0/IPAddress").asText()));
        return addresses;
    }
}
