package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Network writes are VMM jobs like the others: x-ms-request-id, RunAsynchronously with the timing modes, fault rules
 * (a failed create leaves nothing, a failed delete keeps the object), the request journal, and snapshot/restore of a
 * subscription's networks.
 */
class NetworkJobsTest extends NetworkTestSupport {

    @AfterEach
    void clearTimingAndFaults() {
        send("DELETE", base + "/_localpack/timing/vmm.network.vmnetwork.create", null);
        JsonNode faults = get(base + "/_localpack/faults").json();
        faults.forEach(f -> send("DELETE", base + "/_localpack/faults/" + f.get("id").asText(), null));
    }

    @Test
    void anAsynchronousCreateAnswersAtOnceAndItsJobFollowsTheClientsPolls() {
        assertThat(send("PUT", base + "/_localpack/timing/vmm.network.vmnetwork.create",
                "{\"mode\":\"polls\",\"polls\":2}").status()).isEqualTo(200);
        Response created = send("POST", vmm(FABRIKAM) + "/VMNetworks?RunAsynchronously=1", """
                {"Name":"Async","LogicalNetworkId":"%s","StampId":"%s"}
                """.formatted(EAST_TENANT_LOGICAL, EAST_STAMP), v3("Accept", JSON_ACCEPT));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        madeIn("vm_networks", created.json().get("ID").asText());
        String jobId = created.header("x-ms-request-id");
        JsonNode running = get(vmm(FABRIKAM) + "/Jobs?$filter=ID eq guid'" + jobId + "'", "Accept", JSON_ACCEPT)
                .json().get("value").get(0);
        assertThat(running.get("IsCompleted").asBoolean()).isFalse();
        assertThat(awaitJob(jobId).get("Status").asText()).isEqualTo("Completed");
        assertThat(get(base + "/_localpack/journal?path=/VMNetworks&method=POST").body()).contains("Async");
    }

    @Test
    void aFailedCreateJobLeavesNothingBehind() {
        String network = createNetwork("Faulty");
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.network.vmsubnet.create","errorCode":13201,"message":"Injected subnet failure",
                 "times":"once"}""").status()).isEqualTo(201);
        Response failed = send("POST", vmm(FABRIKAM) + "/VMSubnets", """
                {"StampId":"%s","Name":"Doomed","Subnet":"10.90.0.0/24","VMNetworkId":"%s"}
                """.formatted(EAST_STAMP, network), "Accept", JSON_ACCEPT);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(errorCode(failed)).isEqualTo("13201");
        assertThat(awaitJob(failed.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Failed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_subnets WHERE name = 'Doomed'", Integer.class))
                .isZero();
    }

    @Test
    void aFailedDeleteJobKeepsTheObject() {
        String network = createNetwork("Sticky");
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.network.*","targetObjectId":"%s","errorCode":13202,"message":"Injected",
                 "times":"once"}""".formatted(network)).status()).isEqualTo(201);
        Response failed = send("DELETE", vmm(FABRIKAM) + "/VMNetworks" + key(network, EAST_STAMP), null,
                "Accept", JSON_ACCEPT);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(get(vmm(FABRIKAM) + "/VMNetworks" + key(network, EAST_STAMP), "Accept", JSON_ACCEPT).status())
                .isEqualTo(200);
    }

    @Test
    void aSubscriptionsSnapshotHoldsItsNetworksAndRestoresThem() {
        String kept = createNetwork("In the snapshot");
        Response snapshot = get(base + "/_localpack/snapshot?subscription=" + FABRIKAM);
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.body()).contains("INSERT INTO vm_networks").contains("In the snapshot")
                .contains("INSERT INTO ip_address_assignments").contains("INSERT INTO nat_rules")
                .contains("INSERT INTO subscription_logical_networks");
        String later = createNetwork("After the snapshot");
        List<String> rules = jdbc.queryForList("SELECT name FROM nat_rules", String.class);

        Response restored = send("POST", base + "/_localpack/restore", snapshot.body(), "Content-Type",
                "application/sql");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(get(vmm(FABRIKAM) + "/VMNetworks" + key(later, EAST_STAMP), "Accept", JSON_ACCEPT).status())
                .isEqualTo(404);
        assertThat(get(vmm(FABRIKAM) + "/VMNetworks" + key(kept, EAST_STAMP), "Accept", JSON_ACCEPT).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT name FROM nat_rules", String.class)).isEqualTo(rules);
    }
}
