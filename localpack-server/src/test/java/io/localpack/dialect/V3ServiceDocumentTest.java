package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import io.localpack.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The V3 service root as WCF Data Services answers it, with the entity sets the EDM declares. */
class V3ServiceDocumentTest extends HttpTestSupport {

    private static final String APP = "http://www.w3.org/2007/app";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private List<String> declared;

    @BeforeEach
    void readTheDeclaredSetsFromTheV4Metadata() {
        ODataClient client = ODataClientFactory.getClient();
        declared = client.getRetrieveRequestFactory().getMetadataRequest(vmm(FABRIKAM)).execute().getBody()
                .getEntityContainer().getEntitySets().stream().map(EdmEntitySet::getName).toList();
        assertThat(declared).contains("Services", "Clouds");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            application/atomsvc+xml                                                        | application/atomsvc+xml
            application/xml                                                                | application/xml
            */*                                                                            | application/atomsvc+xml
            application/atomsvc+xml;q=0.8, application/json;odata=verbose;q=0.5, */*;q=0.1 | application/atomsvc+xml
            application/atom+xml;q=0.9,application/xml;q=0.5                               | application/xml
            """)
    void atomPubListsEveryDeclaredSet(String accept, String contentType) throws Exception {
        for (String root : new String[] {vmm(FABRIKAM), vmm(FABRIKAM) + "/"}) {
            Response response = get(root, v3("Accept", accept));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith(contentType);
            assertThat(response.header("DataServiceVersion")).isEqualTo("1.0;");
            Element service = SafeXml.newBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            assertThat(service.getNamespaceURI()).isEqualTo(APP);
            assertThat(service.getLocalName()).isEqualTo("service");
            assertThat(service.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base"))
                    .isEqualTo(vmm(FABRIKAM) + "/");
            NodeList collections = service.getElementsByTagNameNS(APP, "collection");
            List<String> hrefs = new ArrayList<>();
            for (int i = 0; i < collections.getLength(); i++) {
                Element collection = (Element) collections.item(i);
                hrefs.add(collection.getAttribute("href"));
                assertThat(collection.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent())
                        .isEqualTo(collection.getAttribute("href"));
            }
            assertThat(hrefs).containsExactlyElementsOf(declared);
        }
    }

    @Test
    void verboseJsonIsTheListOfEntitySetNames() {
        Response response = get(vmm(FABRIKAM) + "/", v3("Accept", "application/json;odata=verbose"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json;odata=verbose");
        JsonNode sets = response.json().get("d").get("EntitySets");
        List<String> names = new ArrayList<>();
        sets.forEach(name -> names.add(name.asText()));
        assertThat(names).containsExactlyElementsOf(declared);
        assertThat(response.json().size()).isEqualTo(1);
    }

    @Test
    void jsonLightNamesTheMetadataAndEachSetsNameAndUrl() {
        Response response = get(vmm(FABRIKAM), v3("Accept", "application/json"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json;odata=minimalmetadata");
        JsonNode body = response.json();
        assertThat(body.get("odata.metadata").asText()).isEqualTo(vmm(FABRIKAM) + "/$metadata");
        List<String> names = new ArrayList<>();
        body.get("value").forEach(set -> {
            assertThat(set.get("url").asText()).isEqualTo(set.get("name").asText());
            assertThat(set.size()).isEqualTo(2);
            names.add(set.get("name").asText());
        });
        assertThat(names).containsExactlyElementsOf(declared);

        Response noMetadata = get(vmm(FABRIKAM), v3("Accept", "application/json;odata=nometadata"));
        assertThat(noMetadata.json().has("odata.metadata")).isFalse();
        assertThat(noMetadata.json().get("value").size()).isEqualTo(declared.size());
    }

    @Test
    void headHasNoBodyAndWritesAreNotAllowed() {
        Response head = send("HEAD", vmm(FABRIKAM), null, v3("Accept", "application/atomsvc+xml"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        Response post = send("POST", vmm(FABRIKAM), "{}", v3("Accept", "application/json"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("odata.error").get("code").asText()).isEqualTo("MethodNotAllowed");
    }
}
