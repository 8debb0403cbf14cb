package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cloud services: create, list, get, delete (with the roles in it, as one job), at both roots. */
class CloudServiceTest extends VmRoleApiSupport {

    @Test
    void createAnswers201WithTheServiceItsLocationAndAJobToFollow() {
        Response created = createCloudService(FABRIKAM, "csCreate1");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(root(FABRIKAM) + "/CloudServices/csCreate1");
        assertThat(created.header("DataServiceVersion")).isEqualTo("3.0;");
        assertThat(created.json().get("odata.metadata").asText()).isEqualTo(root(FABRIKAM)
                + "/$metadata#CloudServices/@Element");
        assertThat(created.json().get("Name").asText()).isEqualTo("csCreate1");
        assertThat(created.json().get("Label").asText()).isEqualTo("csCreate1");
        assertThat(created.json().get("ProvisioningState").asText()).isEqualTo("Provisioning");

        JsonNode job = awaitJobOf(FABRIKAM, created);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo("Create cloud service");
        Response read = call("GET", root(FABRIKAM) + "/CloudServices/csCreate1", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("ProvisioningState").asText()).isEqualTo("Provisioned");
        JsonNode resources = call("GET", root(FABRIKAM) + "/CloudServices/csCreate1/Resources", null).json();
        assertThat(resources.at("/value/0/ResourceProviderNamespace").asText()).isEqualTo("MicrosoftCompute");

        JsonNode list = call("GET", vmmRoot(FABRIKAM) + "/CloudServices", null).json();
        assertThat(list.get("odata.metadata").asText()).endsWith("/services/systemcenter/vmm/$metadata#CloudServices");
        assertThat(list.get("value").findValuesAsText("Name")).contains("csCreate1");

        Response deleted = call("DELETE", vmmRoot(FABRIKAM) + "/CloudServices/csCreate1", null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(awaitJobOf(FABRIKAM, deleted).get("Status").asText()).isEqualTo("Completed");
        assertThat(call("GET", root(FABRIKAM) + "/CloudServices/csCreate1", null).status()).isEqualTo(404);
    }

    @Test
    void namesAreUniquePerSubscriptionWhateverTheirCase() {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csUnique"));
        List<String> before = vmRoleState();
        Response again = createCloudService(FABRIKAM, "CSUNIQUE");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/odata.error/code").asText()).isEqualTo("ResourceAlreadyExists");
        assertThat(again.json().at("/odata.error/message/value").asText()).contains("csUnique");
        assertThat(vmRoleState()).isEqualTo(before);
        // another subscription may use the name
        Response contoso = createCloudService(CONTOSO, "csUnique");
        assertThat(contoso.status()).isEqualTo(201);
        awaitJobOf(CONTOSO, contoso);
        awaitJobOf(CONTOSO, call("DELETE", root(CONTOSO) + "/CloudServices/csUnique", null));
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csUnique", null));
    }

    @Test
    void badBodiesAreRefusedNamingWhatWasWrongAndChangeNothing() {
        List<String> before = vmRoleState();
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", "{\"Label\":\"x\"}"), 400, "Name");
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", "{\"Name\":\"csNoLabel\"}"), 400, "Label");
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", "{\"Name\":\"bad name!\",\"Label\":\"x\"}"),
                400, "Name");
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", "{\"Name\":"), 400, "JSON");
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", "[]"), 400, "JSON object");
        assertRefused(call("POST", root(FABRIKAM) + "/CloudServices", null), 400, "body");
        assertRefused(call("DELETE", root(FABRIKAM) + "/CloudServices/nope", null), 404, "nope");
        assertThat(vmRoleState()).isEqualTo(before);
    }

    @Test
    void anotherTenantsCloudServiceAnswersLikeAMissingOne() {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csPrivate"));
        List<String> before = vmRoleState();
        Response theirs = call("GET", root(CONTOSO) + "/CloudServices/csPrivate", null);
        Response missing = call("GET", root(CONTOSO) + "/CloudServices/csAbsent", null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().at("/odata.error/message/value").asText().replace("csPrivate", "X"))
                .isEqualTo(missing.json().at("/odata.error/message/value").asText().replace("csAbsent", "X"));
        assertThat(call("DELETE", root(CONTOSO) + "/CloudServices/csPrivate", null).status()).isEqualTo(404);
        assertThat(call("GET", root(CONTOSO) + "/CloudServices/csPrivate/Resources/MicrosoftCompute/VMRoles", null)
                .status()).isEqualTo(404);
        assertThat(call("GET", root(CONTOSO) + "/CloudServices", null).json().get("value").findValuesAsText("Name"))
                .doesNotContain("csPrivate");
        assertThat(vmRoleState()).isEqualTo(before);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csPrivate", null));
    }

    @Test
    void deletingACloudServiceRemovesItsRolesAndTheirMachinesAsOneJob() {
        provisionedRole("csWithRole", "web", "CSWR##", 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE cloud_vm_role_name = 'web'"
                + " AND subscription_id = ?", Integer.class, FABRIKAM_ID())).isEqualTo(2);
        Response deleted = call("DELETE", root(FABRIKAM) + "/CloudServices/csWithRole", null);
        assertThat(deleted.status()).isEqualTo(204);
        JsonNode job = awaitJobOf(FABRIKAM, deleted);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo("Remove cloud service");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE computer_name LIKE 'CSWR%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_roles WHERE name = 'web' AND subscription_id = ?",
                Integer.class, FABRIKAM_ID())).isZero();
        assertThat(call("GET", root(FABRIKAM) + "/CloudServices/csWithRole", null).status()).isEqualTo(404);
    }

    private static java.util.UUID FABRIKAM_ID() {
        return java.util.UUID.fromString(FABRIKAM);
    }

    static void assertRefused(Response answer, int status, String naming) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().at("/odata.error/code").asText()).isNotBlank();
        assertThat(answer.json().at("/odata.error/message/lang").asText()).isEqualTo("en-US");
        assertThat(answer.json().at("/odata.error/message/value").asText()).contains(naming);
    }
}
