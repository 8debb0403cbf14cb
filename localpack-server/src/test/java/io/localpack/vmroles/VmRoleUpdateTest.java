package io.localpack.vmroles;

import static io.localpack.vmroles.CloudServiceTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A VM Role's update (spec 4.3: Label, ResourceDefinition and ResourceConfiguration are "RCU") through PUT, MERGE and
 * PATCH under both roots: a job, the role Updating while it runs, the new values the role's own when it completes;
 * bad input refused naming the member, nothing changed.
 */
class VmRoleUpdateTest extends VmRoleApiSupport {

    private static final String CS = "csUpdate";

    @AfterEach
    void removeCloudService() {
        sendNamingNoVersion("DELETE", base + "/_localpack/timing/vmroles.vmrole.update", null);
        if (call("GET", root(FABRIKAM) + "/CloudServices/" + CS, null).status() == 200) {
            awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/" + CS, null));
        }
    }

    @Test
    void labelConfigurationAndDefinitionChangeThroughAJob() {
        provisionedRole(CS, "upd", "UPD##", 1);
        String role = roles(FABRIKAM, CS) + "/upd";
        int smallCpus = machineCpus(role, 0);

        // PUT, the label only; the role is Updating while its job runs (paced by polls)
        assertThat(sendNamingNoVersion("PUT", base + "/_localpack/timing/vmroles.vmrole.update",
                "{\"mode\":\"polls\",\"polls\":3}", "Accept", "application/json").status()).isEqualTo(200);
        Response labelled = call("PUT", role, "{\"Label\":\"Front end\"}");
        assertThat(labelled.status()).as(labelled.body()).isEqualTo(204);
        assertThat(call("GET", role, null).json().get("ProvisioningState").asText()).isEqualTo("Updating");
        assertThat(call("GET", role, null).json().get("Label").asText()).isEqualTo("upd");
        // one operation at a time: another update, a scale are 409
        assertRefused(call("PUT", role, "{\"Label\":\"Other\"}"), 409, "job");
        assertRefused(call("POST", role + "/Scale", "{\"InstanceCount\":2}"), 409, "job");
        JsonNode job = awaitJobOf(FABRIKAM, labelled);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo("Update VM Role");
        JsonNode updated = call("GET", role, null).json();
        assertThat(updated.get("ProvisioningState").asText()).isEqualTo("Provisioned");
        assertThat(updated.get("Label").asText()).isEqualTo("Front end");
        sendNamingNoVersion("DELETE", base + "/_localpack/timing/vmroles.vmrole.update", null);

        // MERGE under Azure PowerShell's root, with WTPA's trailing slash: a new configuration (bigger version, a bigger size, a new password)
        String vmmRole = vmmRoot(FABRIKAM) + "/CloudServices/" + CS + "/Resources/MicrosoftCompute/VMRoles/upd";
        Response merged = call("MERGE", vmmRole + "/", """
                {"ResourceConfiguration":{"Version":"1.0.1","ParameterValues":"%s"}}""".formatted(
                windowsParameters("Medium", "UPD##").replace("P@ssw0rd!", "N3wPassw0rd")));
        assertThat(merged.status()).as(merged.body()).isEqualTo(204);
        awaitJobOf(FABRIKAM, merged);
        JsonNode configured = call("GET", role, null).json();
        assertThat(configured.at("/ResourceConfiguration/Version").asText()).isEqualTo("1.0.1");
        assertThat(configured.at("/ResourceConfiguration/ParameterValues").asText())
                .contains("\"VMRoleVMSize\":\"Medium\"").contains("administrator:******").doesNotContain("N3w");
        // the running machine keeps its size; the next one is made from the new configuration
        awaitJobOf(FABRIKAM, call("POST", role + "/Scale", "{\"InstanceCount\":2}"));
        assertThat(machineCpus(role, 0)).isEqualTo(smallCpus);
        assertThat(machineCpus(role, 1)).isEqualTo(2);

        // PATCH with the whole object as read back (a full-object client), another definition version, and
        // Prefer: return-content for the role in the answer
        ObjectNode whole = call("GET", role, null).json().deepCopy();
        whole.remove("odata.metadata");
        ((ObjectNode) whole.get("ResourceDefinition")).put("Version", "1.0.0.1");
        Response patched = sendNamingNoVersion("PATCH", role + "?" + VERSION, whole.toString(), "Accept",
                "application/json", "Prefer", "return-content", "Content-Type", "application/json");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("ProvisioningState").asText()).isEqualTo("Updating");
        awaitJobOf(FABRIKAM, patched);
        JsonNode versioned = call("GET", role, null).json();
        assertThat(versioned.at("/ResourceDefinition/Version").asText()).isEqualTo("1.0.0.1");
        assertThat(versioned.at("/ResourceConfiguration/Version").asText()).isEqualTo("1.0.1");
        assertThat(versioned.get("ProvisioningState").asText()).isEqualTo("Provisioned");

        // MERGE tunnelled through POST, as OData V3 clients may send it
        Response tunnelled = sendNamingNoVersion("POST", role + "?" + VERSION, "{\"Label\":\"Tunnelled\"}",
                "Accept", "application/json", "X-HTTP-Method", "MERGE", "Content-Type", "application/json");
        assertThat(tunnelled.status()).as(tunnelled.body()).isEqualTo(204);
        awaitJobOf(FABRIKAM, tunnelled);
        assertThat(call("GET", role, null).json().get("Label").asText()).isEqualTo("Tunnelled");
    }

    @Test
    void badUpdatesAreRefusedNamingWhatWasWrongAndChangeNothing() {
        provisionedRole(CS, "bad", "BADU##", 1);
        String role = roles(FABRIKAM, CS) + "/bad";
        JsonNode definition = windowsDefinition(FABRIKAM);
        String good = windowsParameters("Small", "BADU##");
        ObjectNode otherItem = definition.deepCopy();
        otherItem.put("Name", "UbuntuServer1404LTS");
        ObjectNode wrongType = definition.deepCopy();
        wrongType.put("Type", "Microsoft.Compute/Website/1.0");
        ObjectNode threePart = definition.deepCopy();
        threePart.put("Version", "1.0.1");
        ObjectNode twoAtLeast = definition.deepCopy();
        ((ObjectNode) twoAtLeast.at("/IntrinsicSettings/ScaleOutSettings")).put("MinimumInstanceCount", "2")
                .put("InitialInstanceCount", "2");
        List<String> before = vmRoleState();
        Object[][] rows = {
            {"{\"Name\":\"renamed\"}", 400, "Name"},
            {"{\"ProvisioningState\":\"Failed\"}", 400, "ProvisioningState"},
            {"{\"InstanceView\":{\"InstanceCount\":\"4\"}}", 400, "InstanceView"},
            {"{\"Substate\":{\"VMRoleMessages\":[{\"Message\":\"hi\"}]}}", 400, "Substate"},
            {"{\"Color\":\"blue\"}", 400, "Color"},
            {"{\"Label\":5}", 400, "Label"},
            {"{\"Label\":\" \"}", 400, "Label"},
            {"{\"ResourceConfiguration\":\"x\"}", 400, "ResourceConfiguration"},
            {configuration("1.0.0", good.replace("Small", "Medium")), 400, "ResourceConfiguration.Version"},
            {configuration("0.9.9", good), 400, "ResourceConfiguration.Version"},
            {configuration("1.1", good), 400, "ResourceConfiguration.Version"},
            {configuration(null, good), 400, "ResourceConfiguration.Version"},
            {configuration("1.0.1", good.replace(",\\\"VMRoleTimeZone\\\":\\\"85\\\"", "")), 400, "VMRoleTimeZone"},
            {configuration("1.0.1", good.replace("\\\"85\\\"", "\\\"GMT\\\"")), 400, "VMRoleTimeZone"},
            {configuration("1.0.1", windowsParameters("Huge", "BADU##")), 400, "VMSize"},
            {configuration("1.0.1", good.replace("administrator:P@ssw0rd!", "nopassword")), 400,
                "VMRoleAdminCredential"},
            {"{\"ResourceDefinition\":" + otherItem + "}", 400, "ResourceDefinition.Name"},
            {"{\"ResourceDefinition\":" + wrongType + "}", 400, "ResourceDefinition.Type"},
            {"{\"ResourceDefinition\":" + threePart + "}", 400, "ResourceDefinition.Version"},
            {"{\"ResourceDefinition\":" + twoAtLeast + "}", 400, "ScaleOutSettings"},
            {"{\"ResourceDefinition\":[]}", 400, "ResourceDefinition"},
            {"{", 400, "JSON"},
        };
        for (Object[] row : rows) {
            for (String method : List.of("PUT", "MERGE")) {
                Response answer = call(method, role, (String) row[0]);
                assertRefused(answer, (Integer) row[1], (String) row[2]);
                assertThat(answer.body()).doesNotContain("P@ssw0rd");
            }
        }
        assertRefused(call("PATCH", roles(FABRIKAM, CS) + "/absent", "{\"Label\":\"x\"}"), 404, "absent");
        // another tenant's role answers as a missing one
        Response foreign = call("PUT", roles(CONTOSO, CS) + "/bad", "{\"Label\":\"x\"}");
        assertRefused(foreign, 404, CS);
        assertRefused(call("PUT", role + "?api-version=2012-01", "{\"Label\":\"x\"}"), 400, "api-version");
        assertThat(vmRoleState()).isEqualTo(before);
    }

    private static String configuration(String version, String parameterValues) {
        return "{\"ResourceConfiguration\":{" + (version == null ? "" : "\"Version\":\"" + version + "\",")
                + "\"ParameterValues\":\"" + parameterValues + "\"}}";
    }

    /** CPUCount of the role's machine at {@code index}, as the VMM API shows it. */
    private int machineCpus(String role, int index) {
        String id = call("GET", role + "/VMs", null).json().get("value").get(index).get("Id").asText();
        return get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ID eq " + id, "Accept", "application/json").json()
                .at("/value/0/CPUCount").asInt();
    }
}
