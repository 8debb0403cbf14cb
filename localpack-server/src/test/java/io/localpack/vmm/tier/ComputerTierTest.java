package io.localpack.vmm.tier;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEBSITE_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading ComputerTiers over HTTP: the fixtures' tiers, tenant scoping, tiers of deployed services, refused writes. */
class ComputerTierTest extends HttpTestSupport {

    private static final String ACCEPT_JSON = "application/json";
    /** The Web Tier and Data Tier of Fabrikam Web Store (12_vmm_tiers.sql). */
    private static final String WEB_STORE_WEB_TIER = "d655931a-3868-5deb-96c7-fed4d0d81c4d";
    private static final String WEB_STORE_DATA_TIER = "d80fb427-bd86-532e-b304-6c377473c5ef";
    /** The Gateway Tier of Network Gateway 1. */
    private static final String GATEWAY_TIER = "cc2cb761-caf2-5b93-86b3-ad00f466eef2";

    private static String tierKey(String id, String stamp) {
        return "ComputerTiers(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    private JsonNode tiersOf(String subscription, String serviceId) {
        return get(vmm(subscription) + "/ComputerTiers?$filter=ServiceId eq guid'" + serviceId + "'&$orderby=Name",
                "Accept", ACCEPT_JSON).json().get("value");
    }

    private JsonNode machinesOf(String serviceId) {
        return get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'" + serviceId + "'&$orderby=Name",
                "Accept", ACCEPT_JSON).json().get("value");
    }

    private static List<String> names(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.get("Name").asText()));
        return names;
    }

    private static Map<String, String> idsByName(JsonNode tiers) {
        Map<String, String> ids = new HashMap<>();
        tiers.forEach(t -> ids.put(t.get("Name").asText(), t.get("ID").asText()));
        return ids;
    }

    @Test
    void listsTheTiersOfAServiceByServiceId() {
        JsonNode tiers = tiersOf(FABRIKAM, WEB_STORE_SERVICE);
        assertThat(names(tiers)).containsExactly("Data Tier", "Web Tier");
        JsonNode web = tiers.get(1);
        assertThat(web.get("ID").asText()).isEqualTo(WEB_STORE_WEB_TIER);
        assertThat(web.get("StampId").asText()).isEqualTo(EAST_STAMP);
        assertThat(web.get("ServiceId").asText()).isEqualTo(WEB_STORE_SERVICE);
        assertThat(web.get("DeploymentState").asText()).isEqualTo("Deployed");
        assertThat(web.get("ComputerTierStatus").asText()).isEqualTo("OK");
        assertThat(web.get("InstanceMinimumCount").asInt()).isEqualTo(1);
        assertThat(web.get("InstanceMaximumCount").asInt()).isEqualTo(2);
        assertThat(web.get("Enabled").asBoolean()).isTrue();
        assertThat(web.get("Accessibility").asText()).isEqualTo("Public");
        // The same instant on every database (H2 keeps the offset as written, PostgreSQL answers in UTC).
        assertThat(java.time.OffsetDateTime.parse(web.get("AddedTime").asText()).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2014-05-02T09:12:30.25-07:00").toInstant());
        assertThat(web.get("CustomProperty").isArray()).isTrue();
        assertThat(web.get("CustomProperty")).isEmpty();
        assertThat(web.get("FailedJobID").isNull()).isTrue();
        assertThat(get(vmm(FABRIKAM) + "/ComputerTiers/$count?$filter=ServiceId eq guid'" + GATEWAY_SERVICE + "'")
                .body()).isEqualTo("1");
    }

    @Test
    void everyFixtureMachinePointsAtTheTierOfItsServiceWithItsTierName() {
        // Other tests add machines and tiers in the same database; the fixtures' were all added before 2015.
        String fixtures = " < TIMESTAMP WITH TIME ZONE '2015-01-01 00:00:00Z'";
        Integer unmatched = jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines v"
                + " WHERE v.service_id IS NOT NULL AND v.added_time" + fixtures
                + " AND NOT EXISTS (SELECT 1 FROM computer_tiers t WHERE t.id = v.computer_tier_id"
                + " AND t.stamp_id = v.stamp_id AND t.service_id = v.service_id AND t.name = v.computer_tier_name"
                + " AND t.subscription_id = v.subscription_id)", Integer.class);
        assertThat(unmatched).isZero();
        Integer tiersWithoutMachines = jdbc.queryForObject("SELECT COUNT(*) FROM computer_tiers t"
                + " WHERE t.added_time" + fixtures + " AND NOT EXISTS"
                + " (SELECT 1 FROM virtual_machines v WHERE v.computer_tier_id = t.id AND v.stamp_id = t.stamp_id)",
                Integer.class);
        assertThat(tiersWithoutMachines).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM computer_tiers WHERE added_time" + fixtures,
                Integer.class)).isEqualTo(17);
    }

    @Test
    void virtualMachinesCarryTheComputerTierIdOfTheirTier() {
        Map<String, String> tierOfMachine = new HashMap<>();
        machinesOf(WEB_STORE_SERVICE).forEach(vm -> tierOfMachine.put(vm.get("Name").asText(),
                vm.get("ComputerTierId").asText()));
        assertThat(tierOfMachine).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Fabrikam Web Store-Data01", WEB_STORE_DATA_TIER,
                "Fabrikam Web Store-Web01", WEB_STORE_WEB_TIER,
                "Fabrikam Web Store-Web02", WEB_STORE_WEB_TIER));
        JsonNode byTier = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ComputerTierId eq guid'" + WEB_STORE_WEB_TIER
                + "'", "Accept", ACCEPT_JSON).json().get("value");
        assertThat(names(byTier)).containsExactlyInAnyOrder("Fabrikam Web Store-Web01", "Fabrikam Web Store-Web02");
    }

    @Test
    void getsOneTierByKeyInEitherOrderAndGuidSpelling() {
        Response byKey = get(vmm(FABRIKAM) + "/" + tierKey(GATEWAY_TIER, WEST_STAMP), "Accept", ACCEPT_JSON);
        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.json().get("Name").asText()).isEqualTo("Gateway Tier");
        assertThat(byKey.json().get("ServiceId").asText()).isEqualTo(GATEWAY_SERVICE);
        Response swapped = get(vmm(FABRIKAM) + "/ComputerTiers(StampId=Guid'" + WEST_STAMP + "',ID=Guid'"
                + GATEWAY_TIER + "')", "Accept", ACCEPT_JSON);
        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.json().get("ID").asText()).isEqualTo(GATEWAY_TIER);
    }

    @Test
    void anotherSubscriptionsTierIsNotFound() {
        Response response = get(vmm(CONTOSO) + "/" + tierKey(GATEWAY_TIER, WEST_STAMP), "Accept", ACCEPT_JSON);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error")).isNotNull();
        assertThat(tiersOf(CONTOSO, WEB_STORE_SERVICE)).isEmpty();
        // A missing key and a key on the wrong stamp are as absent.
        assertThat(get(vmm(FABRIKAM) + "/" + tierKey(GATEWAY_TIER, EAST_STAMP)).status()).isEqualTo(404);
        assertThat(get(vmm(FABRIKAM) + "/" + tierKey("00000000-0000-0000-0000-000000000001", WEST_STAMP)).status())
                .isEqualTo(404);
    }

    @Test
    void filteringOnAPropertyTheDatabaseCannotFilterOnIsABadRequest() {
        Response response = get(vmm(FABRIKAM) + "/ComputerTiers?$filter=NoSuchProperty eq 1", "Accept", ACCEPT_JSON);
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aDeployedServiceGetsItsTiersAndItsMachinesPointAtThem() {
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"Tiered Site"}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, WEBSITE_TEMPLATE_2), "Accept", ACCEPT_JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        assertThat(awaitJob(created.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");

        JsonNode tiers = tiersOf(FABRIKAM, id);
        assertThat(names(tiers)).containsExactly("Data Tier", "Web Tier");
        assertThat(tiers).allSatisfy(tier -> {
            assertThat(tier.get("StampId").asText()).isEqualTo(EAST_STAMP);
            assertThat(tier.get("DeploymentState").asText()).isEqualTo("Deployed");
            assertThat(tier.get("ComputerTierStatus").asText()).isEqualTo("OK");
        });
        assertThat(tiers.get(1).get("InstanceMaximumCount").asInt()).isEqualTo(2);
        Map<String, String> tierIds = idsByName(tiers);
        Map<String, String> tierOfMachine = new HashMap<>();
        machinesOf(id).forEach(vm -> tierOfMachine.put(vm.get("Name").asText(), vm.get("ComputerTierId").asText()));
        assertThat(tierOfMachine).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Tiered Site-Data01", tierIds.get("Data Tier"),
                "Tiered Site-Web01", tierIds.get("Web Tier"),
                "Tiered Site-Web02", tierIds.get("Web Tier")));
        assertThat(tiersOf(CONTOSO, id)).isEmpty();
    }

    @Test
    void aFailedDeploymentLeavesItsTiersNeedingAttention() {
        // Deploy jobs carry no template parameter to match on, so the rule matches the next deploy: the one below.
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.deploy","errorCode":20400,"atStep":3,
                 "message":"The virtual machine could not be created.","times":"once"}""").status()).isIn(200, 201);
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"Failing Gateway",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"e"},{"Name":"Infrastructure","Value":"i"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_2), "Accept", ACCEPT_JSON);
        // The deploy runs synchronously, so its failure is the answer; the job names the service it created.
        assertThat(created.status()).as(created.body()).isEqualTo(500);
        JsonNode job = awaitJob(created.header("x-ms-request-id"));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        String id = job.get("TargetObjectID").asText();

        JsonNode tiers = tiersOf(FABRIKAM, id);
        assertThat(names(tiers)).containsExactly("Gateway Tier");
        assertThat(tiers.get(0).get("ComputerTierStatus").asText()).isEqualTo("NeedsAttention");
        assertThat(tiers.get(0).get("DeploymentState").asText()).isEqualTo("DeploymentFailed");
        assertThat(tiers.get(0).get("FailedJobID").asText()).isEqualTo(job.get("ID").asText());
    }

    @Test
    void deletingAServiceRemovesItsTiers() {
        String id = createGateway("Tiers go with me");
        awaitDeployed(id);
        assertThat(tiersOf(FABRIKAM, id)).hasSize(1);
        String service = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        assertThat(send("PUT", service, "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        Response deleted = send("DELETE", service, null);
        assertThat(deleted.status()).isEqualTo(204);
        awaitJob(deleted.header("x-ms-request-id"));
        assertThat(tiersOf(FABRIKAM, id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM computer_tiers WHERE service_id = ?", Integer.class,
                java.util.UUID.fromString(id))).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST   | ComputerTiers",
        "PUT    | KEY",
        "MERGE  | KEY",
        "PATCH  | KEY",
        "DELETE | KEY"
    })
    void writesAre405AndChangeNothing(String method, String path) {
        List<String> before = databaseSnapshot();
        String url = vmm(FABRIKAM) + "/" + (path.equals("KEY") ? tierKey(GATEWAY_TIER, WEST_STAMP) : path);
        String body = method.equals("DELETE") ? null : """
                {"StampId":"%s","ServiceId":"%s","Name":"Sneaky Tier"}""".formatted(WEST_STAMP, GATEWAY_SERVICE);
        Response response = send(method, url, body, "Accept", ACCEPT_JSON);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("MethodNotAllowed");
        assertThat(response.json().get("error").get("message").asText()).contains("ComputerTiers is read-only");
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void metadataDescribesComputerTierWithSpfNamesAndTypes() {
        assertThat(get(vmm(FABRIKAM) + "/$metadata").body())
                .contains("<EntitySet Name=\"ComputerTiers\" EntityType=\"VMM.ComputerTier\"");
        ODataClient client = ODataClientFactory.getClient();
        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(vmm(FABRIKAM)).execute().getBody();
        EdmEntityType tier = edm.getEntityType(new FullQualifiedName("VMM", "ComputerTier"));
        assertThat(tier.getKeyPredicateNames()).containsExactly("ID", "StampId");
        assertThat(tier.getPropertyNames()).containsExactlyInAnyOrder("ID", "StampId", "Accessibility", "AddedTime",
                "AllVMsAccessible", "ComputerTierStatus", "CustomProperty", "DeploymentState", "Description",
                "Enabled", "FailedJobID", "InstanceMaximumCount", "InstanceMinimumCount", "ModifiedTime", "Name",
                "ServiceId");
        assertThat(type(tier, "AddedTime")).isEqualTo("Edm.DateTimeOffset");
        assertThat(type(tier, "InstanceMaximumCount")).isEqualTo("Edm.Int32");
        assertThat(type(tier, "ServiceId")).isEqualTo("Edm.Guid");
        assertThat(type(tier, "FailedJobID")).isEqualTo("Edm.Guid");
        assertThat(type(tier, "CustomProperty")).isEqualTo("VMM.CustomProperty");
        assertThat(((EdmProperty) tier.getProperty("CustomProperty")).isCollection()).isTrue();
    }

    private static String type(EdmEntityType type, String property) {
        return ((EdmProperty) type.getProperty(property)).getType().getFullQualifiedName()
                .getFullQualifiedNameAsString();
    }

    private void awaitDeployed(String serviceId) {
        Await.until("service " + serviceId + " to be Deployed",
                () -> get(vmm(FABRIKAM) + "/" + serviceKey(serviceId, WEST_STAMP), "Accept", ACCEPT_JSON).json()
                        .get("DeploymentState").asText(),
                "Deployed"::equals);
    }
}
