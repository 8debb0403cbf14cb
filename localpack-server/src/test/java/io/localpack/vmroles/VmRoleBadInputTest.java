package io.localpack.vmroles;

import static io.localpack.vmroles.CloudServiceTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad VM Role request is a 4xx in the API's error format, naming what was wrong, and changes nothing. */
class VmRoleBadInputTest extends VmRoleApiSupport {

    private static final String CS = "csBadInput";

    @BeforeEach
    void cloudService() {
        if (call("GET", root(FABRIKAM) + "/CloudServices/" + CS, null).status() == 404) {
            awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, CS));
        }
    }

    /** The shared server's later tests count the fixtures' machines: leave none behind. */
    @AfterEach
    void removeCloudService() {
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/" + CS, null));
    }

    @Test
    void parameterValuesAreCheckedAgainstTheDefinitionsParameters() {
        JsonNode definition = windowsDefinition(FABRIKAM);
        String good = windowsParameters("Small", "BAD##");
        List<String> before = vmRoleState();
        assertRefusedCreate(roleBody("r1", definition, good.replace(",\\\"VMRoleTimeZone\\\":\\\"85\\\"", "")),
                "VMRoleTimeZone");
        assertRefusedCreate(roleBody("r1", definition, good.replace("\\\"85\\\"", "\\\"eighty-five\\\"")),
                "VMRoleTimeZone");
        assertRefusedCreate(roleBody("r1", definition, good.replace("\\\"85\\\"", "true")), "VMRoleTimeZone");
        assertRefusedCreate(roleBody("r1", definition, good.replace("\\\"85\\\"", "{}")), "VMRoleTimeZone");
        Response credential = call("POST", roles(FABRIKAM, CS), roleBody("r1", definition,
                good.replace("administrator:P@ssw0rd!", "justapassword")));
        assertRefused(credential, 400, "VMRoleAdminCredential");
        assertThat(credential.body()).doesNotContain("justapassword");
        assertRefusedCreate(roleBody("r1", definition, good.replace("{", "{\\\"VMRoleExtra\\\":\\\"x\\\",")),
                "VMRoleExtra");
        assertRefusedCreate(roleBody("r1", definition, "not json"), "ResourceConfiguration.ParameterValues");
        assertRefusedCreate(roleBody("r1", definition, ""), "VMRoleVMSize");
        assertThat(vmRoleState()).isEqualTo(before);
    }

    @Test
    void theDefinitionsValuesMustNameWhatExists() {
        JsonNode definition = windowsDefinition(FABRIKAM);
        List<String> before = vmRoleState();
        assertRefusedCreate(roleBody("r2", definition, windowsParameters("Huge", "BAD##")), "VMSize");
        assertRefusedCreate(roleBody("r2", definition, windowsParameters("Small", "BAD##")
                .replace(WINDOWS_IMAGE, "Windows Server 2003:1.0")), "OSVirtualHardDiskImage");
        assertRefusedCreate(roleBody("r2", definition, windowsParameters("Small", "BAD##")
                .replace(WINDOWS_IMAGE, "no-release")), "OSVirtualHardDiskImage");
        assertRefusedCreate(roleBody("r2", definition, windowsParameters("Small", "AVERYLONGCOMPUTERNAME##")),
                "ComputerNamePattern");
        ObjectNode wrongType = definition.deepCopy();
        wrongType.put("Type", "Microsoft.Compute/Website/1.0");
        assertRefusedCreate(roleBody("r2", wrongType, windowsParameters("Small", "BAD##")), "ResourceDefinition.Type");
        ObjectNode noVersion = definition.deepCopy();
        noVersion.remove("Version");
        assertRefusedCreate(roleBody("r2", noVersion, windowsParameters("Small", "BAD##")),
                "ResourceDefinition.Version");
        ObjectNode badScale = definition.deepCopy();
        ((ObjectNode) badScale.at("/IntrinsicSettings/ScaleOutSettings")).put("InitialInstanceCount", "9");
        assertRefusedCreate(roleBody("r2", badScale, windowsParameters("Small", "BAD##")), "InitialInstanceCount");
        assertRefusedCreate(roleBody("r2", definition, windowsParameters("Small", "BAD##"))
                .replace("\"ResourceDefinition\":", "\"ResourceDefinitionX\":"), "ResourceDefinition");
        assertRefusedCreate(roleBody("bad name", definition, windowsParameters("Small", "BAD##")), "Name");
        assertRefused(call("POST", roles(FABRIKAM, "csMissing"), roleBody("r2", definition,
                windowsParameters("Small", "BAD##"))), 404, "csMissing");
        assertRefused(call("POST", roles(FABRIKAM, CS), "{"), 400, "JSON");
        assertThat(vmRoleState()).isEqualTo(before);
    }

    @Test
    void scaleStaysWithinTheScaleOutSettingsAndTheQuota() {
        if (call("GET", roles(FABRIKAM, CS) + "/big", null).status() == 404) {
            awaitJobOf(FABRIKAM, call("POST", roles(FABRIKAM, CS), roleBody("big", windowsDefinition(FABRIKAM),
                    windowsParameters("Small", "BIG##"))));
        }
        List<String> before = vmRoleState();
        String scale = roles(FABRIKAM, CS) + "/big/Scale";
        assertRefused(call("POST", scale, "{\"InstanceCount\":6}"), 400, "InstanceCount");
        assertRefused(call("POST", scale, "{\"InstanceCount\":0}"), 400, "InstanceCount");
        assertRefused(call("POST", scale, "{\"InstanceCount\":\"two\"}"), 400, "InstanceCount");
        assertRefused(call("POST", scale, "{\"Count\":2}"), 400, "InstanceCount");
        assertRefused(call("POST", scale, "{\"InstanceCount\":2.5}"), 400, "InstanceCount");
        assertRefused(call("POST", roles(FABRIKAM, CS) + "/absent/Scale", "{\"InstanceCount\":2}"), 404, "absent");
        Response duplicate = call("POST", roles(FABRIKAM, CS), roleBody("BIG", windowsDefinition(FABRIKAM),
                windowsParameters("Small", "DUP##")));
        assertRefused(duplicate, 409, "big");
        assertThat(vmRoleState()).isEqualTo(before);
    }

    @Test
    void aRoleOverTheCloudsQuotaIsRefused() {
        // Contoso Cloud's storage quota (600 GB) leaves room for one more Windows machine (40 GB), not for five
        awaitJobOf(CONTOSO, createCloudService(CONTOSO, "csQuota"));
        List<String> before = vmRoleState();
        com.fasterxml.jackson.databind.node.ObjectNode five = windowsDefinition(CONTOSO).deepCopy();
        ((ObjectNode) five.at("/IntrinsicSettings/ScaleOutSettings")).put("InitialInstanceCount", "5");
        Response overQuota = call("POST", roles(CONTOSO, "csQuota"), roleBody("quota", five,
                windowsParameters("Small", "QUOTA##")));
        assertRefused(overQuota, 400, "StorageGB");
        assertThat(overQuota.json().at("/odata.error/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(vmRoleState()).isEqualTo(before);
        awaitJobOf(CONTOSO, call("DELETE", root(CONTOSO) + "/CloudServices/csQuota", null));
    }

    private void assertRefusedCreate(String body, String naming) {
        assertRefused(call("POST", roles(FABRIKAM, CS), body), 400, naming);
    }
}
