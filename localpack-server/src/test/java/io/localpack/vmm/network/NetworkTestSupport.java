package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * What the network tests share: the network fixtures (db/fixtures/13_vmm_networks.sql), helpers that create a
 * network, subnet and pool for Fabrikam on the east stamp the way the cmdlets do, and a clean-up that removes what a
 * test made (children first), so the fixtures stay as other tests expect them.
 */
abstract class NetworkTestSupport extends HttpTestSupport {

    /** East stamp: the logical network with network virtualization, and the one without. */
    static final String EAST_TENANT_LOGICAL = "b7e1c1a0-6f0b-4b7e-9a51-2c3d4e5f6a03";
    static final String EAST_EXTERNAL_LOGICAL = "b7e1c1a0-6f0b-4b7e-9a51-2c3d4e5f6a04";
    static final String WEST_TENANT_LOGICAL = "b7e1c1a0-6f0b-4b7e-9a51-2c3d4e5f6a01";
    static final String FABRIKAM_NETWORK = "8d1f3b2a-6c4e-4f70-9a12-3b4c5d6e7f81";
    static final String CONTOSO_NETWORK = "9e2a4c3b-7d5f-4081-8b23-4c5d6e7f8092";
    static final String EXTERNAL_NETWORK = "af6a7248-9d48-4149-917c-a6239e502a39";
    static final String FABRIKAM_SUBNET = "c1a5e7d0-1b2c-4d3e-8f40-5a6b7c8d9e01";
    static final String FABRIKAM_POOL = "d2b6f8e1-2c3d-4e5f-9a01-6b7c8d9e0f01";
    static final String FABRIKAM_GATEWAY = "e3c7a9f2-3d4e-4f60-8b12-7c8d9e0f1a01";
    static final String FABRIKAM_NAT = "f4d8b0a3-4e5f-4071-9c23-8d9e0f1a2b01";
    static final String FABRIKAM_RULE = "a5e9c1b4-5f60-4182-8d34-9e0f1a2b3c01";
    static final String JSON_ACCEPT = "application/json";

    private static final List<String> TABLES_CHILDREN_FIRST = List.of("nat_rules", "nat_connections",
            "vm_network_gateways", "virtual_machines", "static_ip_address_pools", "vm_subnets", "vm_networks");
    private final List<String[]> created = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() {
        for (String table : TABLES_CHILDREN_FIRST) {
            for (String[] row : created) {
                if (row[0].equals(table)) {
                    jdbc.update("DELETE FROM " + table + " WHERE id = ?", UUID.fromString(row[1]));
                }
            }
        }
        created.clear();
    }

    /** Removes the row after the test (for objects made other than by the helpers). */
    void madeIn(String table, String id) {
        created.add(new String[] {table, id});
    }

    String key(String id, String stamp) {
        return "(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    /** POST as a cmdlet would, in Fabrikam on the east stamp; returns the created entity after its job. */
    JsonNode post(String set, String table, String body) {
        Response response = send("POST", vmm(FABRIKAM) + "/" + set, body, v3("Accept", JSON_ACCEPT));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode entity = response.json();
        madeIn(table, entity.get("ID").asText());
        assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        return entity;
    }

    String createNetwork(String name) {
        return post("VMNetworks", "vm_networks", """
                {"Name":"%s","Description":"made by a test","LogicalNetworkId":"%s","StampId":"%s"}
                """.formatted(name, EAST_TENANT_LOGICAL, EAST_STAMP)).get("ID").asText();
    }

    String createSubnet(String networkId, String name, String cidr) {
        return post("VMSubnets", "vm_subnets", """
                {"StampId":"%s","Name":"%s","Subnet":"%s","VMNetworkId":"%s"}
                """.formatted(EAST_STAMP, name, cidr, networkId)).get("ID").asText();
    }

    String createPool(String subnetId, String name, String cidr, String start, String end) {
        return post("StaticIPAddressPools", "static_ip_address_pools", """
                {"StampId":"%s","Name":"%s","Subnet":"%s","VMSubnetId":"%s","IPAddressRangeStart":"%s",
                 "IPAddressRangeEnd":"%s","DefaultGatewayIPAddresses":[],"DNSServers":["10.9.9.9"],
                 "DNSSearchSuffixes":[]}
                """.formatted(EAST_STAMP, name, cidr, subnetId, start, end)).get("ID").asText();
    }

    /** The OData error code of a V4 or V3 error answer. */
    static String errorCode(Response response) {
        JsonNode json = response.json();
        JsonNode error = json.has("error") ? json.get("error") : json.get("odata.error");
        return error.get("code").asText();
    }

    static String errorMessage(Response response) {
        JsonNode json = response.json();
        JsonNode error = json.has("error") ? json.get("error") : json.get("odata.error");
        JsonNode message = error.get("message");
        return message.isObject() ? message.get("value").asText() : message.asText();
    }

    /** Every row of the network tables and the jobs count: equal snapshots mean a request changed nothing. */
    List<String> networkState() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("logical_networks", "vm_networks", "vm_subnets", "static_ip_address_pools",
                "ip_address_assignments", "vm_network_gateways", "nat_connections", "nat_rules",
                "virtual_network_adapters", "virtual_machines")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        rows.add("jobs " + jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class));
        return rows;
    }
}
