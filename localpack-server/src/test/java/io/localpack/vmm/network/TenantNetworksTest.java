package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LogicalNetworks, VMNetworks, VMSubnets and StaticIPAddressPools over HTTP in both dialects (spec 2.9, 3.8): reads
 * with grants and ownership, the cmdlet flow of creates, updates and deletes with their jobs, and VMM's refusals.
 */
class TenantNetworksTest extends NetworkTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void logicalNetworksAreTheGrantedOnes(String dialect) {
        JsonNode fabrikam = read(dialect, vmm(FABRIKAM) + "/LogicalNetworks").json().get("value");
        assertThat(fabrikam).hasSize(4);
        JsonNode contoso = read(dialect, vmm(CONTOSO) + "/LogicalNetworks?$filter=NetworkVirtualizationEnabled eq true")
                .json().get("value");
        assertThat(contoso).hasSize(2);
        assertThat(contoso.get(0).get("Name").asText()).isEqualTo("Tenant Networks");
        // Contoso is not granted the east stamp's External logical network: it reads like a missing one
        assertThat(read(dialect, vmm(CONTOSO) + "/LogicalNetworks" + key(EAST_EXTERNAL_LOGICAL, EAST_STAMP)).status())
                .isEqualTo(404);
        assertThat(read(dialect, vmm(FABRIKAM) + "/LogicalNetworks" + key(EAST_EXTERNAL_LOGICAL, EAST_STAMP)).json()
                .get("NetworkVirtualizationEnabled").asBoolean()).isFalse();
        assertThat(send("POST", vmm(FABRIKAM) + "/LogicalNetworks", "{\"Name\":\"x\"}", "Accept", JSON_ACCEPT)
                .status()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void vmNetworksAreTheTenantsOwnAndTheProvidersShared(String dialect) {
        JsonNode networks = read(dialect, vmm(FABRIKAM) + "/VMNetworks?$orderby=Name").json().get("value");
        List<String> names = new ArrayList<>();
        networks.forEach(n -> names.add(n.get("Name").asText() + "@" + n.get("StampId").asText()));
        assertThat(names).containsExactlyInAnyOrder("External@" + WEST_STAMP, "External@" + EAST_STAMP,
                "Fabrikam VM Network@" + EAST_STAMP, "VMNetwork@" + EAST_STAMP);
        JsonNode own = read(dialect, vmm(FABRIKAM) + "/VMNetworks" + key(FABRIKAM_NETWORK, EAST_STAMP)).json();
        assertThat(own.get("IsolationType").asText()).isEqualTo("WindowsNetworkVirtualization");
        assertThat(own.get("LogicalNetworkName").asText()).isEqualTo("Tenant Networks");
        assertThat(own.get("LogicalNetworkId").asText()).isEqualTo(EAST_TENANT_LOGICAL);
        assertThat(own.get("Owner").get("UserName").asText()).isEqualTo("tenant@fabrikam.com");
        // another tenant's network answers like a missing one
        assertThat(read(dialect, vmm(CONTOSO) + "/VMNetworks" + key(FABRIKAM_NETWORK, EAST_STAMP)).status())
                .isEqualTo(404);
        assertThat(read(dialect, vmm(CONTOSO) + "/VMNetworks?$filter=Name eq 'Fabrikam VM Network'").json()
                .get("value")).isEmpty();
    }

    /** WTPA's New-WAPVMNetwork, then a rename (Set-SCVMNetwork), then Remove, each a job; V3 as WTPA speaks it. */
    @Test
    void aNetworkIsCreatedRenamedAndDeletedThroughJobs() {
        Response created = send("POST", vmm(FABRIKAM) + "/VMNetworks", """
                {"Name":"Web tier","Description":"front end","LogicalNetworkId":"%s","StampId":"%s"}
                """.formatted(EAST_TENANT_LOGICAL, EAST_STAMP), v3("Accept", JSON_ACCEPT,
                "x-ms-principal-id", "admin@fabrikam.example"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        madeIn("vm_networks", id);
        assertThat(created.header("Location")).contains("VMNetworks(ID=guid'" + id);
        assertThat(created.json().get("IsolationType").asText()).isEqualTo("WindowsNetworkVirtualization");
        assertThat(created.json().get("Owner").get("UserName").asText()).isEqualTo("admin@fabrikam.example");
        JsonNode job = awaitJob(created.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Create VM network");
        assertThat(job.get("CmdletName").asText()).isEqualTo("New-SCVMNetwork");
        assertThat(job.get("TargetObjectID").asText()).isEqualTo(id);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");

        Response renamed = send("PUT", vmm(FABRIKAM) + "/VMNetworks" + key(id, EAST_STAMP), """
                {"ID":"%s","StampId":"%s","Name":"Web","Description":"front end, renamed","IsolationType":null,
                 "Owner":null,"LogicalNetworkName":"ignored"}
                """.formatted(id, EAST_STAMP), v3("Accept", JSON_ACCEPT, "Prefer", "return-content"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("Name").asText()).isEqualTo("Web");
        assertThat(renamed.json().get("Description").asText()).isEqualTo("front end, renamed");
        assertThat(awaitJob(renamed.header("x-ms-request-id")).get("Name").asText())
                .isEqualTo("Change properties of VM network");

        Response deleted = send("DELETE", vmm(FABRIKAM) + "/VMNetworks" + key(id, EAST_STAMP) + "?RunAsynchronously=0",
                null, v3());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(awaitJob(deleted.header("x-ms-request-id")).get("Name").asText()).isEqualTo("Remove VM network");
        assertThat(get(vmm(FABRIKAM) + "/VMNetworks" + key(id, EAST_STAMP), "Accept", JSON_ACCEPT).status())
                .isEqualTo(404);
    }

    /** New-WAPackVMSubnet and the cmdlet's read with the double space of its filter, in V3 and V4. */
    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void subnetsAreCreatedReadWithTheCmdletsFilterAndDeleted(String dialect) {
        String network = createNetwork("Subnets " + dialect);
        String subnet = createSubnet(network, "Front", "192.168.10.0/24");
        createSubnet(network, "Back", "192.168.11.0/25");
        String filter = "$filter=StampId eq guid'" + EAST_STAMP + "' and VMNetworkId  eq guid'" + network + "'";
        JsonNode subnets = read(dialect, vmm(FABRIKAM) + "/VMSubnets?" + filter.replace(" ", "%20")).json()
                .get("value");
        assertThat(subnets).hasSize(2);
        JsonNode plus = read(dialect, vmm(FABRIKAM) + "/VMSubnets()?" + filter.replace(" ", "+") + "&$orderby=Name")
                .json().get("value");
        assertThat(plus.get(0).get("Name").asText()).isEqualTo("Back");
        assertThat(plus.get(0).get("Subnet").asText()).isEqualTo("192.168.11.0/25");
        assertThat(plus.get(1).get("VMNetworkName").asText()).isEqualTo("Subnets " + dialect);
        // Contoso sees none of them
        assertThat(read(dialect, vmm(CONTOSO) + "/VMSubnets?" + filter.replace(" ", "%20")).json().get("value"))
                .isEmpty();
        Response deleted = send("DELETE", vmm(FABRIKAM) + "/VMSubnets" + key(subnet, EAST_STAMP), null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(read(dialect, vmm(FABRIKAM) + "/VMSubnets?" + filter.replace(" ", "%20")).json().get("value"))
                .hasSize(1);
    }

    @Test
    void anOverlappingSubnetOfTheSameNetworkIsRefusedAnotherNetworksIsNot() {
        String network = createNetwork("Overlaps");
        createSubnet(network, "A", "172.16.0.0/16");
        List<String> before = networkState();
        Response overlapping = send("POST", vmm(FABRIKAM) + "/VMSubnets", """
                {"StampId":"%s","Name":"B","Subnet":"172.16.128.0/24","VMNetworkId":"%s"}
                """.formatted(EAST_STAMP, network), "Accept", JSON_ACCEPT);
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(errorMessage(overlapping)).contains("overlaps subnet 172.16.0.0/16");
        assertThat(networkState()).isEqualTo(before);
        // networks are isolated: the same addresses in another network are fine
        String other = createNetwork("Overlaps too");
        createSubnet(other, "A", "172.16.0.0/16");
    }

    /** New-WAPackStaticIPAddressPool, WTPA's partial PUT, and AvailableAddresses as a Decimal. */
    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void poolsAreCreatedChangedAndDeleted(String dialect) {
        String network = createNetwork("Pools " + dialect);
        String subnet = createSubnet(network, "Pool subnet", "10.50.0.0/24");
        String pool = createPool(subnet, "Pool", "10.50.0.0/24", "10.50.0.20", "10.50.0.29");
        JsonNode read = read(dialect, vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP)).json();
        assertThat(read.get("IPAddressRangeStart").asText()).isEqualTo("10.50.0.20");
        assertThat(read.get("Subnet").asText()).isEqualTo("10.50.0.0/24");
        assertThat(read.get("DNSServers").get(0).asText()).isEqualTo("10.9.9.9");
        // the network is network-virtualized: the first host address became the default gateway, outside the range
        assertThat(read.get("DefaultGatewayIPAddresses").get(0).asText()).isEqualTo("10.50.0.1");
        assertThat(read.get("AvailableAddresses").asText()).isEqualTo("10");
        assertThat(read.get("AddressFamily").asText()).isEqualTo("InterNetwork");
        JsonNode bySubnet = read(dialect, vmm(FABRIKAM) + "/StaticIPAddressPools?$filter=VMSubnetId  eq guid'" + subnet
                + "'").json().get("value");
        assertThat(bySubnet).hasSize(1);

        Response changed = send("PUT", vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP), """
                {"Name":"Pool renamed","Description":"d","DNSServers":["10.9.9.8","10.9.9.7"],"DNSSuffix":"corp",
                 "DNSSearchSuffixes":["corp"],"EnableNetBIOS":true,"WINSServers":[],
                 "IPAddressReservedSet":"10.50.0.20-10.50.0.21,10.50.0.25"}
                """, "Accept", JSON_ACCEPT);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        awaitJob(changed.header("x-ms-request-id"));
        JsonNode after = read(dialect, vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP)).json();
        assertThat(after.get("Name").asText()).isEqualTo("Pool renamed");
        assertThat(after.get("DNSServers")).hasSize(2);
        assertThat(after.get("EnableNetBIOS").asBoolean()).isTrue();
        assertThat(after.get("AvailableAddresses").asText()).isEqualTo("7");
        assertThat(after.get("IPAddressRangeEnd").asText()).isEqualTo("10.50.0.29");

        assertThat(send("DELETE", vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP), null).status())
                .isEqualTo(204);
        assertThat(read(dialect, vmm(FABRIKAM) + "/StaticIPAddressPools" + key(pool, EAST_STAMP)).status())
                .isEqualTo(404);
    }

    /** The delete order clients use (pools, subnets, network): anything earlier is refused and changes nothing. */
    @Test
    void deletesAreRefusedWhileSomethingUsesTheObject() {
        List<String> before = networkState();
        Response network = send("DELETE", vmm(FABRIKAM) + "/VMNetworks" + key(FABRIKAM_NETWORK, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(network.status()).isEqualTo(409);
        assertThat(errorCode(network)).isEqualTo("ObjectInUse");
        assertThat(errorMessage(network)).contains("virtual network adapter");
        Response subnet = send("DELETE", vmm(FABRIKAM) + "/VMSubnets" + key(FABRIKAM_SUBNET, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(subnet.status()).isEqualTo(409);
        assertThat(errorMessage(subnet)).contains("static IP address pool");
        Response pool = send("DELETE", vmm(FABRIKAM) + "/StaticIPAddressPools" + key(FABRIKAM_POOL, EAST_STAMP),
                null, v3("Accept", JSON_ACCEPT));
        assertThat(pool.status()).isEqualTo(409);
        assertThat(errorMessage(pool)).contains("handed out 4 address(es)");
        Response provider = send("DELETE", vmm(FABRIKAM) + "/VMNetworks" + key(EXTERNAL_NETWORK, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(provider.status()).isEqualTo(400);
        assertThat(errorMessage(provider)).contains("provider's");
        Response others = send("DELETE", vmm(CONTOSO) + "/VMNetworks" + key(FABRIKAM_NETWORK, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(others.status()).isEqualTo(404);
        assertThat(networkState()).isEqualTo(before);
    }

    private Response read(String dialect, String url) {
        return dialect.equals("V4") ? get(url, "Accept", JSON_ACCEPT) : get(url, v3("Accept", JSON_ACCEPT));
    }
}
