package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** V3 clients get an EDMX 1.0 (CSDL v3) $metadata written from the same model as the V4 one. */
class V3MetadataTest extends HttpTestSupport {

    private static final String EDMX1 = "http://schemas.microsoft.com/ado/2007/06/edmx";
    private static final String M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    private static final String EDM3 = "http://schemas.microsoft.com/ado/2009/11/edm";
    private static final String EDMX4 = "http://docs.oasis-open.org/odata/ns/edmx";
    private static final String EDM4 = "http://docs.oasis-open.org/odata/ns/edm";

    private Response v3Metadata() {
        return get(vmm(FABRIKAM) + "/$metadata", v3("Accept", "application/json"));
    }

    @Test
    void aV3ClientGetsEdmx1WithDataServiceVersion3() throws Exception {
        Response response = v3Metadata();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/xml;charset=utf-8");
        assertThat(response.header("DataServiceVersion")).isEqualTo("3.0;");
        assertThat(response.header("OData-Version")).isNull();
        Element edmx = parse(response.body()).getDocumentElement();
        assertThat(edmx.getNamespaceURI()).isEqualTo(EDMX1);
        assertThat(edmx.getLocalName()).isEqualTo("Edmx");
        assertThat(edmx.getAttribute("Version")).isEqualTo("1.0");
        Element dataServices = child(edmx, EDMX1, "DataServices");
        assertThat(dataServices.getAttributeNS(M, "DataServiceVersion")).isEqualTo("3.0");
        assertThat(dataServices.getAttributeNS(M, "MaxDataServiceVersion")).isEqualTo("3.0");
        Element schema = child(dataServices, EDM3, "Schema");
        assertThat(schema.getAttribute("Namespace")).isEqualTo("VMM");
        Element container = child(schema, EDM3, "EntityContainer");
        assertThat(container.getAttribute("Name")).isEqualTo("VMM");
        assertThat(container.getAttributeNS(M, "IsDefaultEntityContainer")).isEqualTo("true");
    }

    @Test
    void theServiceTypeHasEveryPropertyOfTheV4OneWithV3Types() throws Exception {
        Element v3Service = named(parse(v3Metadata().body()), EDM3, "EntityType", "Service");
        Element v4Service = named(parse(get(vmm(FABRIKAM) + "/$metadata").body()), EDM4, "EntityType", "Service");
        List<String> v4Names = names(v4Service, EDM4, "Property");
        assertThat(v4Names).contains("ID", "AddedTime", "GrantedToList");
        assertThat(names(v3Service, EDM3, "Property")).isEqualTo(v4Names);
        assertThat(names(v3Service, EDM3, "NavigationProperty")).isEqualTo(names(v4Service, EDM4, "NavigationProperty"));

        assertThat(named(v3Service, EDM3, "Property", "AddedTime").getAttribute("Type")).isEqualTo("Edm.DateTime");
        assertThat(named(v3Service, EDM3, "Property", "ID").getAttribute("Nullable")).isEqualTo("false");
        assertThat(named(v3Service, EDM3, "Property", "GrantedToList").getAttribute("Type"))
                .isEqualTo("Collection(VMM.UserAndRole)");
        assertThat(names(child(v3Service, EDM3, "Key"), EDM3, "PropertyRef")).containsExactly("ID", "StampId");
        assertThat(parse(v3Metadata().body()).getElementsByTagNameNS(EDM3, "Property"))
                .satisfies(all -> {
                    for (int i = 0; i < all.getLength(); i++) {
                        assertThat(((Element) all.item(i)).getAttribute("Type")).doesNotContain("DateTimeOffset");
                    }
                });
    }

    @Test
    void everyNavigationPropertyNamesAnAssociationWhoseRolesMatch() throws Exception {
        Document doc = parse(v3Metadata().body());
        Element schema = (Element) doc.getElementsByTagNameNS(EDM3, "Schema").item(0);
        NodeList navigations = doc.getElementsByTagNameNS(EDM3, "NavigationProperty");
        assertThat(navigations.getLength()).isGreaterThanOrEqualTo(6);
        for (int i = 0; i < navigations.getLength(); i++) {
            Element navigation = (Element) navigations.item(i);
            String fromType = "VMM." + ((Element) navigation.getParentNode()).getAttribute("Name");
            String relationship = navigation.getAttribute("Relationship");
            assertThat(relationship).startsWith("VMM.");
            Element association = named(schema, EDM3, "Association", relationship.substring("VMM.".length()));
            Map<String, Element> ends = endsByRole(association);
            assertThat(ends).containsOnlyKeys(navigation.getAttribute("FromRole"), navigation.getAttribute("ToRole"));
            Element from = ends.get(navigation.getAttribute("FromRole"));
            assertThat(from.getAttribute("Type")).isEqualTo(fromType);
            assertThat(from.getAttribute("Multiplicity")).isEqualTo("*");
        }
        Element service = named(schema, EDM3, "EntityType", "Service");
        assertThat(target(schema, named(service, EDM3, "NavigationProperty", "Cloud")).getAttribute("Multiplicity"))
                .isEqualTo("0..1");
        Element tiers = target(schema, named(service, EDM3, "NavigationProperty", "ComputerTiers"));
        assertThat(tiers.getAttribute("Multiplicity")).isEqualTo("*");
        assertThat(tiers.getAttribute("Type")).isEqualTo("VMM.ComputerTier");
    }

    @Test
    void everyNavigationBindingHasAnAssociationSet() throws Exception {
        Document v3 = parse(v3Metadata().body());
        Document v4 = parse(get(vmm(FABRIKAM) + "/$metadata").body());
        Element schema = (Element) v3.getElementsByTagNameNS(EDM3, "Schema").item(0);
        Element container = child(schema, EDM3, "EntityContainer");
        Set<String> v3Bindings = new HashSet<>();
        for (Element set : children(container, EDM3, "AssociationSet")) {
            Element association = named(schema, EDM3, "Association",
                    set.getAttribute("Association").substring("VMM.".length()));
            Map<String, Element> typeEnds = endsByRole(association);
            Map<String, Element> setEnds = endsByRole(set);
            assertThat(setEnds.keySet()).isEqualTo(typeEnds.keySet());
            Element source = setEnds.get(association.getAttribute("Name") + "_Source");
            Element target = setEnds.get(association.getAttribute("Name") + "_Target");
            Element navigation = navigationOf(schema, association.getAttribute("Name"));
            v3Bindings.add(source.getAttribute("EntitySet") + "/" + navigation.getAttribute("Name") + "->"
                    + target.getAttribute("EntitySet"));
        }
        Set<String> v4Bindings = new HashSet<>();
        NodeList v4Sets = v4.getElementsByTagNameNS(EDM4, "EntitySet");
        for (int i = 0; i < v4Sets.getLength(); i++) {
            Element set = (Element) v4Sets.item(i);
            for (Element binding : children(set, EDM4, "NavigationPropertyBinding")) {
                v4Bindings.add(set.getAttribute("Name") + "/" + binding.getAttribute("Path") + "->"
                        + binding.getAttribute("Target"));
            }
        }
        assertThat(v4Bindings).contains("Services/ComputerTiers->ComputerTiers");
        assertThat(v3Bindings).isEqualTo(v4Bindings);
        assertThat(names(container, EDM3, "EntitySet")).containsExactlyInAnyOrderElementsOf(
                children((Element) v4.getElementsByTagNameNS(EDM4, "EntityContainer").item(0), EDM4, "EntitySet")
                        .stream().map(e -> e.getAttribute("Name")).toList());
    }

    @Test
    void aV4ClientStillGetsEdmx4() throws Exception {
        Response response = get(vmm(FABRIKAM) + "/$metadata");
        assertThat(response.status()).isEqualTo(200);
        Element edmx = parse(response.body()).getDocumentElement();
        assertThat(edmx.getNamespaceURI()).isEqualTo(EDMX4);
        assertThat(edmx.getAttribute("Version")).isEqualTo("4.0");
        assertThat(response.header("OData-Version")).isEqualTo("4.0");
    }

    @Test
    void anUnknownSubscriptionIsStillRefusedBeforeTheDocument() {
        Response response = get(vmm("00000000-0000-0000-0000-000000000000") + "/$metadata", v3());
        assertThat(response.status()).isEqualTo(404);
    }

    // --- DOM helpers ---

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ns.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        assertThat(found).as(localName + " in " + parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static List<String> names(Element parent, String ns, String localName) {
        return children(parent, ns, localName).stream().map(e -> e.getAttribute("Name")).toList();
    }

    /** The one element of that kind and name anywhere below the node. */
    private static Element named(org.w3c.dom.Node root, String ns, String localName, String name) {
        NodeList all = root instanceof Document doc ? doc.getElementsByTagNameNS(ns, localName)
                : ((Element) root).getElementsByTagNameNS(ns, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            if (name.equals(((Element) all.item(i)).getAttribute("Name"))) {
                found.add((Element) all.item(i));
            }
        }
        assertThat(found).as(localName + " " + name).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Element> endsByRole(Element parent) {
        Map<String, Element> ends = new HashMap<>();
        for (Element end : children(parent, EDM3, "End")) {
            assertThat(ends.put(end.getAttribute("Role"), end)).as("role " + end.getAttribute("Role")).isNull();
        }
        return ends;
    }

    private static Element target(Element schema, Element navigation) {
        Element association = named(schema, EDM3, "Association",
                navigation.getAttribute("Relationship").substring("VMM.".length()));
        return endsByRole(association).get(navigation.getAttribute("ToRole"));
    }

    private static Element navigationOf(Element schema, String associationName) {
        NodeList all = schema.getElementsByTagNameNS(EDM3, "NavigationProperty");
        for (int i = 0; i < all.getLength(); i++) {
            Element navigation = (Element) all.item(i);
            if (navigation.getAttribute("Relationship").equals("VMM." + associationName)) {
                return navigation;
            }
        }
        throw new AssertionError("No navigation property for association " + associationName);
    }

    @Test
    void headAnswersTheHeadersOnlyAndJsonOrWritesAreRefusedTheV3Way() {
        String url = vmm(FABRIKAM) + "/$metadata";
        Response head = sendNamingNoVersion("HEAD", url, null, v3());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("DataServiceVersion")).isEqualTo("3.0;");
        assertThat(head.header("Content-Type")).startsWith("application/xml");

        Response json = sendNamingNoVersion("GET", url + "?$format=json", null, v3());
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("odata.error").get("message").get("value").asText()).contains("only available as XML");

        Response post = sendNamingNoVersion("POST", url, "{}", v3());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(sendNamingNoVersion("GET", url + "?$format=xml", null, v3()).status()).isEqualTo(200);
    }
}
