package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating, updating and deleting Services over HTTP, with the verbs and bodies SPF clients send. */
class ServiceWriteTest extends HttpTestSupport {

    @Test
    void createAssignsIdTakesNameFromConfigurationAndSettingsFromTemplate() {
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"odata.type":"VMM.Service","ID":"00000000-0000-0000-0000-000000000000","Name":null,
                 "StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s",
                 "GrantedToList@odata.type":"Collection(VMM.UserAndRole)","GrantedToList":[],
                 "CustomProperty@odata.type":"Collection(VMM.CustomProperty)","CustomProperty":[],
                 "DeploymentState":null,"AddedTime":null,"IgnorePlacementErrors":true,
                 "NewServiceDeployment":{"odata.type":"VMM.NewServiceDeployment",
                   "ServiceConfiguration":{"odata.type":"VMM.ServiceDeploymentConfiguration","Name":"SQL-backed Website",
                     "Description":"from configuration","CostCenter":"CC-77","Priority":"High","Tag":null,
                     "ServiceSettings@odata.type":"Collection(VMM.ServiceSettingsInput)",
                     "ServiceSettings":[{"Name":"External","Value":"ext-net","Description":null,"IsRequired":null,"IsEncrypted":null},
                                        {"Name":"Infrastructure","Value":"infra-net"},
                                        {"Name":"LocalAdmin","Value":"s3cret","IsEncrypted":true}]},
                   "TierConfigurations":[]}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_2), "Accept", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode service = created.json();
        String id = service.get("ID").asText();
        assertThat(id).isNotEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(created.header("Location")).endsWith("/Services(ID=" + id + ",StampId=" + WEST_STAMP + ")");
        assertThat(service.get("Name").asText()).isEqualTo("SQL-backed Website");
        assertThat(service.get("Description").asText()).isEqualTo("from configuration");
        assertThat(service.get("CostCenter").asText()).isEqualTo("CC-77");
        assertThat(service.get("ServicePriority").asText()).isEqualTo("High");
        assertThat(service.get("ServiceTemplateRelease").asText()).isEqualTo("2.0");
        assertThat(service.get("DeploymentState").asText()).isEqualTo("Deployed");
        assertThat(service.get("IgnorePlacementErrors").asBoolean()).isTrue();
        assertThat(service.get("GrantedToList").get(0).get("RoleID").asText()).isEqualTo(FABRIKAM);
        JsonNode settings = service.get("ServiceSettings");
        assertThat(settings).hasSize(3);
        assertThat(settings.get(0).get("Name").asText()).isEqualTo("External");
        assertThat(settings.get(0).get("Value").asText()).isEqualTo("ext-net");
        assertThat(settings.get(0).get("GlobalSettingType").asText()).isEqualTo("VMNetwork");
        assertThat(settings.get(1).get("Name").asText()).isEqualTo("LocalAdmin");
        assertThat(settings.get(1).get("HasEncryptedValue").asBoolean()).isTrue();
        assertThat(settings.get(1).get("Value").isNull()).as("an encrypted value is never read back").isTrue();
        assertThat(created.body()).doesNotContain("s3cret");

        Response read = get(vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), "Accept", "application/json");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("Name").asText()).isEqualTo("SQL-backed Website");
        assertThat(get(vmm(CONTOSO) + "/" + serviceKey(id, WEST_STAMP)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing StampId|{\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|StampId",
        "missing CloudId|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|CloudId",
        "zero CloudId|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"00000000-0000-0000-0000-000000000000\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|CloudId",
        "missing ServiceTemplateId|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"Name\":\"x\"}|ServiceTemplateId",
        "unknown cloud|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"11111111-2222-3333-4444-555555555555\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|11111111-2222-3333-4444-555555555555",
        "another tenant's cloud|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"7c4b2e19-6d3a-4f85-9e21-b8a0c3d4e5f6\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|CloudId",
        "cloud on another stamp|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"3a9e6c52-8f1b-4d7e-b0a4-5c2d9e1f7a30\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|CloudId",
        "unknown template|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"99999999-2222-3333-4444-555555555555\",\"Name\":\"x\"}|99999999-2222-3333-4444-555555555555",
        "template not granted|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"6f2d4b8e-1a3c-4e5f-9b7d-0c2e4a6f8b1d\",\"Name\":\"x\"}|ServiceTemplateId",
        "no name anywhere|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\"}|Name",
        "unknown setting|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\",\"NewServiceDeployment\":{\"ServiceConfiguration\":{\"ServiceSettings\":[{\"Name\":\"Bogus\",\"Value\":\"1\"}]}}}|Bogus",
        "mandatory setting missing|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\"}|External",
        "bad priority|{\"StampId\":\"56ebc6dc-f63c-46e2-8438-2967e0ad83bc\",\"CloudId\":\"d1f15abc-672d-464b-b3bc-376d2087bb8e\",\"ServiceTemplateId\":\"20a730c8-228a-4d6a-9a8f-6506b21236a9\",\"Name\":\"x\",\"ServicePriority\":\"Urgent\"}|Urgent"
    })
    void createRefusesWhatItCannotDeployNamingWhy(String label, String body, String named) {
        var before = databaseSnapshot();
        Response response = send("POST", vmm(FABRIKAM) + "/Services", body, "Accept", "application/json");
        assertThat(response.status()).as(response.body()).isIn(400, 404);
        assertThat(response.json().get("error").get("message").asText()).contains(named);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void putPatchMergeAndTunnelledMergeUpdateWithMergeSemantics() {
        String id = createGateway("Update me");
        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);

        assertThat(send("PUT", url, "{\"Description\":\"by put\",\"Name\":null}").status()).isEqualTo(204);
        assertThat(send("PATCH", url, "{\"CostCenter\":\"CC-PATCH\"}").status()).isEqualTo(204);
        assertThat(send("MERGE", url, "{\"odata.type\":\"VMM.Service\",\"ServicePriority\":\"Low\"}",
                "Content-Type", "application/json;odata=minimalmetadata", "DataServiceVersion", "3.0;").status())
                .isEqualTo(204);
        assertThat(send("POST", url, "{\"Owner\":{\"UserName\":\"alice@fabrikam.com\"}}", "X-HTTP-Method", "MERGE")
                .status()).isEqualTo(204);
        // Server-owned members and annotations in the body are ignored, as are absent and null ones.
        assertThat(send("PUT", url, """
                {"@odata.type":"#VMM.Service","StampId@odata.type":"Guid","ID":"%s","StampId":"%s",
                 "DeploymentState":"Deleting","ServiceStatus":"Bogus","AddedTime":"2000-01-01T00:00:00Z",
                 "ServiceTemplateRelease":"9.9","GrantedToList":[],"Owner":{"RoleName":"Owners"}}
                """.formatted(id, WEST_STAMP)).status()).isEqualTo(204);

        JsonNode service = get(url, "Accept", "application/json").json();
        assertThat(service.get("Name").asText()).isEqualTo("Update me");
        assertThat(service.get("Description").asText()).isEqualTo("by put");
        assertThat(service.get("CostCenter").asText()).isEqualTo("CC-PATCH");
        assertThat(service.get("ServicePriority").asText()).isEqualTo("Low");
        assertThat(service.get("Owner").get("UserName").asText()).isEqualTo("alice@fabrikam.com");
        assertThat(service.get("Owner").get("RoleName").asText()).isEqualTo("Owners");
        assertThat(service.get("DeploymentState").asText()).isEqualTo("Deployed");
        assertThat(service.get("ServiceTemplateRelease").asText()).isEqualTo("1.0");
        assertThat(service.get("GrantedToList")).hasSize(1);
        assertThat(service.get("AddedTime").asText()).doesNotStartWith("2000");
    }

    @Test
    void preferReturnContentAnswers200WithTheEntity() {
        String id = createGateway("Prefer me");
        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        Response v3 = send("PUT", url, "{\"Name\":\"Preferred\"}", "Prefer", "return-content", "Accept",
                "application/json");
        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.json().get("Name").asText()).isEqualTo("Preferred");
        Response v4 = send("PATCH", url, "{\"Description\":\"d\"}", "Prefer", "return=representation", "Accept",
                "application/json");
        assertThat(v4.status()).isEqualTo(200);
        assertThat(v4.json().get("Description").asText()).isEqualTo("d");
        assertThat(v4.json().get("Name").asText()).isEqualTo("Preferred");
    }

    @Test
    void updateOfAnotherTenantsServiceIsNotFoundAndChangesNothing() {
        var before = databaseSnapshot();
        Response response = send("PUT", vmm(CONTOSO) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP),
                "{\"Name\":\"stolen\"}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(send("DELETE", vmm(CONTOSO) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), null).status())
                .isEqualTo(404);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void deleteAnswers204ThenTheServiceIsGone() {
        String id = createGateway("Delete me");
        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        assertThat(send("PUT", url, "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        // Clients send a Content-Type on DELETE too; without a body it does not matter.
        assertThat(send("DELETE", url, null, "Content-Type", "application/xml").status()).isEqualTo(204);
        assertThat(get(url).status()).isEqualTo(404);
        assertThat(send("DELETE", url, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_settings WHERE service_id = ?", Integer.class,
                java.util.UUID.fromString(id))).isZero();
    }
}
