package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;

/** Navigation properties of Services, as paths and through $expand, tenant-scoped like every read. */
class ServiceNavigationTest extends HttpTestSupport {

    private final String gateway = "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);

    @Test
    void navigationPathsReachTheRelatedEntities() {
        JsonNode cloud = get(vmm(FABRIKAM) + gateway + "/Cloud", "Accept", "application/json").json();
        assertThat(cloud.get("Name").asText()).isEqualTo("Fabrikam Cloud");
        JsonNode template = get(vmm(FABRIKAM) + gateway + "/ServiceTemplate", "Accept", "application/json").json();
        assertThat(template.get("ID").asText()).isEqualTo(GATEWAY_TEMPLATE_1);
        assertThat(template.get("Release").asText()).isEqualTo("1.0");
        assertThat(get(vmm(FABRIKAM) + gateway + "/PendingServiceTemplate").status()).isEqualTo(204);
        assertThat(get(vmm(CONTOSO) + gateway + "/Cloud").status()).isEqualTo(404);
    }

    @Test
    void expandInlinesRelatedEntitiesOnOneServiceAndOnCollections() {
        JsonNode one = get(vmm(FABRIKAM) + gateway + "?$expand=ServiceTemplate,Cloud,PendingServiceTemplate",
                "Accept", "application/json").json();
        assertThat(one.get("ServiceTemplate").get("Name").asText()).isEqualTo("Network Gateway");
        assertThat(one.get("Cloud").get("ID").asText()).isEqualTo(FABRIKAM_CLOUD);
        assertThat(one.get("PendingServiceTemplate").isNull()).isTrue();

        JsonNode page = get(vmm(FABRIKAM) + "/Services?$expand=Cloud&$select=Name&$orderby=Name&$top=3",
                "Accept", "application/json").json();
        assertThat(page.get("value")).hasSize(3);
        page.get("value").forEach(service -> assertThat(service.get("Cloud").get("Name").asText()).startsWith("Fabrikam"));
    }

    @Test
    void computerTiersAreACollectionNavigation() {
        String webStore = "/" + serviceKey(WEB_STORE_SERVICE, EAST_STAMP);
        JsonNode tiers = get(vmm(FABRIKAM) + webStore + "/ComputerTiers?$orderby=Name", "Accept", "application/json")
                .json();
        assertThat(tiers.get("value")).extracting(t -> t.get("Name").asText()).containsExactly("Data Tier", "Web Tier");
        tiers.get("value").forEach(t -> assertThat(t.get("ServiceId").asText()).isEqualTo(WEB_STORE_SERVICE));
        JsonNode filtered = get(vmm(FABRIKAM) + webStore + "/ComputerTiers?$filter=Name eq 'Web Tier'&$count=true",
                "Accept", "application/json").json();
        assertThat(filtered.get("@odata.count").asInt()).isEqualTo(1);

        JsonNode expanded = get(vmm(FABRIKAM) + webStore + "?$expand=ComputerTiers", "Accept", "application/json")
                .json();
        assertThat(expanded.get("ComputerTiers")).hasSize(2);
        JsonNode page = get(vmm(FABRIKAM) + "/Services?$expand=ComputerTiers&$select=Name&$filter=ID eq guid'"
                + GATEWAY_SERVICE + "'", "Accept", "application/json").json();
        assertThat(page.get("value").get(0).get("ComputerTiers")).hasSize(1);
        assertThat(get(vmm(CONTOSO) + webStore + "/ComputerTiers").status()).isEqualTo(404);
    }

    @Test
    void mostRecentTaskIsTheLastJobOnTheService() {
        String id = createGateway("Navigate my job");
        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        Response stop = send("PUT", url, "{\"Operation\":\"Stop\"}");
        JsonNode task = get(url + "/MostRecentTask", "Accept", "application/json").json();
        assertThat(task.get("ID").asText()).isEqualTo(stop.header("x-ms-request-id"));
        JsonNode expanded = get(url + "?$expand=MostRecentTask,FailedJob", "Accept", "application/json").json();
        assertThat(expanded.get("MostRecentTask").get("Name").asText()).isEqualTo("Stop service");
        assertThat(expanded.get("FailedJob").isNull()).isTrue();
        assertThat(get(url + "?$expand=*", "Accept", "application/json").status()).isEqualTo(400);
    }

    @Test
    void fullMetadataNamesEveryNavigationLink() {
        var service = get(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP) + "?$expand=Cloud",
                "Accept", "application/json;odata.metadata=full").json();

        assertThat(service.get("Cloud@odata.navigationLink").asText())
                .isEqualTo("Services(ID=" + GATEWAY_SERVICE + ",StampId=" + WEST_STAMP + ")/Cloud");
        assertThat(service.get("ComputerTiers@odata.navigationLink").asText()).endsWith("/ComputerTiers");
        assertThat(service.get("Cloud").get("ID").asText()).isEqualTo(FABRIKAM_CLOUD); // still expanded
        var followed = get(vmm(FABRIKAM) + "/" + service.get("MostRecentTask@odata.navigationLink").asText()
                .replace("Services(ID=" + GATEWAY_SERVICE + ",StampId=" + WEST_STAMP + ")",
                        serviceKey(GATEWAY_SERVICE, WEST_STAMP)), "Accept", "application/json");
        assertThat(followed.status()).isIn(200, 204);
    }
}
