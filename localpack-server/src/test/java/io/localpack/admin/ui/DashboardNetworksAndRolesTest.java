package io.localpack.admin.ui;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_ID;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's network and VM Role kinds and its Repair control without a browser (shared server): lists
 * filtered in the database, pages showing the API's own representation, tenant isolation, and controls that go
 * through the API's own code, land in the journal, and change nothing when the API refuses them.
 */
class DashboardNetworksAndRolesTest extends DashboardTestSupport {

    private static final String FABRIKAM_NETWORK = "8d1f3b2a-6c4e-4f70-9a12-3b4c5d6e7f81";
    private static final String CONTOSO_NETWORK = "9e2a4c3b-7d5f-4081-8b23-4c5d6e7f8092";
    private static final String PROVIDER_EXTERNAL = "af6a7248-9d48-4149-917c-a6239e502a39";

    @AfterEach
    void leaveFabrikamAsFound() {
        send("DELETE", base + "/_localpack/faults", null);
        assertThat(send("POST", base + "/_localpack/reset/" + FABRIKAM, null).status()).isEqualTo(200);
    }

    @Test
    void vmNetworksAreTheTenantsOwnAndTheProvidersGrantedOnesWithTheApisRepresentation() {
        assertThat(ui("/kinds").json().findValuesAsText("key")).contains("vm-networks", "logical-networks",
                "vmrole-cloud-services", "vm-roles");
        JsonNode fabrikam = ui("/resources/vm-networks?subscription=" + FABRIKAM).json();
        Integer visible = jdbc.queryForObject("SELECT COUNT(*) FROM vm_networks n WHERE n.subscription_id = ?"
                + " OR (n.subscription_id IS NULL AND EXISTS (SELECT 1 FROM subscription_vm_networks g WHERE"
                + " g.subscription_id = ? AND g.vm_network_id = n.id AND g.stamp_id = n.stamp_id))", Integer.class,
                FABRIKAM_ID, FABRIKAM_ID);
        assertThat(fabrikam.path("rows")).hasSize(visible);
        List<String> ids = fabrikam.path("rows").findValuesAsText("id");
        assertThat(ids).contains(FABRIKAM_NETWORK + ":" + EAST_STAMP, PROVIDER_EXTERNAL + ":" + WEST_STAMP,
                PROVIDER_EXTERNAL + ":" + EAST_STAMP).noneMatch(id -> id.startsWith(CONTOSO_NETWORK));
        assertThat(fabrikam.path("rows").findValuesAsText("name")).isSorted();
        assertThat(ui("/resources/vm-networks?subscription=" + FABRIKAM + "&q=fabrikam").json().path("rows")
                .findValuesAsText("name")).containsExactly("Fabrikam VM Network");

        JsonNode page = ui("/resources/vm-networks/" + FABRIKAM + "/" + FABRIKAM_NETWORK + ":" + EAST_STAMP).json();
        assertThat(page.path("name").asText()).isEqualTo("Fabrikam VM Network");
        JsonNode own = get(vmm(FABRIKAM) + "/VMNetworks(ID=" + FABRIKAM_NETWORK + ",StampId=" + EAST_STAMP + ")",
                "Accept", "application/json;odata.metadata=minimal").json();
        assertThat(page.path("representation").path("status").asInt()).isEqualTo(200);
        assertThat(readJson(page.path("representation").path("body").asText())).isEqualTo(own);
        assertThat(page.path("sections").findValuesAsText("title"))
                .containsExactly("VM subnets", "Static IP address pools", "Gateways");
        assertThat(page.path("sections").get(0).path("rows").get(0).get(0).asText()).isEqualTo("Fabrikam Subnet");
        assertThat(page.path("sections").get(1).path("rows").get(0).get(0).asText()).isEqualTo("Fabrikam Pool");
        assertThat(page.path("sections").get(2).path("rows").get(0).get(0).asText()).isEqualTo("Fabrikam Gateway");

        // another tenant's network answers exactly like a missing one
        Response other = ui("/resources/vm-networks/" + FABRIKAM + "/" + CONTOSO_NETWORK + ":" + WEST_STAMP);
        Response missing = ui("/resources/vm-networks/" + FABRIKAM + "/" + UUID.randomUUID() + ":" + WEST_STAMP);
        assertThat(other.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(other.json().path("error").path("code").asText())
                .isEqualTo(missing.json().path("error").path("code").asText());

        JsonNode logical = ui("/resources/logical-networks?subscription=" + CONTOSO).json();
        assertThat(logical.path("rows")).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM"
                + " subscription_logical_networks WHERE subscription_id = ?", Integer.class, UUID.fromString(CONTOSO)));
        String logicalId = logical.path("rows").get(0).path("id").asText();
        JsonNode logicalPage = ui("/resources/logical-networks/" + CONTOSO + "/" + logicalId).json();
        assertThat(logicalPage.path("representation").path("status").asInt()).isEqualTo(200);
        assertThat(logicalPage.path("representation").path("body").asText()).contains(logicalId);
    }

    @Test
    void aTenantsOwnVmNetworkIsDeletedThroughTheApiAndTheProvidersIsNotOffered() {
        Response created = send("POST", vmm(FABRIKAM) + "/VMNetworks", """
                {"Name":"dashboard-net","LogicalNetworkId":"b7e1c1a0-6f0b-4b7e-9a51-2c3d4e5f6a03","StampId":"%s"}
                """.formatted(EAST_STAMP), v3("Accept", "application/json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitJob(created.header("x-ms-request-id"));
        String id = created.json().path("ID").asText();
        assertThat(labels(ui("/resources/vm-networks/" + FABRIKAM + "/" + id + ":" + EAST_STAMP).json()))
                .containsExactly("Delete");
        assertThat(labels(ui("/resources/vm-networks/" + FABRIKAM + "/" + PROVIDER_EXTERNAL + ":" + WEST_STAMP)
                .json())).isEmpty();

        String[] csrf = csrf();
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM vm_networks ORDER BY id, stamp_id");
        Response contosos = action("POST", "/actions/vmm-delete/VMNetworks/" + FABRIKAM + "/" + CONTOSO_NETWORK + "/"
                + WEST_STAMP, null, csrf);
        Response missing = action("POST", "/actions/vmm-delete/VMNetworks/" + FABRIKAM + "/" + UUID.randomUUID() + "/"
                + WEST_STAMP, null, csrf);
        assertThat(contosos.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(contosos.json().path("error").path("code").asText())
                .isEqualTo(missing.json().path("error").path("code").asText());
        assertThat(action("POST", "/actions/vmm-delete/VMNetworks/" + FABRIKAM + "/" + PROVIDER_EXTERNAL + "/"
                + WEST_STAMP, null, csrf).status()).as("the provider's network").isBetween(400, 499);
        Response inUse = action("POST", "/actions/vmm-delete/VMNetworks/" + FABRIKAM + "/" + FABRIKAM_NETWORK + "/"
                + EAST_STAMP, null, csrf);
        assertThat(inUse.status()).as("a network with subnets and a gateway").isBetween(400, 499);
        assertThat(inUse.body()).contains("Fabrikam VM Network"); // the API's own words
        Response wrongSet = action("POST", "/actions/vmm-delete/Clouds/" + FABRIKAM + "/" + id + "/" + EAST_STAMP,
                null, csrf);
        assertThat(wrongSet.status()).isEqualTo(404);
        assertThat(wrongSet.json().path("error").path("field").asText()).isEqualTo("set");
        assertThat(jdbc.queryForList("SELECT * FROM vm_networks ORDER BY id, stamp_id")).isEqualTo(before);

        send("DELETE", base + "/_localpack/journal", null);
        Response deleted = action("POST", "/actions/vmm-delete/VMNetworks/" + FABRIKAM + "/" + id + "/" + EAST_STAMP,
                null, csrf);
        assertThat(deleted.status()).as(deleted.body()).isLessThan(300);
        awaitJob(deleted.header("x-ms-request-id"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_networks WHERE id = ?", Integer.class,
                UUID.fromString(id))).isZero();
        JsonNode entries = send("GET", base + "/_localpack/journal?path=/actions/vmm-delete/", null).json()
                .path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("jobId").asText()).isEqualTo(deleted.header("x-ms-request-id"));
    }

    @Test
    void vmRolesAndTheirCloudServicesShowTheApisJsonAndScaleThroughTheApi() {
        UUID roleId = provisionedRole("dashcs", "dashweb");
        JsonNode roles = ui("/resources/vm-roles?subscription=" + FABRIKAM + "&q=DASH").json();
        assertThat(roles.path("rows")).hasSize(1);
        JsonNode row = roles.path("rows").get(0);
        assertThat(row.path("id").asText()).isEqualTo(roleId.toString());
        assertThat(row.path("state").asText()).isEqualTo("Provisioned");
        assertThat(row.path("cells").get(0).asText()).isEqualTo("dashcs");
        assertThat(ui("/resources/vm-roles?state=Failed&q=dashweb").json().path("rows")).isEmpty();
        assertThat(ui("/resources/vm-roles?subscription=" + CONTOSO).json().path("rows")
                .findValuesAsText("name")).doesNotContain("dashweb");

        JsonNode page = ui("/resources/vm-roles/" + FABRIKAM + "/" + roleId).json();
        JsonNode own = roleApi("GET", rolePath(FABRIKAM, "dashcs", "dashweb"), null).json();
        assertThat(readJson(page.path("representation").path("body").asText())).isEqualTo(own);
        assertThat(page.path("sections").get(0).path("title").asText()).isEqualTo("Virtual machines");
        assertThat(page.path("sections").get(0).path("rows")).hasSize(1);
        assertThat(labels(page)).containsExactly("Scale", "Delete");
        assertThat(page.path("operations").get(0).path("choice").path("member").asText()).isEqualTo("InstanceCount");

        String serviceId = jdbc.queryForObject("SELECT id FROM cloud_services WHERE name = 'dashcs'", String.class);
        JsonNode service = ui("/resources/vmrole-cloud-services/" + FABRIKAM + "/" + serviceId).json();
        assertThat(readJson(service.path("representation").path("body").asText()))
                .isEqualTo(roleApi("GET", "/" + FABRIKAM + "/CloudServices/dashcs", null).json());
        assertThat(service.path("sections").get(0).path("links").get(0).asText())
                .isEqualTo("vm-roles/" + FABRIKAM + "/" + roleId);

        // another tenant's role and cloud service answer like missing ones
        Response other = ui("/resources/vm-roles/" + CONTOSO + "/" + roleId);
        Response missing = ui("/resources/vm-roles/" + CONTOSO + "/" + UUID.randomUUID());
        assertThat(other.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(other.body()).isEqualTo(missing.body().replace(missing.body().replaceAll(".*'([0-9a-f-]{36})'.*",
                "$1"), roleId.toString()));
        assertThat(ui("/resources/vmrole-cloud-services/" + CONTOSO + "/" + serviceId).status()).isEqualTo(404);

        // Scale from the dashboard: the API's own handler, its job, in the journal under Fabrikam
        send("DELETE", base + "/_localpack/journal", null);
        Response scaled = action("POST", "/actions/vmroles/" + FABRIKAM + "/dashcs/dashweb/scale",
                "{\"InstanceCount\":2}", csrf());
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        assertThat(scaled.json().path("Name").asText()).isEqualTo("dashweb");
        String job = scaled.header("x-ms-request-id");
        assertThat(awaitJob(job).path("Name").asText()).isEqualTo("Scale VM Role");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE vm_role_id = ?", Integer.class,
                roleId)).isEqualTo(2);
        JsonNode entries = send("GET", base + "/_localpack/journal?path=/actions/vmroles/", null).json()
                .path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("jobId").asText()).isEqualTo(job);
        assertThat(entries.get(0).path("subscription").asText()).isEqualTo(FABRIKAM);
        assertThat(entries.get(0).path("principal").asText()).isEqualTo("localpack-dashboard");
        assertThat(jdbc.queryForObject("SELECT owner FROM jobs WHERE id = ?", String.class, UUID.fromString(job)))
                .isEqualTo("localpack-dashboard");
        assertThat(ui("/resources/vm-roles/" + FABRIKAM + "/" + roleId + "/requests").json().findValuesAsText("path"))
                .contains("/_localpack/ui/api/actions/vmroles/" + FABRIKAM + "/dashcs/dashweb/scale");
        assertThat(ui("/resources/vm-roles/" + FABRIKAM + "/" + roleId + "/jobs").json().findValuesAsText("id"))
                .contains(job);
    }

    @Test
    void roleControlsTheApiRefusesAnswerItsErrorsAndChangeNothing() {
        UUID roleId = provisionedRole("dashbad", "dashbadweb");
        String[] csrf = csrf();
        List<String> before = vmRoleState();
        Response notANumber = action("POST", "/actions/vmroles/" + FABRIKAM + "/dashbad/dashbadweb/scale",
                "{\"InstanceCount\":\"many\"}", csrf);
        assertThat(notANumber.status()).isEqualTo(400);
        // the VM Role API's own error, as a client gets it for the same body
        Response direct = roleApi("POST", rolePath(FABRIKAM, "dashbad", "dashbadweb") + "/Scale",
                "{\"InstanceCount\":\"many\"}");
        assertThat(notANumber.json()).isEqualTo(direct.json());
        assertThat(notANumber.json().path("odata.error").path("code").asText()).isEqualTo("BadRequest");
        assertThat(action("POST", "/actions/vmroles/" + FABRIKAM + "/dashbad/dashbadweb/scale", "{\"InstanceCount\":"
                + "100000}", csrf).status()).as("beyond the definition's bounds").isEqualTo(400);
        assertThat(action("POST", "/actions/vmroles/" + FABRIKAM + "/dashbad/dashbadweb/scale", null, csrf).status())
                .isEqualTo(400);
        Response asContoso = action("POST", "/actions/vmroles/" + CONTOSO + "/dashbad/dashbadweb/scale",
                "{\"InstanceCount\":2}", csrf);
        Response missing = action("POST", "/actions/vmroles/" + CONTOSO + "/nosuchcs/dashbadweb/scale",
                "{\"InstanceCount\":2}", csrf);
        assertThat(asContoso.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(action("POST", "/actions/vmroles/" + CONTOSO + "/dashbad/dashbadweb/delete", null, csrf).status())
                .isEqualTo(404);
        assertThat(vmRoleState()).isEqualTo(before);

        // Delete from the dashboard removes the role and its machine through the API's job
        Response deleted = action("POST", "/actions/vmroles/" + FABRIKAM + "/dashbad/dashbadweb/delete", null, csrf);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        awaitJob(deleted.header("x-ms-request-id"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_roles WHERE id = ?", Integer.class, roleId)).isZero();
        assertThat(ui("/resources/vm-roles/" + FABRIKAM + "/" + roleId).status()).isEqualTo(404);
    }

    @Test
    void aFailedVmIsRepairedFromTheDashboardWithTheFlagTheApiTakes() {
        Map<String, Object> vm = jdbc.queryForMap("SELECT id, stamp_id FROM virtual_machines WHERE subscription_id = ?"
                + " AND status = 'Running' AND service_id IS NULL AND vm_role_id IS NULL ORDER BY name FETCH FIRST 1"
                + " ROWS ONLY", FABRIKAM_ID);
        String vmId = vm.get("id").toString();
        String actions = "/actions/vmm/VirtualMachines/" + FABRIKAM + "/" + vmId + "/" + vm.get("stamp_id") + "/";
        String[] csrf = csrf();
        JsonNode running = ui("/resources/virtual-machines/" + FABRIKAM + "/" + vmId).json();
        assertThat(running.path("operations").findValues("choice").stream().filter(c -> !c.isNull())
                .map(c -> c.path("options").toString()).toList()).containsExactly("[\"Agent\"]");

        // a fault rule makes the next update job fail: the machine is left UpdateFailed
        assertThat(send("POST", base + "/_localpack/faults", "{\"operation\":\"vmm.vm.update\",\"errorCode\":2912,"
                + "\"message\":\"The host is gone (test)\",\"times\":1}", "Content-Type", "application/json").status())
                .isEqualTo(201);
        Response update = send("PUT", vmm(FABRIKAM) + "/VirtualMachines(ID=" + vmId + ",StampId=" + vm.get("stamp_id")
                + ")", "{\"Description\":\"fails\"}", "Content-Type", "application/json");
        assertThat(awaitJob(update.header("x-ms-request-id")).path("Status").asText()).isEqualTo("Failed");
        String failed = jdbc.queryForObject("SELECT status FROM virtual_machines WHERE id = ?", String.class,
                vm.get("id"));
        assertThat(failed).endsWith("Failed");
        JsonNode page = ui("/resources/virtual-machines/" + FABRIKAM + "/" + vmId).json();
        JsonNode repair = null;
        for (JsonNode o : page.path("operations")) {
            repair = o.path("label").asText().equals("Repair") ? o : repair;
        }
        assertThat(repair.path("choice").path("options").toString()).isEqualTo("[\"Retry\",\"Undo\",\"Dismiss\"]");

        // a flag the API does not take, and Repair without a flag, change nothing
        List<String> before = databaseSnapshot();
        Response badFlag = action("POST", actions + "Repair", "{\"flag\":\"Ignore\"}", csrf);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.json().path("error").path("field").asText()).isEqualTo("flag");
        Response noFlag = action("POST", actions + "Repair", null, csrf);
        assertThat(noFlag.status()).isEqualTo(400);
        assertThat(noFlag.body()).contains("Retry, Undo, Dismiss"); // the API's own words
        assertThat(action("POST", "/actions/vmm/Services/" + FABRIKAM + "/" + GATEWAY_SERVICE + "/" + WEST_STAMP
                + "/Repair", "{\"flag\":\"Retry\"}", csrf).status()).as("a service takes Start and Stop only")
                .isEqualTo(400);
        assertThat(databaseSnapshot()).isEqualTo(before);

        send("DELETE", base + "/_localpack/journal", null);
        Response repaired = action("POST", actions + "Repair", "{\"flag\":\"Dismiss\"}", csrf);
        assertThat(repaired.status()).as(repaired.body()).isLessThan(300);
        String job = repaired.header("x-ms-request-id");
        assertThat(awaitJob(job).path("Name").asText()).isEqualTo("Repair virtual machine");
        assertThat(jdbc.queryForObject("SELECT status FROM virtual_machines WHERE id = ?", String.class,
                vm.get("id"))).doesNotEndWith("Failed");
        JsonNode entries = send("GET", base + "/_localpack/journal?path=/_localpack/ui/api" + actions + "Repair", null).json()
                .path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("jobId").asText()).isEqualTo(job);
        assertThat(entries.get(0).path("status").asInt()).isLessThan(300);
    }

    /**
     * A service takes no Repair (the VMM API accepts Start and Stop as a service's Operation): one left Failed by a
     * failed Stop is recovered from the dashboard by running Stop again, and the journal shows both.
     */
    @Test
    void aFailedServiceIsRecoveredFromTheDashboardByItsOperationAgainNotByRepair() {
        String actions = "/actions/vmm/Services/" + FABRIKAM + "/" + GATEWAY_SERVICE + "/" + WEST_STAMP + "/";
        String[] csrf = csrf();
        assertThat(send("POST", base + "/_localpack/faults", "{\"operation\":\"vmm.service.stop\",\"errorCode\":2602,"
                + "\"message\":\"The host is gone (test)\",\"times\":1}", "Content-Type", "application/json").status())
                .isEqualTo(201);
        send("DELETE", base + "/_localpack/journal", null);
        Response failedStop = action("POST", actions + "Stop", null, csrf);
        assertThat(awaitJob(failedStop.header("x-ms-request-id")).path("Status").asText()).isEqualTo("Failed");
        assertThat(ui("/resources/services/" + FABRIKAM + "/" + GATEWAY_SERVICE).json().path("state").asText())
                .isEqualTo("Failed");

        List<String> before = databaseSnapshot();
        // the API's own refusals: a Service has no Retry member, and Repair is no Operation of a Service
        assertThat(action("POST", actions + "Repair", "{\"flag\":\"Retry\"}", csrf).body()).contains("'Retry'");
        Response repair = action("POST", actions + "Repair", null, csrf);
        assertThat(repair.status()).isEqualTo(400);
        assertThat(repair.body()).contains("Repair").contains("Start, Stop");
        assertThat(databaseSnapshot()).isEqualTo(before);

        Response stopAgain = action("POST", actions + "Stop", null, csrf);
        assertThat(awaitJob(stopAgain.header("x-ms-request-id")).path("Status").asText()).isEqualTo("Completed");
        assertThat(jdbc.queryForObject("SELECT service_status FROM services WHERE id = ?", String.class,
                UUID.fromString(GATEWAY_SERVICE))).isEqualTo("Stopped");
        JsonNode stops = send("GET", base + "/_localpack/journal?method=POST&path=/_localpack/ui/api" + actions
                + "Stop", null).json().path("entries");
        assertThat(stops.findValuesAsText("jobId")).containsExactly(stopAgain.header("x-ms-request-id"),
                failedStop.header("x-ms-request-id"));
    }

    private static List<String> labels(JsonNode page) {
        List<String> labels = new java.util.ArrayList<>();
        page.path("operations").forEach(o -> labels.add(o.path("label").asText()));
        return labels;
    }
}
