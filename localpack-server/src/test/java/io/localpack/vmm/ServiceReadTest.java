package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.CONTOSO_CLOUD;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEB_FARM_TEMPLATE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/** Reading Services over HTTP: key forms real clients send, tenant scoping, and query options run in the database. */
@TestPropertySource(properties = "localpack.odata.page-size=4")
class ServiceReadTest extends HttpTestSupport {

    private static final String JSON_ACCEPT = "application/json";

    @ParameterizedTest
    @ValueSource(strings = {
        "Services(ID=8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3,StampId=56ebc6dc-f63c-46e2-8438-2967e0ad83bc)",
        "Services(ID=guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3',StampId=guid'56ebc6dc-f63c-46e2-8438-2967e0ad83bc')",
        "Services(ID=Guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3',StampId=Guid'56ebc6dc-f63c-46e2-8438-2967e0ad83bc')",
        "Services(StampId=guid'56ebc6dc-f63c-46e2-8438-2967e0ad83bc',ID=guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3')",
        "Services(ID=guid'{8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3}',StampId=guid'{56ebc6dc-f63c-46e2-8438-2967e0ad83bc}')",
        "Services(ID=guid%278a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3%27,StampId=guid%2756ebc6dc-f63c-46e2-8438-2967e0ad83bc%27)"
    })
    void readsOneServiceByEveryKeyFormClientsSend(String path) {
        Response response = get(vmm(FABRIKAM) + "/" + path, "Accept", JSON_ACCEPT);
        assertThat(response.status()).isEqualTo(200);
        JsonNode service = response.json();
        assertThat(service.get("ID").asText()).isEqualTo(GATEWAY_SERVICE);
        assertThat(service.get("Name").asText()).isEqualTo("Network Gateway 1");
        assertThat(service.get("CloudId").asText()).isEqualTo(FABRIKAM_CLOUD);
        assertThat(service.get("ServiceTemplateId").asText()).isEqualTo(GATEWAY_TEMPLATE_1);
        // The same instant on every database (H2 keeps the offset as written, PostgreSQL answers in UTC).
        assertThat(java.time.OffsetDateTime.parse(service.get("AddedTime").asText()).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2014-04-29T16:44:11.6-07:00").toInstant());
        assertThat(service.get("GrantedToList").get(0).get("RoleName").asText())
                .isEqualTo("tenant@fabrikam.com_" + FABRIKAM);
        assertThat(service.get("ServiceSettings")).hasSize(3);
        assertThat(response.header("x-ms-request-id")).isNotBlank();
    }

    @Test
    void everySeedPropertyIsInTheResponse() throws Exception {
        JsonNode seed = JSON.readTree(getClass().getResourceAsStream("/seed/service-003.json"));
        JsonNode service = get(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), "Accept", JSON_ACCEPT)
                .json();
        for (Iterator<String> names = seed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.startsWith("odata.")) {
                assertThat(service.has(name)).as(name).isTrue();
            }
        }
    }

    @Test
    void unknownKeyIs404AndMalformedGuidIs400() {
        Response unknown = get(vmm(FABRIKAM) + "/" + serviceKey("00000000-0000-0000-0000-000000000001", WEST_STAMP),
                "Accept", JSON_ACCEPT);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("code").asText()).isEqualTo("NotFound");
        Response malformed = get(vmm(FABRIKAM) + "/Services(ID=guid'not-a-guid',StampId=guid'" + WEST_STAMP + "')",
                "Accept", JSON_ACCEPT);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("message").asText()).contains("ID");
    }

    @Test
    void anotherSubscriptionsServiceIsNotFoundThere() {
        Response response = get(vmm(CONTOSO) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), "Accept", JSON_ACCEPT);
        assertThat(response.status()).isEqualTo(404);
        assertThat(names(get(vmm(CONTOSO) + "/Services?$top=100", "Accept", JSON_ACCEPT).json()))
                .doesNotContain("Network Gateway 1").contains("Contoso Gateway");
        JsonNode filtered = get(vmm(CONTOSO) + "/Services?$filter=ID eq guid'" + GATEWAY_SERVICE + "'"
                .replace(" ", "%20"), "Accept", JSON_ACCEPT).json();
        assertThat(filtered.get("value")).isEmpty();
    }

    @Test
    void emptyParenthesesAndV3FilterLiteralsLikeRealClientsSend() {
        String url = vmm(FABRIKAM) + "/Services()?$filter=StampId+eq+guid'" + WEST_STAMP + "'+and+ID+eq+Guid'{"
                + GATEWAY_SERVICE + "}'";
        JsonNode body = get(url, "Accept", JSON_ACCEPT).json();
        assertThat(names(body)).containsExactly("Network Gateway 1");
        JsonNode encoded = get(vmm(FABRIKAM) + "/Services?%24filter=(ID%20eq%20guid'" + GATEWAY_SERVICE + "')",
                "Accept", JSON_ACCEPT).json();
        assertThat(names(encoded)).containsExactly("Network Gateway 1");
    }

    @Test
    void filterOperatorsAndFunctionsRunInTheDatabase() {
        assertThat(names(query("$filter=ServicePriority eq 'Low'&$orderby=Name")))
                .containsExactly("Branch Office Gateway", "Gateway Test");
        assertThat(names(query("$filter=ServicePriority ne 'Normal' and not (ServicePriority eq 'Low')&$orderby=Name")))
                .containsExactly("Fabrikam Web Store", "Staging Gateway");
        assertThat(names(query("$filter=startswith(Name,'Fabrikam') or endswith(Name,'Test')&$orderby=Name")))
                .containsExactly("Fabrikam Intranet", "Fabrikam Reporting", "Fabrikam Web Store", "Gateway Test");
        assertThat(names(query("$filter=contains(Name,'Gateway') and ServiceStatus eq 'Stopped'&$orderby=Name")))
                .containsExactly("Branch Office Gateway", "Gateway Test");
        assertThat(names(query("$filter=substringof('Gateway', Name) and ServiceStatus eq 'Stopped'&$orderby=Name")))
                .containsExactly("Branch Office Gateway", "Gateway Test");
        assertThat(names(query("$filter=AddedTime gt 2014-06-01T00:00:00Z and AddedTime le 2014-06-15T09:00:00-07:00"
                + "&$orderby=AddedTime desc"))).containsExactly("Staging Gateway", "Network Gateway 2");
        assertThat(names(query("$filter=AddedTime ge datetime'2014-07-01T00:00:00'&$orderby=Name")))
                .containsExactly("Fabrikam Reporting");
        assertThat(names(query("$filter=AddedTime lt datetimeoffset'2014-04-30T00:00:00Z'&$orderby=Name")))
                .containsExactly("Network Gateway 1");
        assertThat(names(query("$filter=Description eq null&$orderby=Name"))).isEmpty();
        assertThat(names(query("$filter=tolower(Name) eq 'gateway test'"))).containsExactly("Gateway Test");
        assertThat(names(query("$filter=Enabled eq true and InServicingMode eq false&$top=2&$orderby=Name")))
                .containsExactly("Branch Office Gateway", "Fabrikam Intranet");
        assertThat(names(query("$filter=Owner/UserName eq null and CostCenter ge 'CC-3'&$orderby=CostCenter desc")))
                .containsExactly("Branch Office Gateway", "Fabrikam Reporting");
        assertThat(names(query("$filter=contains(Name,'%25') or contains(Name,'_')"))).isEmpty();
    }

    @Test
    void orderTopSkipSelectAndCounts() {
        JsonNode page = query("$orderby=Name desc&$top=3&$skip=1&$select=Name,CostCenter&$count=true");
        assertThat(names(page)).containsExactly("Network Gateway 2", "Network Gateway 1", "Gateway Test");
        assertThat(page.get("@odata.count").asInt()).isEqualTo(8);
        assertThat(page.get("value").get(0).has("ServiceSettings")).isFalse();
        assertThat(page.get("value").get(0).has("CostCenter")).isTrue();
        JsonNode v3 = query("$inlinecount=allpages&$top=1&$orderby=Name");
        assertThat(v3.get("@odata.count").asInt()).isEqualTo(8);

        Response count = get(vmm(FABRIKAM) + "/Services/$count?$filter=ServicePriority%20eq%20'Low'");
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.body()).isEqualTo("2");
        assertThat(get(vmm(CONTOSO) + "/Services/$count").body()).isEqualTo("4");
    }

    @Test
    void serverDrivenPagingFollowsNextLinksToTheEnd() {
        List<String> all = new ArrayList<>();
        String url = vmm(FABRIKAM) + "/Services?$orderby=Name&$select=Name";
        int pages = 0;
        while (url != null) {
            JsonNode page = get(url, "Accept", JSON_ACCEPT).json();
            assertThat(page.get("value").size()).isLessThanOrEqualTo(4);
            all.addAll(names(page));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(all).hasSize(8).isSorted();

        // $top caps the whole result across pages: 5 rows = a page of 4, then a page of 1.
        JsonNode first = query("$orderby=Name&$top=5");
        assertThat(first.get("value")).hasSize(4);
        JsonNode second = get(first.get("@odata.nextLink").asText(), "Accept", JSON_ACCEPT).json();
        assertThat(names(second)).containsExactly(all.get(4));
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void cloudsAndTemplatesAreReadOnlyAndScopedToTheSubscriptionsPlan() {
        JsonNode clouds = get(vmm(FABRIKAM) + "/Clouds", "Accept", JSON_ACCEPT).json();
        assertThat(names(clouds)).containsExactlyInAnyOrder("Fabrikam Cloud", "Fabrikam East Cloud", "Fabrikam Test Cloud");
        assertThat(get(vmm(FABRIKAM) + "/Clouds(ID=guid'" + CONTOSO_CLOUD + "',StampId=guid'" + WEST_STAMP + "')")
                .status()).isEqualTo(404);
        JsonNode templates = get(vmm(FABRIKAM) + "/ServiceTemplates?$filter=Name eq 'Network Gateway'&$orderby=Release"
                .replace(" ", "%20"), "Accept", JSON_ACCEPT).json();
        assertThat(templates.get("value")).hasSize(2);
        assertThat(templates.get("value").get(1).get("Release").asText()).isEqualTo("2.0");
        assertThat(get(vmm(FABRIKAM) + "/ServiceTemplates(ID=guid'" + WEB_FARM_TEMPLATE + "',StampId=guid'"
                + WEST_STAMP + "')").status()).isEqualTo(404);
        assertThat(get(vmm(CONTOSO) + "/ServiceTemplates(ID=guid'" + WEB_FARM_TEMPLATE + "',StampId=guid'"
                + WEST_STAMP + "')").status()).isEqualTo(200);
        assertThat(send("POST", vmm(FABRIKAM) + "/Clouds", "{}").status()).isEqualTo(405);
        assertThat(send("DELETE", vmm(FABRIKAM) + "/Clouds(ID=guid'" + FABRIKAM_CLOUD + "',StampId=guid'" + WEST_STAMP
                + "')", null).status()).isEqualTo(405);
    }

    private JsonNode query(String options) {
        Response response = get(vmm(FABRIKAM) + "/Services?" + options.replace(" ", "%20"), "Accept", JSON_ACCEPT);
        assertThat(response.status()).as(options + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("value").forEach(entity -> names.add(entity.get("Name").asText()));
        return names;
    }
}
