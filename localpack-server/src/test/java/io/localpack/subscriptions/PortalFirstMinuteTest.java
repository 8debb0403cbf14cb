package io.localpack.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A tenant portal's first minute, as WAPTenantPublicAPI and the sample portal make it: connect with
 * {@code GET /subscriptions/}, pick a subscription, read its quota and usage, then list its clouds and services
 * through VMM, and the cloud services through the Service Management API.
 */
class PortalFirstMinuteTest extends SubscriptionApiSupport {

    @Test
    void listPickReadQuotaThenUseVmm() {
        Response connect = getAs("tenant%40fabrikam.com", "/subscriptions/");
        assertThat(connect.status()).isEqualTo(200);
        JsonNode picked = null;
        for (JsonNode s : connect.json()) {
            if (s.get("SubscriptionName").asText().equals("Fabrikam Dev")) {
                picked = s;
            }
        }
        assertThat(picked).as("Fabrikam Dev in " + connect.body()).isNotNull();
        String id = picked.get("SubscriptionID").asText();
        assertThat(picked.get("Services").findValuesAsText("Type")).contains("systemcenter");

        Response subscription = getAs("tenant@fabrikam.com", "/subscriptions/" + id);
        String quota = subscription.json().get("Services").get(0).get("BaseQuotaSettings").get(0).get("Value").asText();
        JsonNode usages = getAs("tenant@fabrikam.com", "/subscriptions/" + id + "/usagesummaries").json()
                .get(0).get("Usages");
        long services = 0;
        for (JsonNode usage : usages) {
            if (usage.get("DisplayName").asText().equals("Services")) {
                services = usage.get("CurrentValue").asLong();
            }
        }

        JsonNode clouds = get(vmm(id) + "/Clouds", "Accept", "application/json", "x-ms-principal-id",
                "tenant@fabrikam.com").json().get("value");
        assertThat(clouds).isNotEmpty();
        for (JsonNode cloud : clouds) {
            assertThat(quota).as("the quota names each cloud the tenant lists, or the cloud is no plan cloud")
                    .satisfiesAnyOf(q -> assertThat(q).contains(cloud.get("ID").asText()),
                            q -> assertThat(cloud.get("Name").asText()).isEqualTo("Fabrikam Test Cloud"));
        }
        JsonNode listed = get(vmm(id) + "/Services/$count", "x-ms-principal-id", "tenant@fabrikam.com").json();
        assertThat(listed.asLong()).isEqualTo(services);
        assertThat(send("GET", base + "/" + id + "/services/hostedservices", null, "x-ms-version", "2015-04-01")
                .status()).isEqualTo(200);
    }
}
