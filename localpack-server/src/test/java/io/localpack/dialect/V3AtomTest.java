package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import io.localpack.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * OData V3 Atom, as a WCF Data Services client without UseJson speaks it: entries and feeds with the d: and m:
 * namespaces, inline expansions, m:error, and Atom entries in request bodies; the same entity read through Atom,
 * JSON light, verbose JSON and V4 describes the same data.
 */
class V3AtomTest extends HttpTestSupport {

    private static final String ATOM_ACCEPT = "application/atom+xml,application/xml";
    private static final String A = "http://www.w3.org/2005/Atom";
    private static final String D = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    private static final String M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";

    @Test
    void anEntityIsAnAtomEntryWithTypedProperties() throws Exception {
        Response response = get(gateway(), v3("Accept", ATOM_ACCEPT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/atom+xml;type=entry;charset=utf-8");
        assertThat(response.header("DataServiceVersion")).isEqualTo("1.0;"); // Atom needs no more (issue 23)
        Element entry = xml(response.body());
        assertThat(entry.getLocalName()).isEqualTo("entry");
        assertThat(text(entry, A, "id")).isEqualTo(gateway());
        Element category = child(entry, A, "category");
        assertThat(category.getAttribute("term")).isEqualTo("VMM.Service");
        List<Element> links = children(entry, A, "link");
        assertThat(links).anySatisfy(l -> {
            assertThat(l.getAttribute("rel")).isEqualTo("edit");
            assertThat(l.getAttribute("href")).isEqualTo(serviceKey(GATEWAY_SERVICE, WEST_STAMP));
        });
        assertThat(links).anySatisfy(l -> {
            assertThat(l.getAttribute("rel")).isEqualTo("http://schemas.microsoft.com/ado/2007/08/dataservices/related/Cloud");
            assertThat(l.getAttribute("href")).isEqualTo(serviceKey(GATEWAY_SERVICE, WEST_STAMP) + "/Cloud");
        });
        Element properties = child(child(entry, A, "content"), M, "properties");
        Element id = child(properties, D, "ID");
        assertThat(id.getAttributeNS(M, "type")).isEqualTo("Edm.Guid");
        assertThat(id.getTextContent()).isEqualTo(GATEWAY_SERVICE);
        assertThat(child(properties, D, "Name").getTextContent()).isEqualTo("Network Gateway 1");
        assertThat(child(properties, D, "Name").hasAttributeNS(M, "type")).isFalse(); // strings are untyped
        assertThat(child(properties, D, "AddedTime").getAttributeNS(M, "type")).isEqualTo("Edm.DateTime");
        Element owner = child(properties, D, "Owner");
        assertThat(owner.getAttributeNS(M, "type")).isEqualTo("VMM.UserAndRole");
        Element granted = child(properties, D, "GrantedToList");
        assertThat(granted.getAttributeNS(M, "type")).isEqualTo("Collection(VMM.UserAndRole)");
        assertThat(children(granted, D, "element")).isNotEmpty();
        assertThat(properties.getElementsByTagNameNS(D, "*").getLength()).isPositive();
    }

    @Test
    void theSameEntityReadsTheSameInEveryDialect() throws Exception {
        Element atom = child(child(xml(get(gateway(), v3("Accept", ATOM_ACCEPT)).body()), A, "content"), M,
                "properties");
        JsonNode light = get(gateway(), v3("Accept", "application/json")).json();
        JsonNode verbose = get(gateway(), v3("Accept", "application/json;odata=verbose")).json().get("d");
        JsonNode v4 = get(gateway(), "Accept", "application/json").json();

        for (String property : List.of("ID", "StampId", "Name", "Description", "ServiceStatus", "CloudId",
                "ServiceTemplateId", "ServicePriority", "CostCenter")) {
            String expected = v4.get(property).isNull() ? null : v4.get(property).asText();
            Element element = child(atom, D, property);
            String inAtom = "true".equals(element.getAttributeNS(M, "null")) ? null : element.getTextContent();
            assertThat(inAtom).as(property).isEqualTo(expected);
            assertThat(light.get(property).isNull() ? null : light.get(property).asText()).as(property)
                    .isEqualTo(expected);
            assertThat(verbose.get(property).isNull() ? null : verbose.get(property).asText()).as(property)
                    .isEqualTo(expected);
        }
        assertThat(OffsetDateTime.parse(child(atom, D, "AddedTime").getTextContent()).toInstant())
                .isEqualTo(OffsetDateTime.parse(v4.get("AddedTime").asText()).toInstant());
    }

    @Test
    void aCollectionIsAFeedWithCountNextLinkAndInlineExpansions() throws Exception {
        Response response = get(vmm(FABRIKAM) + "/Services?$top=3&$orderby=Name&$inlinecount=allpages&$expand=Cloud",
                v3("Accept", "application/atom+xml"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/atom+xml;type=feed;charset=utf-8");
        Element feed = xml(response.body());
        assertThat(feed.getLocalName()).isEqualTo("feed");
        long total = get(vmm(FABRIKAM) + "/Services/$count").body().isEmpty() ? 0
                : Long.parseLong(get(vmm(FABRIKAM) + "/Services/$count").body());
        assertThat(Long.parseLong(text(feed, M, "count"))).isEqualTo(total);
        List<Element> entries = children(feed, A, "entry");
        assertThat(entries).hasSize(3);
        Element cloudLink = children(entries.get(0), A, "link").stream()
                .filter(l -> l.getAttribute("title").equals("Cloud")).findFirst().orElseThrow();
        Element inline = child(child(cloudLink, M, "inline"), A, "entry");
        assertThat(child(inline, A, "category").getAttribute("term")).isEqualTo("VMM.Cloud");
    }

    @Test
    void errorsAreMError() throws Exception {
        Response response = get(vmm(FABRIKAM) + "/" + serviceKey("0badc0de-0000-4000-8000-000000000000", WEST_STAMP),
                v3("Accept", ATOM_ACCEPT));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        Element error = xml(response.body());
        assertThat(error.getNamespaceURI()).isEqualTo(M);
        assertThat(error.getLocalName()).isEqualTo("error");
        assertThat(text(error, M, "code")).isNotBlank();
        assertThat(child(error, M, "message").getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
                .isEqualTo("en-US");
    }

    @Test
    void anAtomEntryInTheBodyUpdatesAndCreates() throws Exception {
        String id = createGateway("Atom target");
        String url = vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP);
        Response merge = send("MERGE", url, atomEntry("<d:Description>Edited from Atom</d:Description>"
                        + "<d:CostCenter m:null=\"true\" />"),
                v3("Content-Type", "application/atom+xml", "Accept", ATOM_ACCEPT));

        assertThat(merge.status()).as(merge.body()).isEqualTo(204);
        assertThat(get(url, "Accept", "application/json").json().get("Description").asText())
                .isEqualTo("Edited from Atom");

        Response created = send("POST", vmm(FABRIKAM) + "/Services", atomEntry(
                "<d:Name>Created from Atom</d:Name><d:StampId m:type=\"Edm.Guid\">" + WEST_STAMP + "</d:StampId>"
                        + "<d:CloudId m:type=\"Edm.Guid\">" + FABRIKAM_CLOUD + "</d:CloudId>"
                        + "<d:ServiceTemplateId m:type=\"Edm.Guid\">" + GATEWAY_TEMPLATE_1 + "</d:ServiceTemplateId>"
                        + "<d:NewServiceDeployment m:type=\"VMM.NewServiceDeployment\"><d:ServiceConfiguration "
                        + "m:type=\"VMM.ServiceConfiguration\"><d:ServiceSettings m:type=\"Collection(VMM.ServiceSetting)\">"
                        + "<d:element><d:Name>External</d:Name><d:Value>net-ext</d:Value></d:element>"
                        + "<d:element><d:Name>Infrastructure</d:Name><d:Value>net-infra</d:Value></d:element>"
                        + "</d:ServiceSettings></d:ServiceConfiguration></d:NewServiceDeployment>"),
                v3("Content-Type", "application/atom+xml", "Accept", ATOM_ACCEPT));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Element entry = xml(created.body());
        assertThat(child(child(child(entry, A, "content"), M, "properties"), D, "Name").getTextContent())
                .isEqualTo("Created from Atom");
        assertThat(created.header("Location")).contains("ID=guid'");
    }

    @Test
    void aBrokenAtomBodyIsA400AndChangesNothing() {
        List<String> before = databaseSnapshot();
        String url = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
        for (String body : List.of("<entry xmlns=\"http://www.w3.org/2005/Atom\"><unclosed>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:d=\"" + D + "\"/>",
                atomEntry("<d:Priority m:type=\"Edm.Int32\">high</d:Priority>"))) {
            Response response = send("PUT", url, body, v3("Content-Type", "application/atom+xml",
                    "Accept", ATOM_ACCEPT));
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("<m:error");
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    private String gateway() {
        return vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
    }

    private static String atomEntry(String properties) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><entry xmlns=\"http://www.w3.org/2005/Atom\" xmlns:d=\""
                + D + "\" xmlns:m=\"" + M + "\"><category term=\"VMM.Service\" scheme=\"http://schemas.microsoft.com/"
                + "ado/2007/08/dataservices/scheme\" /><title /><author><name /></author><updated>2026-11-23T10:00:00Z"
                + "</updated><id /><content type=\"application/xml\"><m:properties>" + properties
                + "</m:properties></content></entry>";
    }

    private static Element xml(String body) throws Exception {
        return SafeXml.newBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> all = children(parent, namespace, name);
        assertThat(all).as("<" + name + "> in <" + parent.getLocalName() + ">").isNotEmpty();
        return all.get(0);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
