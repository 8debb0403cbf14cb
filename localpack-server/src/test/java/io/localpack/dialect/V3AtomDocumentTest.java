package io.localpack.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.testsupport.Fixtures;
import io.localpack.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * V3 Atom without a server: a V4 full-metadata answer rendered as an Atom entry, feed or m:error, and what
 * {@link V3Atom#entryToJson} reads back from it. The wire-level checks (headers, content negotiation, the same data in
 * every format) stay in {@link V3AtomTest}.
 */
class V3AtomDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "https://localpack.test/" + Fixtures.FABRIKAM + "/services/systemcenter/vmm/";
    private static final String ID = Fixtures.GATEWAY_SERVICE;
    private static final String STAMP = Fixtures.WEST_STAMP;

    /** A service as Olingo writes it with odata.metadata=full: annotations, a navigation link, typed values. */
    private static ObjectNode service(String id, String name) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"@odata.context":"%1$s$metadata#Services/$entity",
                 "@odata.type":"#VMM.Service",
                 "@odata.id":"Services(ID=%2$s,StampId=%3$s)",
                 "ID@odata.type":"#Guid","ID":"%2$s",
                 "Name":"%4$s",
                 "Description":null,
                 "Enabled":true,
                 "VMCount":3,
                 "MemoryBytes@odata.type":"#Int64","MemoryBytes":5000000000,
                 "AddedTime@odata.type":"#DateTimeOffset","AddedTime":"2014-04-29T16:44:11.6-07:00",
                 "Owner":{"@odata.type":"#VMM.UserAndRole","UserName":"tenant@fabrikam.com","RoleName":null},
                 "GrantedToList@odata.type":"#Collection(VMM.UserAndRole)",
                 "GrantedToList":[{"@odata.type":"#VMM.UserAndRole","UserName":"a","RoleName":"b"}],
                 "Tags@odata.type":"#Collection(String)","Tags":["x","y"],
                 "Cloud@odata.navigationLink":"Services(ID=%2$s,StampId=%3$s)/Cloud"}
                """.formatted(ROOT, id, STAMP, name));
    }

    /** The structural properties of {@link #service}, as entryToJson reads them back (Int64 as text, by design). */
    private static JsonNode readBack(String id, String name) throws Exception {
        return JSON.readTree("""
                {"ID":"%1$s","Name":"%2$s","Description":null,"Enabled":true,"VMCount":3,
                 "MemoryBytes":"5000000000","AddedTime":"2014-04-29T16:44:11.6-07:00",
                 "Owner":{"UserName":"tenant@fabrikam.com","RoleName":null},
                 "GrantedToList":[{"UserName":"a","RoleName":"b"}],
                 "Tags":["x","y"]}
                """.formatted(id, name));
    }

    @Test
    void anEntityBecomesAnAtomEntryWithV3TypesAndGuidKeys() throws Exception {
        V3Atom.Rendered rendered = V3Atom.render(service(ID, "Gateway"));

        assertThat(rendered.contentType()).isEqualTo("application/atom+xml;type=entry;charset=utf-8");
        Element entry = parse(rendered.body());
        assertThat(entry.getNamespaceURI()).isEqualTo(V3Atom.ATOM);
        assertThat(entry.getLocalName()).isEqualTo("entry");
        assertThat(entry.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base")).isEqualTo(ROOT);
        String key = "Services(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')";
        assertThat(child(entry, V3Atom.ATOM, "id").getTextContent()).isEqualTo(ROOT + key);
        assertThat(child(entry, V3Atom.ATOM, "category").getAttribute("term")).isEqualTo("VMM.Service");
        assertThat(links(entry)).containsExactly(
                "edit Service " + key,
                V3Atom.RELATED + "Cloud application/atom+xml;type=entry " + key + "/Cloud");

        Element properties = child(child(entry, V3Atom.ATOM, "content"), V3Atom.M, "properties");
        assertThat(typeOf(properties, "ID")).isEqualTo("Edm.Guid");
        assertThat(typeOf(properties, "Name")).as("strings carry no m:type").isEmpty();
        assertThat(typeOf(properties, "Enabled")).isEqualTo("Edm.Boolean");
        assertThat(typeOf(properties, "VMCount")).isEqualTo("Edm.Int32");
        assertThat(typeOf(properties, "MemoryBytes")).isEqualTo("Edm.Int64");
        assertThat(typeOf(properties, "AddedTime")).as("V3 has no DateTimeOffset on the wire").isEqualTo("Edm.DateTime");
        assertThat(typeOf(properties, "Owner")).isEqualTo("VMM.UserAndRole");
        assertThat(typeOf(properties, "GrantedToList")).isEqualTo("Collection(VMM.UserAndRole)");
        assertThat(child(properties, V3Atom.D, "Description").getAttributeNS(V3Atom.M, "null")).isEqualTo("true");
        assertThat(child(properties, V3Atom.D, "Cloud")).as("a navigation property is a link, not a property")
                .isNull();
    }

    @Test
    void anEntryReadsBackAsTheEntitysPropertiesWithoutAnnotations() throws Exception {
        byte[] atom = V3Atom.render(service(ID, "Gateway")).body();

        JsonNode read = JSON.readTree(V3Atom.entryToJson(atom));

        assertThat(read).isEqualTo(readBack(ID, "Gateway"));
    }

    @Test
    void aCollectionBecomesAFeedWhoseEntriesReadBackOneByOne() throws Exception {
        String second = Fixtures.WEB_STORE_SERVICE;
        ObjectNode feed = JSON.createObjectNode();
        feed.put("@odata.context", ROOT + "$metadata#Services");
        feed.put("@odata.count", 7);
        feed.putArray("value").add(service(ID, "Gateway")).add(service(second, "Web Store"));
        feed.put("@odata.nextLink", ROOT + "Services?$skiptoken=abc");

        V3Atom.Rendered rendered = V3Atom.render(feed);

        assertThat(rendered.contentType()).isEqualTo("application/atom+xml;type=feed;charset=utf-8");
        Element root = parse(rendered.body());
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, V3Atom.ATOM, "id").getTextContent()).isEqualTo(ROOT + "Services");
        assertThat(child(root, V3Atom.ATOM, "title").getTextContent()).isEqualTo("Services");
        assertThat(child(root, V3Atom.M, "count").getTextContent()).isEqualTo("7");
        assertThat(links(root)).containsExactly("self Services Services", "next " + ROOT + "Services?$skiptoken=abc");
        List<JsonNode> entries = new ArrayList<>();
        for (Element entry : children(root, V3Atom.ATOM, "entry")) {
            entries.add(JSON.readTree(V3Atom.entryToJson(standalone(entry))));
        }
        assertThat(entries).containsExactly(readBack(ID, "Gateway"), readBack(second, "Web Store"));
    }

    @Test
    void anExpandedNavigationIsInlinedInItsLink() throws Exception {
        ObjectNode service = service(ID, "Gateway");
        service.set("Cloud", JSON.readTree("""
                {"@odata.type":"#VMM.Cloud","@odata.id":"Clouds(ID=%s,StampId=%s)",
                 "Name":"Fabrikam Cloud"}""".formatted(Fixtures.FABRIKAM_CLOUD, STAMP)));

        Element entry = parse(V3Atom.render(service).body());

        Element cloudLink = children(entry, V3Atom.ATOM, "link").stream()
                .filter(link -> link.getAttribute("rel").equals(V3Atom.RELATED + "Cloud")).findFirst().orElseThrow();
        Element inline = child(cloudLink, V3Atom.M, "inline");
        Element cloud = child(inline, V3Atom.ATOM, "entry");
        assertThat(child(cloud, V3Atom.ATOM, "category").getAttribute("term")).isEqualTo("VMM.Cloud");
        assertThat(child(child(child(cloud, V3Atom.ATOM, "content"), V3Atom.M, "properties"), V3Atom.D, "Name")
                .getTextContent()).isEqualTo("Fabrikam Cloud");
    }

    @Test
    void anErrorBecomesAnMError() throws Exception {
        V3Atom.Rendered rendered = V3Atom.render(JSON.readTree(
                "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Name cannot be empty\"}}"));

        assertThat(rendered.contentType()).isEqualTo("application/xml;charset=utf-8");
        Element error = parse(rendered.body());
        assertThat(error.getNamespaceURI()).isEqualTo(V3Atom.M);
        assertThat(error.getLocalName()).isEqualTo("error");
        assertThat(child(error, V3Atom.M, "code").getTextContent()).isEqualTo("BadRequest");
        Element message = child(error, V3Atom.M, "message");
        assertThat(message.getTextContent()).isEqualTo("Name cannot be empty");
        assertThat(message.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en-US");
    }

    @Test
    void aBodyThatIsNotAnAtomEntryIsRefusedWithAReason() {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY x \"y\">]><entry xmlns=\"" + V3Atom.ATOM
                + "\">&x;</entry>";
        assertThatThrownBy(() -> V3Atom.entryToJson(dtd.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The request body is not a well-formed Atom entry (DTDs and entities are not accepted)");

        String feed = "<feed xmlns=\"" + V3Atom.ATOM + "\"/>";
        assertThatThrownBy(() -> V3Atom.entryToJson(feed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The request body must be an Atom <entry>");

        String badNumber = "<entry xmlns=\"" + V3Atom.ATOM + "\" xmlns:d=\"" + V3Atom.D + "\" xmlns:m=\"" + V3Atom.M
                + "\"><content type=\"application/xml\"><m:properties><d:VMCount m:type=\"Edm.Int32\">many"
                + "</d:VMCount></m:properties></content></entry>";
        assertThatThrownBy(() -> V3Atom.entryToJson(badNumber.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Property VMCount is not a valid Edm.Int32");
    }

    @Test
    void propertiesOutsideContentAreReadAsAMediaLinkEntryCarriesThem() throws Exception {
        String mediaLink = "<entry xmlns=\"" + V3Atom.ATOM + "\" xmlns:d=\"" + V3Atom.D + "\" xmlns:m=\"" + V3Atom.M
                + "\"><content type=\"image/png\" src=\"x.png\"/><m:properties><d:Name>n</d:Name>"
                + "<d:Big m:type=\"Edm.Decimal\">1.50</d:Big><d:Ratio m:type=\"Edm.Double\">0.5</d:Ratio>"
                + "</m:properties></entry>";

        JsonNode read = JSON.readTree(V3Atom.entryToJson(mediaLink.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("Name", "Big", "Ratio");
        assertThat(read.get("Name").textValue()).isEqualTo("n");
        assertThat(read.get("Big").textValue()).as("Decimal as text, exactly as sent").isEqualTo("1.50");
        assertThat(read.get("Ratio").decimalValue()).isEqualByComparingTo("0.5");
    }

    // ---- reading the rendered XML ----------------------------------------------------------------------------

    private static Element parse(byte[] xml) throws Exception {
        return SafeXml.newBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    /** An entry of a feed as a document of its own, with the namespaces it inherited declared on it. */
    private static byte[] standalone(Element entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(entry), new StreamResult(out));
        return out.toByteArray();
    }

    private static String typeOf(Element properties, String name) {
        return child(properties, V3Atom.D, name).getAttributeNS(V3Atom.M, "type");
    }

    /** Each atom:link as "rel [title|type…] href", in document order. */
    private static List<String> links(Element parent) {
        List<String> links = new ArrayList<>();
        for (Element link : children(parent, V3Atom.ATOM, "link")) {
            StringBuilder text = new StringBuilder(link.getAttribute("rel"));
            for (String attribute : List.of("type", "title")) {
                if (link.hasAttribute(attribute) && !(attribute.equals("title")
                        && link.getAttribute("rel").startsWith(V3Atom.RELATED))) {
                    text.append(' ').append(link.getAttribute(attribute));
                }
            }
            links.add(text.append(' ').append(link.getAttribute("href")).toString());
        }
        return links;
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
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
