package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmComplexType;
import org.apache.olingo.commons.api.edm.EdmElement;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.constants.EdmTypeKind;
import org.junit.jupiter.api.Test;

/** $metadata and the service document, read by Olingo's own client. */
class MetadataTest extends HttpTestSupport {

    @Test
    void metadataIsXmlCsdlWithNamespaceVmmEvenWhenJsonIsAccepted() {
        Response response = get(vmm(FABRIKAM) + "/$metadata", "Accept", "application/json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).contains("Namespace=\"VMM\"").contains("<EntitySet Name=\"Services\"")
                .contains("<EntitySet Name=\"Clouds\"").contains("<EntitySet Name=\"ServiceTemplates\"");
    }

    @Test
    void metadataParsedByOlingoClientHasEverySeedPropertyWithItsNesting() throws Exception {
        ODataClient client = ODataClientFactory.getClient();
        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(vmm(FABRIKAM)).execute().getBody();
        EdmEntityType service = edm.getEntityType(new FullQualifiedName("VMM", "Service"));
        assertThat(service).isNotNull();
        assertThat(service.getKeyPredicateNames()).containsExactly("ID", "StampId");

        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/service-003.json")) {
            seed = JSON.readTree(in);
        }
        assertStructureCovers(service, seed, "Service");
        assertThat(service.getNavigationPropertyNames()).contains("ServiceTemplate", "PendingServiceTemplate", "Cloud");
        assertThat(service.getPropertyNames()).doesNotContain("Tag", "Status", "StatusString", "MostRecentTaskId",
                "PendingServiceTemplateId");

        EdmEntityType cloud = edm.getEntityType(new FullQualifiedName("VMM", "Cloud"));
        assertThat(cloud.getPropertyNames()).containsExactlyInAnyOrder("ID", "StampId", "Description",
                "LastModifiedDate", "Name", "UserRoleID", "WritableLibraryPath");
        EdmEntityType template = edm.getEntityType(new FullQualifiedName("VMM", "ServiceTemplate"));
        assertThat(template.getPropertyNames()).contains("Release", "ServiceTemplateState", "IsPublished",
                "GrantedToList", "ServiceSettings");
        assertThat(edm.getEntityContainer().getEntitySet("Services")).isNotNull();
    }

    /** Every member of the seed's JSON exists in the type, and objects/arrays are complex values/collections. */
    private static void assertStructureCovers(EdmStructuredType type, JsonNode json, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().startsWith("odata.")) {
                continue;
            }
            String memberPath = path + "." + member.getKey();
            EdmElement property = type.getProperty(member.getKey());
            assertThat(property).as(memberPath).isNotNull();
            JsonNode value = member.getValue();
            EdmType propertyType = property.getType();
            if (value.isObject()) {
                assertThat(propertyType.getKind()).as(memberPath).isEqualTo(EdmTypeKind.COMPLEX);
                assertThat(property.isCollection()).as(memberPath).isFalse();
                assertStructureCovers((EdmComplexType) propertyType, value, memberPath);
            } else if (value.isArray()) {
                assertThat(property.isCollection()).as(memberPath).isTrue();
                for (JsonNode element : value) {
                    assertStructureCovers((EdmComplexType) propertyType, element, memberPath + "[]");
                }
            } else {
                assertThat(property.isCollection()).as(memberPath).isFalse();
            }
        }
    }

    @Test
    void serviceDocumentAnswersAtTheRootWithAndWithoutTrailingSlash() {
        for (String url : new String[] {vmm(FABRIKAM) + "/", vmm(FABRIKAM)}) {
            Response response = get(url, "Accept", "application/json");
            assertThat(response.status()).as(url).isEqualTo(200);
            assertThat(response.body()).contains("\"Services\"").contains("\"Clouds\"").contains("\"ServiceTemplates\"");
        }
    }

    @Test
    void serviceRootAcceptsUpperCaseVmmAndTheWcfServiceFile() {
        String root = base + "/" + FABRIKAM + "/services/systemcenter/VMM/Microsoft.Management.Odata.svc";
        Response response = get(root + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), "Accept", "application/json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("Name").asText()).isEqualTo("Network Gateway 1");
    }

    @Test
    void unknownSubscriptionIsAnODataNotFound() {
        Response response = get(vmm("00000000-1111-2222-3333-444444444444") + "/Services", "Accept", "application/json");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").get("message").asText()).contains("00000000-1111-2222-3333-444444444444");
        assertThat(get(vmm("not-a-guid") + "/Services").status()).isEqualTo(404);
    }
}
