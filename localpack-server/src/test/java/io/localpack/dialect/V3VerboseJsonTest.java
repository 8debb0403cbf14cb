package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** V3 verbose JSON ({@code application/json;odata=verbose}): the d wrapper, results, __count, __next, __metadata. */
@TestPropertySource(properties = "localpack.odata.page-size=2")
class V3VerboseJsonTest extends HttpTestSupport {

    private static final String VERBOSE = "application/json;odata=verbose";

    private String gatewayUrl() {
        return vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
    }

    @Test
    void oneEntityIsWrappedInDWithItsMetadata() {
        Response response = get(gatewayUrl(), v3("Accept", VERBOSE));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;odata=verbose;charset=utf-8");
        JsonNode service = response.json().get("d");
        assertThat(service.get("__metadata").get("uri").asText())
                .isEqualTo(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP));
        assertThat(service.get("__metadata").get("type").asText()).isEqualTo("VMM.Service");
        // navigations not expanded are deferred links, in V3 key syntax
        assertThat(service.get("Cloud").get("__deferred").get("uri").asText())
                .isEqualTo(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP) + "/Cloud");
        assertThat(service.get("ComputerTiers").get("__deferred").get("uri").asText()).endsWith("/ComputerTiers");
        assertThat(service.get("ID").asText()).isEqualTo(GATEWAY_SERVICE);
        // Edm.DateTime in verbose JSON is milliseconds since the epoch, in UTC.
        assertThat(service.get("AddedTime").asText()).isEqualTo("/Date("
                + OffsetDateTime.parse("2014-04-29T16:44:11.6-07:00").toInstant().toEpochMilli() + ")/");
        JsonNode granted = service.get("GrantedToList");
        assertThat(granted.get("__metadata").get("type").asText()).isEqualTo("Collection(VMM.UserAndRole)");
        assertThat(granted.get("results").get(0).get("RoleName").asText()).isEqualTo("tenant@fabrikam.com_" + FABRIKAM);
        assertThat(service.get("Owner").get("__metadata").get("type").asText()).isEqualTo("VMM.UserAndRole");
        assertThat(V3JsonLightTest.annotationNames(response.json())).isEmpty();
    }

    @Test
    void aCollectionIsResultsWithCountAndNext() {
        Response response = get(vmm(FABRIKAM) + "/Services?$inlinecount=allpages&$orderby=Name", v3("Accept", VERBOSE));
        assertThat(response.status()).isEqualTo(200);
        JsonNode d = response.json().get("d");
        assertThat(d.get("results")).hasSize(2);
        assertThat(d.get("results").get(0).get("__metadata").get("type").asText()).isEqualTo("VMM.Service");
        assertThat(d.get("__count").isTextual()).isTrue();
        assertThat(Long.parseLong(d.get("__count").asText())).isGreaterThan(2);
        JsonNode next = get(d.get("__next").asText(), v3("Accept", VERBOSE)).json().get("d");
        assertThat(next.get("results").get(0).get("Name").asText())
                .isGreaterThan(d.get("results").get(1).get("Name").asText());
    }

    @Test
    void anErrorIsTheVerboseErrorObject() {
        Response response = get(vmm(FABRIKAM) + "/" + serviceKey("00000000-0000-0000-0000-000000000001", WEST_STAMP),
                v3("Accept", VERBOSE));
        assertThat(response.status()).isEqualTo(404);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("NotFound");
        assertThat(error.get("message").get("lang").asText()).isEqualTo("en-US");
        assertThat(error.get("message").get("value").asText()).contains("not found");
        Response early = get(vmm("00000000-0000-0000-0000-0000000000aa") + "/Services", v3("Accept", VERBOSE));
        assertThat(early.json().get("error").get("code").asText()).isEqualTo("SubscriptionNotFound");
        assertThat(early.json().get("error").get("message").get("lang").asText()).isEqualTo("en-US");
    }
}
