package io.localpack.subscriptions;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /subscriptions, /subscriptions/{id}, /plans and /addons: shapes, scoping, and the spellings clients send. */
class SubscriptionReadsTest extends SubscriptionApiSupport {

    @Test
    void listsTheCallersSubscriptionsAsABareArray() {
        Response fabrikam = getAs(FABRIKAM_ADMIN, "/subscriptions");

        assertThat(fabrikam.status()).isEqualTo(200);
        assertThat(fabrikam.header("Content-Type")).startsWith("application/json");
        JsonNode list = fabrikam.json();
        assertThat(list.isArray()).isTrue();
        assertThat(ids(list)).containsExactly(FABRIKAM);
        assertThat(ids(getAs(FABRIKAM_CO_ADMIN, "/subscriptions").json())).containsExactly(FABRIKAM);
        assertThat(ids(getAs("ops@contoso.com", "/subscriptions").json())).containsExactly(CONTOSO);
        assertThat(getAs("nobody@example.com", "/subscriptions").json()).isEmpty();
    }

    @Test
    void oneSubscriptionHasEveryMemberInWapsOrderAndSpelling() {
        Response response = getAs(FABRIKAM_ADMIN, "/subscriptions/" + FABRIKAM);

        assertThat(response.status()).isEqualTo(200);
        JsonNode s = response.json();
        List<String> names = new ArrayList<>();
        s.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(SUBSCRIPTION_MEMBERS);
        assertThat(s.get("SubscriptionID").asText()).isEqualTo(FABRIKAM);
        assertThat(s.get("SubscriptionName").asText()).isEqualTo("Fabrikam Dev");
        assertThat(s.get("AccountAdminLiveEmailId").asText()).isEqualTo(FABRIKAM_ADMIN);
        assertThat(s.get("ServiceAdminLiveEmailId").isNull()).isTrue();
        assertThat(s.get("CoAdminNames").get(0).asText()).isEqualTo(FABRIKAM_CO_ADMIN);
        assertThat(s.get("AddOnReferences").get(0).get("AddOnId").asText()).isEqualTo(EXTRA_VMS);
        assertThat(s.get("AddOns").get(0).get("Id").asText()).isEqualTo(EXTRA_VMS);
        assertThat(s.get("State").asInt()).isEqualTo(1);
        assertThat(s.get("PlanId").asText()).isEqualTo(GOLD);
        assertThat(s.get("OfferFriendlyName").asText()).isEqualTo("Gold");
        assertThat(s.get("Created").asText()).isEqualTo("2014-03-12T16:00:00Z");
        JsonNode services = s.get("Services");
        assertThat(services.findValuesAsText("Type")).containsExactly("systemcenter", "cloudservices");
        JsonNode vmmQuota = services.get(0).get("BaseQuotaSettings").get(0);
        assertThat(vmmQuota.get("Key").asText()).isEqualTo("Clouds");
        assertThat(vmmQuota.get("Value").asText()).startsWith("<Clouds><Cloud Id=\"")
                .contains("<RoleVMCount>50</RoleVMCount>");
        assertThat(services.get(1).get("BaseQuotaSettings").get(0).get("Value").asText()).isEqualTo("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/", "//subscriptions", "/Subscriptions", "/SUBSCRIPTIONS/"})
    void theListAnswersEverySpelling(String path) {
        Response response = getAs(FABRIKAM_ADMIN, path);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactly(FABRIKAM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Subscriptions/{id}", "//subscriptions/{id}", "/subscriptions/{id}/",
            "/Subscriptions/{id}/Certificates", "//subscriptions/{id}/usagesummaries/", "/subscriptions/{{id}}"})
    void oneSubscriptionAnswersEverySpelling(String path) {
        Response response = getAs(FABRIKAM_ADMIN, path.replace("{id}", FABRIKAM).replace("{{", "%7B")
                .replace("}}", "%7D"));

        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    }

    /** Microsoft's sample client sends no Accept header (and reads JSON or XML): JSON unless XML is asked for. */
    @Test
    void answersJsonUnlessTheClientAsksForXml() {
        for (String accept : new String[] {null, "*/*", "application/json;odata=fullmetadata",
                "application/json, application/xml"}) {
            List<String> headers = new ArrayList<>(List.of("x-ms-principal-id", FABRIKAM_ADMIN));
            if (accept != null) {
                headers.addAll(List.of("Accept", accept));
            }
            Response response = sendNamingNoVersion("GET", base + "/subscriptions/" + FABRIKAM, null,
                    headers.toArray(String[]::new));
            assertThat(response.status()).as(accept).isEqualTo(200);
            assertThat(response.json().get("SubscriptionID").asText()).isEqualTo(FABRIKAM);
        }
    }

    @Test
    void aClientAskingForXmlGetsTheDataContractXml() throws Exception {
        Response list = call("GET", "/subscriptions", null, FABRIKAM_ADMIN, "Accept", "application/xml");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("application/xml");
        org.w3c.dom.Element root = io.localpack.xml.SafeXml.newBuilder().parse(new java.io.ByteArrayInputStream(
                list.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Subscriptions");
        assertThat(root.getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/windowsazure");
        org.w3c.dom.Element first = (org.w3c.dom.Element) root.getElementsByTagNameNS("*", "Subscription").item(0);
        assertThat(first.getElementsByTagNameNS("*", "SubscriptionID").item(0).getTextContent()).isEqualTo(FABRIKAM);
        assertThat(first.getElementsByTagNameNS("http://schemas.microsoft.com/2003/10/Serialization/Arrays",
                "string").item(0).getTextContent()).isEqualTo(FABRIKAM_CO_ADMIN);
        assertThat(list.body()).contains("<ServiceAdminLiveEmailId i:nil=\"true\"");

        Response certificates = call("GET", "/subscriptions/" + FABRIKAM + "/certificates", null, FABRIKAM_ADMIN,
                "Accept", "application/xml");
        assertThat(certificates.body()).contains("<SubscriptionCertificates", "<SubscriptionCertificate>");
        Response missing = call("GET", "/subscriptions/not-a-guid", null, FABRIKAM_ADMIN, "Accept", "text/xml");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<Error", "<Code>SubscriptionNotFound</Code>");
    }

    @Test
    void thePrincipalMayBePercentEncodedOrBracketed() {
        assertThat(ids(getAs("tenant%40fabrikam.com", "/subscriptions").json())).containsExactly(FABRIKAM);
        assertThat(ids(getAs("[tenant@fabrikam.com]", "/subscriptions").json())).containsExactly(FABRIKAM);
        assertThat(ids(getAs("TENANT@FABRIKAM.COM", "/subscriptions").json())).containsExactly(FABRIKAM);
    }

    @Test
    void tenantsSeePublicPlansOnly() {
        JsonNode plans = call("GET", "/plans", null, null).json();

        assertThat(members(plans, "Id")).containsExactly(GOLD, STARTER);
        JsonNode gold = call("GET", "/plans/" + GOLD, null, null).json();
        assertThat(gold.get("DisplayName").asText()).isEqualTo("Gold");
        assertThat(gold.get("State").asInt()).isEqualTo(1);
        assertThat(gold.get("SubscriptionCount").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(gold.get("MaxSubscriptionsPerAccount").asInt()).isEqualTo(-1);
        assertThat(gold.get("InvitationCode").isNull()).isTrue();
        assertThat(gold.get("ServiceQuotas").findValuesAsText("ServiceName"))
                .containsExactly("systemcenter", "cloudservices");
        assertThat(members(gold.get("AddOns"), "Id")).containsExactly(EXTRA_VMS);
        assertThat(call("GET", "/plans/" + STARTER, null, null).json().get("MaxSubscriptionsPerAccount").asInt())
                .isEqualTo(1);

        Response pilot = call("GET", "/plans/" + PILOT, null, null);
        Response missing = call("GET", "/plans/NoSuchPlan", null, null);
        assertThat(pilot.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(pilot.json().get("Code").asText()).isEqualTo("PlanNotFound");
    }

    @Test
    void tenantsSeePublicAddOnsOnly() {
        assertThat(members(call("GET", "/addons", null, null).json(), "Id")).containsExactly(EXTRA_VMS);
        assertThat(call("GET", "/addons/" + EXTRA_VMS, null, null).json().get("MaxOccurrencesPerPlan").asInt())
                .isEqualTo(2);
        assertThat(call("GET", "/addons/" + PILOT_ADD_ON, null, null).status()).isEqualTo(404);
    }

    /** Fixture files written before plans existed insert subscriptions with id, name and account admin only. */
    @Test
    void aSubscriptionFromAnOldFixtureReadsWithoutAPlan() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO subscriptions (id, name, account_admin) VALUES (CAST(? AS UUID), 'Old style', "
                + "'old@example.com')", id);
        try {
            JsonNode s = getAs("old@example.com", "/subscriptions/" + id).json();

            assertThat(s.get("State").asInt()).isEqualTo(1);
            assertThat(s.get("PlanId").isNull()).isTrue();
            assertThat(s.get("OfferFriendlyName").isNull()).isTrue();
            assertThat(s.get("Services").findValuesAsText("Type")).containsExactly("cloudservices");
            assertThat(s.get("Created").asText()).isNotEmpty();
            assertThat(getAs("old@example.com", "/subscriptions/" + id + "/usagesummaries").status()).isEqualTo(200);
        } finally {
            jdbc.update("DELETE FROM subscriptions WHERE id = CAST(? AS UUID)", id);
        }
    }

    @Test
    void anUnknownPathOrVerbAnswersInTheApisErrorShape() {
        Response unknown = getAs(FABRIKAM_ADMIN, "/subscriptions/" + FABRIKAM + "/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("Code").asText()).isEqualTo("ResourceNotFound");
        Response verb = call("PUT", "/plans", "{}", FABRIKAM_ADMIN);
        assertThat(verb.status()).isEqualTo(405);
        assertThat(verb.json().get("Code").asText()).isEqualTo("MethodNotAllowed");
    }

    static List<String> members(JsonNode list, String name) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(s -> ids.add(s.get("SubscriptionID").asText()));
        return ids;
    }
}
