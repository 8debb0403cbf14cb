package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The NAT chain as Cloudbreak and Sirocco walk it (spec 3.8): the adapter's network, its gateway, the gateway's NAT
 * connection, the connection's rules; POST NATRules answers 201 with the rule and its ExternalIPAddress, a taken
 * external port is refused, DELETE answers 204.
 */
class NatTest extends NetworkTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void theClientsWalkFromTheNetworkToTheRules(String dialect) {
        JsonNode gateways = read(dialect, vmm(FABRIKAM) + "/VMNetworks" + key(FABRIKAM_NETWORK, EAST_STAMP)
                + "/VMNetworkGateways").json().get("value");
        assertThat(gateways).hasSize(1);
        assertThat(gateways.get(0).get("ID").asText()).isEqualTo(FABRIKAM_GATEWAY);
        JsonNode byFilter = read(dialect, vmm(FABRIKAM) + "/VMNetworkGateways()?$filter=VMNetworkId eq guid'"
                + FABRIKAM_NETWORK + "' and StampId eq guid'" + EAST_STAMP + "'").json().get("value");
        assertThat(byFilter).hasSize(1);
        JsonNode connections = read(dialect, vmm(FABRIKAM) + "/VMNetworkGateways" + key(FABRIKAM_GATEWAY, EAST_STAMP)
                + "/NATConnections").json().get("value");
        assertThat(connections.get(0).get("ExternalIPAddress").asText()).isEqualTo("198.51.100.10");
        JsonNode ports = read(dialect, vmm(FABRIKAM) + "/NATConnections" + key(FABRIKAM_NAT, EAST_STAMP)
                + "/Rules?$select=ExternalPort").json().get("value");
        assertThat(ports.get(0).get("ExternalPort").asInt()).isEqualTo(3389);
        JsonNode tcp = read(dialect, vmm(FABRIKAM) + "/NATRules?$filter=Protocol eq 'TCP' and ExternalPort eq 3389")
                .json().get("value");
        assertThat(tcp.get(0).get("InternalIPAddress").asText()).isEqualTo("10.0.0.11");
        // Contoso sees none of it
        assertThat(read(dialect, vmm(CONTOSO) + "/NATRules").json().get("value")).isEmpty();
        assertThat(read(dialect, vmm(CONTOSO) + "/NATConnections" + key(FABRIKAM_NAT, EAST_STAMP)).status())
                .isEqualTo(404);
    }

    /** Cloudbreak's rule: POST answers 201 with ID and ExternalIPAddress; the same port again is refused. */
    @Test
    void aRuleIsAddedOnAFreePortAndRemoved() {
        Response created = send("POST", vmm(FABRIKAM) + "/NATRules", """
                {"StampId":"%s","NATConnectionId":"%s","Name":"ssh","Protocol":"TCP","ExternalPort":20000,
                 "InternalIPAddress":"10.0.0.13","InternalPort":22}
                """.formatted(EAST_STAMP, FABRIKAM_NAT), v3("Accept", JSON_ACCEPT));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        madeIn("nat_rules", id);
        assertThat(created.json().get("ExternalIPAddress").asText()).isEqualTo("198.51.100.10");
        JsonNode job = awaitJob(created.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Create NAT rule");
        assertThat(job.get("Status").asText()).isEqualTo("Completed");

        List<String> before = networkState();
        Response taken = send("POST", vmm(FABRIKAM) + "/NATRules", """
                {"StampId":"%s","NATConnectionId":"%s","Name":"ssh again","ExternalPort":20000,
                 "InternalIPAddress":"10.0.0.14","InternalPort":22}
                """.formatted(EAST_STAMP, FABRIKAM_NAT), "Accept", JSON_ACCEPT);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(errorCode(taken)).isEqualTo("ExternalPortInUse");
        assertThat(errorMessage(taken)).contains("10.0.0.13:22");
        assertThat(networkState()).isEqualTo(before);
        // the same port number over UDP is another forwarding
        Response udp = send("POST", vmm(FABRIKAM) + "/NATRules", """
                {"StampId":"%s","NATConnectionId":"%s","Name":"dns","Protocol":"udp","ExternalPort":20000,
                 "InternalIPAddress":"10.0.0.14","InternalPort":53}
                """.formatted(EAST_STAMP, FABRIKAM_NAT), "Accept", JSON_ACCEPT);
        assertThat(udp.status()).as(udp.body()).isEqualTo(201);
        madeIn("nat_rules", udp.json().get("ID").asText());
        assertThat(udp.json().get("Protocol").asText()).isEqualTo("UDP");

        Response deleted = send("DELETE", vmm(FABRIKAM) + "/NATRules" + key(id, EAST_STAMP), null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(get(vmm(FABRIKAM) + "/NATRules" + key(id, EAST_STAMP), "Accept", JSON_ACCEPT).status())
                .isEqualTo(404);
    }

    /** DAS's chain on a new network: gateway, NAT connection (next external address), rule; then down again. */
    @Test
    void aGatewayAndANatConnectionAreAddedAndRemovedInOrder() {
        String network = createNetwork("Natted");
        createSubnet(network, "Natted subnet", "10.80.0.0/24");
        JsonNode gateway = post("VMNetworkGateways", "vm_network_gateways", """
                {"StampId":"%s","VMNetworkId":"%s","Name":"Natted gateway","RequiresNAT":true}
                """.formatted(EAST_STAMP, network));
        String gatewayId = gateway.get("ID").asText();
        assertThat(gateway.get("VMNetworkId").asText()).isEqualTo(network);
        Response second = send("POST", vmm(FABRIKAM) + "/VMNetworkGateways", """
                {"StampId":"%s","VMNetworkId":"%s","Name":"another"}
                """.formatted(EAST_STAMP, network), "Accept", JSON_ACCEPT);
        assertThat(second.status()).isEqualTo(409);

        JsonNode connection = post("NATConnections", "nat_connections", """
                {"StampId":"%s","VMNetworkGatewayId":"%s","Name":"Natted NAT"}
                """.formatted(EAST_STAMP, gatewayId));
        String connectionId = connection.get("ID").asText();
        // the fixture's connection holds 198.51.100.10: this one gets the next address of the range
        assertThat(connection.get("ExternalIPAddress").asText()).isEqualTo("198.51.100.11");
        JsonNode rule = post("NATRules", "nat_rules", """
                {"StampId":"%s","NATConnectionId":"%s","Name":"web","ExternalPort":80,"InternalIPAddress":"10.80.0.4",
                 "InternalPort":8080}
                """.formatted(EAST_STAMP, connectionId));
        assertThat(rule.get("ExternalIPAddress").asText()).isEqualTo("198.51.100.11");

        Response connectionInUse = send("DELETE", vmm(FABRIKAM) + "/NATConnections" + key(connectionId, EAST_STAMP),
                null, "Accept", JSON_ACCEPT);
        assertThat(connectionInUse.status()).isEqualTo(409);
        Response gatewayInUse = send("DELETE", vmm(FABRIKAM) + "/VMNetworkGateways" + key(gatewayId, EAST_STAMP),
                null, "Accept", JSON_ACCEPT);
        assertThat(gatewayInUse.status()).isEqualTo(409);
        Response networkInUse = send("DELETE", vmm(FABRIKAM) + "/VMNetworks" + key(network, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(networkInUse.status()).isEqualTo(409);
        assertThat(errorMessage(networkInUse)).contains("gateway");

        for (String path : List.of("/NATRules" + key(rule.get("ID").asText(), EAST_STAMP),
                "/NATConnections" + key(connectionId, EAST_STAMP), "/VMNetworkGateways" + key(gatewayId, EAST_STAMP))) {
            Response deleted = send("DELETE", vmm(FABRIKAM) + path, null);
            assertThat(deleted.status()).as(path + " " + deleted.body()).isEqualTo(204);
            assertThat(awaitJob(deleted.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        }
    }

    private Response read(String dialect, String url) {
        return dialect.equals("V4") ? get(url, "Accept", JSON_ACCEPT) : get(url, v3("Accept", JSON_ACCEPT));
    }
}
