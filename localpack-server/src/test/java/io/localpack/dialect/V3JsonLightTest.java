package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.testsupport.HttpTestSupport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** V3 JSON light answers (minimal, full and no metadata), rewritten from Olingo's V4 JSON. */
@TestPropertySource(properties = "localpack.odata.page-size=2")
class V3JsonLightTest extends HttpTestSupport {

    private static final String MINIMAL = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";

    private String gatewayUrl() {
        return vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
    }

    @Test
    void oneEntityWithMinimalMetadataCarriesOnlyItsMetadataUrl() {
        Response response = get(gatewayUrl(), v3("Accept", "application/json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(MINIMAL);
        assertThat(response.header("DataServiceVersion")).isEqualTo("3.0;");
        JsonNode service = response.json();
        assertThat(service.get("odata.metadata").asText()).isEqualTo(vmm(FABRIKAM) + "/$metadata#Services/@Element");
        assertThat(service.get("ID").asText()).isEqualTo(GATEWAY_SERVICE);
        assertThat(service.get("Name").asText()).isEqualTo("Network Gateway 1");
        assertThat(OffsetDateTime.parse(service.get("AddedTime").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2014-04-29T16:44:11.6-07:00").toInstant());
        assertThat(service.get("GrantedToList").get(0).get("RoleName").asText()).isEqualTo("tenant@fabrikam.com_" + FABRIKAM);
        assertThat(annotationNames(service)).containsExactly("odata.metadata");
    }

    @Test
    void fullMetadataNamesTypesAndLinksTheV3Way() {
        Response response = get(gatewayUrl(), v3("Accept", "application/json;odata=fullmetadata"));
        assertThat(response.header("Content-Type"))
                .isEqualTo("application/json;odata=fullmetadata;streaming=true;charset=utf-8");
        JsonNode service = response.json();
        assertThat(service.get("odata.metadata").asText()).endsWith("/$metadata#Services/@Element");
        assertThat(service.get("odata.type").asText()).isEqualTo("VMM.Service");
        assertThat(service.get("odata.id").asText()).endsWith("/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP));
        assertThat(service.get("odata.editLink").asText()).isEqualTo(serviceKey(GATEWAY_SERVICE, WEST_STAMP));
        for (String navigation : List.of("Cloud", "ServiceTemplate", "PendingServiceTemplate", "MostRecentTask",
                "FailedJob", "ComputerTiers")) {
            assertThat(service.get(navigation + "@odata.navigationLinkUrl").asText())
                    .isEqualTo(serviceKey(GATEWAY_SERVICE, WEST_STAMP) + "/" + navigation);
        }
        assertThat(service.get("ID@odata.type").asText()).isEqualTo("Edm.Guid");
        assertThat(service.get("AddedTime@odata.type").asText()).isEqualTo("Edm.DateTime");
        assertThat(service.get("GrantedToList@odata.type").asText()).isEqualTo("Collection(VMM.UserAndRole)");
        assertThat(service.get("Owner").get("odata.type").asText()).isEqualTo("VMM.UserAndRole");
        assertThat(annotationNames(service)).noneMatch(name -> name.startsWith("@odata.") || name.startsWith("#"));
    }

    @Test
    void noMetadataCarriesNoAnnotationAtAll() {
        Response response = get(gatewayUrl(), v3("Accept", "application/json;odata=nometadata"));
        assertThat(response.header("Content-Type"))
                .isEqualTo("application/json;odata=nometadata;streaming=true;charset=utf-8");
        assertThat(response.json().get("ID").asText()).isEqualTo(GATEWAY_SERVICE);
        assertThat(annotationNames(response.json())).isEmpty();
    }

    @Test
    void formatJsonInTheQueryMeansJsonLight() {
        Response response = get(gatewayUrl() + "?$format=json", v3());
        assertThat(response.header("Content-Type")).isEqualTo(MINIMAL);
        assertThat(annotationNames(response.json())).containsExactly("odata.metadata");
    }

    @Test
    void bothDialectsDescribeTheSameEntity() {
        JsonNode v3 = get(gatewayUrl(), v3("Accept", "application/json")).json();
        JsonNode v4 = get(gatewayUrl(), "Accept", "application/json").json();
        assertThat(withoutAnnotations(v3)).isEqualTo(withoutAnnotations(v4));
        assertThat(withoutAnnotations(v3).size()).isGreaterThan(30);
        JsonNode v3Full = get(gatewayUrl(), v3("Accept", "application/json;odata=fullmetadata")).json();
        assertThat(withoutAnnotations(v3Full)).isEqualTo(withoutAnnotations(v4));
    }

    @Test
    void aCollectionPageCarriesCountAsTextValueAndNextLink() {
        Response first = get(vmm(FABRIKAM) + "/Services?$inlinecount=allpages&$orderby=Name", v3("Accept", "application/json"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo(MINIMAL);
        JsonNode page = first.json();
        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("odata.metadata", "odata.count", "value", "odata.nextLink");
        assertThat(page.get("odata.metadata").asText()).isEqualTo(vmm(FABRIKAM) + "/$metadata#Services");
        long inDatabase = jdbc.queryForObject("SELECT COUNT(*) FROM services WHERE subscription_id = ?", Long.class,
                java.util.UUID.fromString(FABRIKAM));
        assertThat(page.get("odata.count").isTextual()).isTrue();
        assertThat(page.get("odata.count").asText()).isEqualTo(Long.toString(inDatabase));
        assertThat(page.get("value")).hasSize(2);
        assertThat(annotationNames(page.get("value").get(0))).isEmpty();

        JsonNode second = get(page.get("odata.nextLink").asText(), v3("Accept", "application/json")).json();
        assertThat(second.get("value")).hasSize(2);
        assertThat(second.get("value").get(0).get("Name").asText())
                .isGreaterThan(page.get("value").get(1).get("Name").asText());
    }

    @Test
    void countIsStillPlainText() {
        Response response = get(vmm(FABRIKAM) + "/Services/$count", v3("Accept", "application/json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).matches("\\d+");
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.header("DataServiceVersion")).isEqualTo("2.0;"); // $count is a V2 feature (issue 23: the lowest version the answer needs)
    }

    @Test
    void errorsFromOlingoAreV3Errors() {
        Response notFound = get(vmm(FABRIKAM) + "/" + serviceKey("00000000-0000-0000-0000-000000000001", WEST_STAMP),
                v3("Accept", "application/json"));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Type")).isEqualTo(MINIMAL);
        assertV3Error(notFound.json(), "NotFound");
        Response badFilter = get(vmm(FABRIKAM) + "/Services?$filter=Name%20eq", v3("Accept", "application/json"));
        assertThat(badFilter.status()).isEqualTo(400);
        assertV3Error(badFilter.json(), null);
    }

    @Test
    void errorsWrittenBeforeOlingoRunsAreV3ErrorsToo() {
        Response subscription = get(vmm("00000000-0000-0000-0000-0000000000aa") + "/Services", v3("Accept", "application/json"));
        assertThat(subscription.status()).isEqualTo(404);
        assertV3Error(subscription.json(), "SubscriptionNotFound");
        Response mediaType = send("PUT", gatewayUrl(), "Name=x", v3("Content-Type", "text/plain"));
        assertThat(mediaType.status()).isEqualTo(415);
        assertV3Error(mediaType.json(), "UnsupportedMediaType");
        Response tooLarge = send("PUT", gatewayUrl(), "{\"Description\":\"" + "x".repeat(1_100_000) + "\"}", v3());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertV3Error(tooLarge.json(), "RequestEntityTooLarge");
    }

    @Test
    void writesKeepTheirStatusAndLocationAndAnswerInV3() {
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"odata.type":"VMM.Service","StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"V3 created",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"net-ext"},{"Name":"Infrastructure","Value":"net-infra"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1), v3("Accept", "application/json",
                "Content-Type", "application/json;odata=minimalmetadata"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        assertThat(created.header("Location")).endsWith("/" + serviceKey(id, WEST_STAMP)); // V3 key literals
        assertThat(created.json().get("odata.metadata").asText()).endsWith("/$metadata#Services/@Element");
        assertThat(created.header("DataServiceVersion")).isEqualTo("3.0;");

        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        Response merged = send("MERGE", url, "{\"CostCenter\":\"CC-V3\"}", v3("Accept", "application/json"));
        assertThat(merged.status()).isEqualTo(204);
        assertThat(merged.body()).isEmpty();
        assertThat(merged.header("DataServiceVersion")).isEqualTo("1.0;"); // a 204 has no JSON light to need 3.0
        Response returned = send("PUT", url, "{\"CostCenter\":\"CC-V3b\"}",
                v3("Accept", "application/json", "Prefer", "return-content"));
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().get("CostCenter").asText()).isEqualTo("CC-V3b");
        assertThat(annotationNames(returned.json())).containsExactly("odata.metadata");
    }

    private static void assertV3Error(JsonNode body, String code) {
        assertThat(body.has("error")).isFalse();
        JsonNode error = body.get("odata.error");
        assertThat(error).as(body.toString()).isNotNull();
        if (code != null) {
            assertThat(error.get("code").asText()).isEqualTo(code);
        } else {
            assertThat(error.get("code").asText()).isNotBlank();
        }
        assertThat(error.get("message").get("lang").asText()).isEqualTo("en-US");
        assertThat(error.get("message").get("value").asText()).isNotBlank();
    }

    /** Every member name at any depth that is an annotation (V3 odata.x or Prop@odata.x, V4 @odata.x). */
    static List<String> annotationNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("odata.") || field.getKey().contains("@odata.")) {
                    names.add(field.getKey());
                }
                names.addAll(annotationNames(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(annotationNames(element)));
        }
        return names;
    }

    /** The data alone: annotations of either dialect removed at every depth. */
    static JsonNode withoutAnnotations(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().startsWith("odata.") && !field.getKey().contains("@odata.")) {
                    out.set(field.getKey(), withoutAnnotations(field.getValue()));
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(element -> out.add(withoutAnnotations(element)));
            return out;
        }
        return node;
    }
}
