package io.localpack.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * OData V3 Atom, what a WCF Data Services client that never calls {@code UseJson} speaks: answers rendered from the
 * V4 JSON Olingo wrote with full metadata (feed, entry, {@code m:error}), and Atom entries in request bodies read
 * (with the one hardened XML parser) into the JSON Olingo reads.
 */
public final class V3Atom {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String D = "http://schemas.microsoft.com/ado/2007/08/dataservices";
    static final String M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    static final String SCHEME = "http://schemas.microsoft.com/ado/2007/08/dataservices/scheme";
    static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";
    static final String ENTRY_TYPE = "application/atom+xml;type=entry;charset=utf-8";
    static final String FEED_TYPE = "application/atom+xml;type=feed;charset=utf-8";
    static final String ERROR_TYPE = "application/xml;charset=utf-8";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private V3Atom() {
    }

    /** The Atom document (and its content type) for a V4 full-metadata JSON answer. */
    record Rendered(byte[] body, String contentType) {
    }

    static Rendered render(JsonNode v4) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter xml = SafeXml.newWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            String contentType;
            if (v4.size() == 1 && v4.get("error") instanceof ObjectNode error) {
                error(xml, error);
                contentType = ERROR_TYPE;
            } else {
                String context = v4.path("@odata.context").asText("");
                String root = context.contains("$metadata") ? context.substring(0, context.indexOf("$metadata")) : "";
                if (v4.has("value") && !context.endsWith("/$entity")) {
                    feed(xml, (ObjectNode) v4, root, setName(context), true);
                    contentType = FEED_TYPE;
                } else {
                    entry(xml, (ObjectNode) v4, root, true);
                    contentType = ENTRY_TYPE;
                }
            }
            xml.writeEndDocument();
            xml.close();
            return new Rendered(out.toByteArray(), contentType);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Atom", e);
        }
    }

    private static void error(XMLStreamWriter xml, ObjectNode error) throws XMLStreamException {
        xml.writeStartElement("m", "error", M);
        xml.writeNamespace("m", M);
        xml.writeStartElement(M, "code");
        xml.writeCharacters(error.path("code").asText(""));
        xml.writeEndElement();
        xml.writeStartElement(M, "message");
        xml.writeAttribute("xml", XML_NS, "lang", "en-US");
        xml.writeCharacters(error.path("message").asText(""));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void feed(XMLStreamWriter xml, ObjectNode body, String root, String set, boolean top)
            throws XMLStreamException {
        xml.writeStartElement("", "feed", ATOM);
        if (top) {
            namespaces(xml, root);
        }
        element(xml, ATOM, "id", root + set);
        xml.writeStartElement(ATOM, "title");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(set);
        xml.writeEndElement();
        element(xml, ATOM, "updated", now());
        link(xml, "self", set, set, null);
        if (body.has("@odata.count")) {
            element(xml, M, "count", body.get("@odata.count").asText());
        }
        for (JsonNode entry : body.path("value")) {
            if (entry instanceof ObjectNode object) {
                entry(xml, object, root, false);
            }
        }
        if (body.has("@odata.nextLink")) {
            link(xml, "next", null, body.get("@odata.nextLink").asText(), null);
        }
        xml.writeEndElement();
    }

    private static void entry(XMLStreamWriter xml, ObjectNode entity, String root, boolean top)
            throws XMLStreamException {
        xml.writeStartElement("", "entry", ATOM);
        if (top) {
            namespaces(xml, root);
        }
        String type = V3JsonBodies.v3Type(entity.path("@odata.type").asText(""));
        String id = V3JsonBodies.v3Keys(entity.path("@odata.id").asText(""));
        String edit = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        element(xml, ATOM, "id", id.startsWith("http") ? id : root + id);
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("term", type);
        xml.writeAttribute("scheme", SCHEME);
        link(xml, "edit", type.substring(type.lastIndexOf('.') + 1), edit, null);
        for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().endsWith("@odata.navigationLink")) {
                continue;
            }
            String navigation = field.getKey().substring(0, field.getKey().indexOf('@'));
            JsonNode expanded = entity.get(navigation);
            boolean many = expanded instanceof ArrayNode;
            xml.writeStartElement(ATOM, "link");
            xml.writeAttribute("rel", RELATED + navigation);
            xml.writeAttribute("type", many ? "application/atom+xml;type=feed" : "application/atom+xml;type=entry");
            xml.writeAttribute("title", navigation);
            xml.writeAttribute("href", V3JsonBodies.v3Keys(field.getValue().asText()));
            if (entity.has(navigation)) {
                xml.writeStartElement(M, "inline");
                if (many) {
                    ObjectNode inlineFeed = JsonNodeFactory.instance.objectNode();
                    inlineFeed.set("value", expanded);
                    feed(xml, inlineFeed, root, navigation, false);
                } else if (expanded instanceof ObjectNode one) {
                    entry(xml, one, root, false);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEmptyElement(ATOM, "title");
        element(xml, ATOM, "updated", now());
        xml.writeStartElement(ATOM, "author");
        xml.writeEmptyElement(ATOM, "name");
        xml.writeEndElement();
        xml.writeStartElement(ATOM, "content");
        xml.writeAttribute("type", "application/xml");
        xml.writeStartElement(M, "properties");
        properties(xml, entity);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Structural properties as {@code d:} elements; navigation properties and annotations are not properties. */
    private static void properties(XMLStreamWriter xml, ObjectNode object) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.contains("@") || object.has(name + "@odata.navigationLink")) {
                continue;
            }
            String type = object.has(name + "@odata.type")
                    ? V3JsonBodies.v3Type(object.get(name + "@odata.type").asText()) : null;
            value(xml, name, field.getValue(), type);
        }
    }

    private static void value(XMLStreamWriter xml, String name, JsonNode value, String declaredType)
            throws XMLStreamException {
        if (value.isNull()) {
            xml.writeEmptyElement(D, name);
            if (declaredType != null) {
                xml.writeAttribute(M, "type", declaredType);
            }
            xml.writeAttribute(M, "null", "true");
            return;
        }
        xml.writeStartElement(D, name);
        if (value instanceof ObjectNode complex) {
            String type = complex.has("@odata.type") ? V3JsonBodies.v3Type(complex.get("@odata.type").asText())
                    : declaredType;
            if (type != null) {
                xml.writeAttribute(M, "type", type);
            }
            properties(xml, complex);
        } else if (value instanceof ArrayNode array) {
            if (declaredType != null) {
                xml.writeAttribute(M, "type", declaredType);
            }
            String elementType = declaredType != null && declaredType.startsWith("Collection(")
                    ? declaredType.substring("Collection(".length(), declaredType.length() - 1) : null;
            for (JsonNode element : array) {
                value(xml, "element", element, elementType);
            }
        } else {
            String type = declaredType != null ? declaredType : value.isBoolean() ? "Edm.Boolean"
                    : value.isIntegralNumber() ? "Edm.Int32" : value.isNumber() ? "Edm.Double" : null;
            if (type != null && !type.equals("Edm.String")) {
                xml.writeAttribute(M, "type", type);
            }
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }

    private static void namespaces(XMLStreamWriter xml, String root) throws XMLStreamException {
        xml.writeDefaultNamespace(ATOM);
        xml.writeNamespace("d", D);
        xml.writeNamespace("m", M);
        if (!root.isEmpty()) {
            xml.writeAttribute("xml", XML_NS, "base", root);
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String title, String href, String type)
            throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        if (title != null) {
            xml.writeAttribute("title", title);
        }
        xml.writeAttribute("href", href);
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String setName(String context) {
        String fragment = context.contains("#") ? context.substring(context.indexOf('#') + 1) : context;
        int cut = fragment.indexOf('(');
        return cut < 0 ? fragment : fragment.substring(0, cut);
    }

    private static String now() {
        return UPDATED.format(OffsetDateTime.now(ZoneOffset.UTC));
    }

    // --- request bodies ---

    /**
     * The JSON form of an Atom entry a client sent: {@code d:} properties typed by {@code m:type} (Int64 and
     * Decimal as strings, as the JSON handed to Olingo is IEEE754-compatible), {@code m:null}, complex values and
     * {@code d:element} collections.
     *
     * @throws IllegalArgumentException when the body is not a well-formed Atom entry (or holds a DTD)
     */
    public static byte[] entryToJson(byte[] atom) {
        Element root;
        try {
            root = SafeXml.newBuilder().parse(new ByteArrayInputStream(atom)).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("The request body is not a well-formed Atom entry (DTDs and entities "
                    + "are not accepted)");
        }
        if (!ATOM.equals(root.getNamespaceURI()) || !"entry".equals(root.getLocalName())) {
            throw new IllegalArgumentException("The request body must be an Atom <entry>");
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        Element properties = child(child(root, ATOM, "content"), M, "properties");
        if (properties == null) {
            properties = child(root, M, "properties"); // media-link entries carry them outside content
        }
        if (properties != null) {
            readProperties(properties, json);
        }
        return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void readProperties(Element properties, ObjectNode into) {
        for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element property && D.equals(property.getNamespaceURI())) {
                into.set(property.getLocalName(), readValue(property));
            }
        }
    }

    private static JsonNode readValue(Element property) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if ("true".equals(property.getAttributeNS(M, "null"))) {
            return nodes.nullNode();
        }
        String type = property.getAttributeNS(M, "type");
        if (type.startsWith("Collection(")) {
            ArrayNode array = nodes.arrayNode();
            for (Node n = property.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element element && "element".equals(element.getLocalName())) {
                    array.add(readValue(element));
                }
            }
            return array;
        }
        if (hasElementChildren(property)) {
            ObjectNode complex = nodes.objectNode();
            readProperties(property, complex);
            return complex;
        }
        String text = property.getTextContent();
        try {
            return switch (type) {
                case "Edm.Boolean" -> nodes.booleanNode(Boolean.parseBoolean(text.trim()));
                case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32" -> nodes.numberNode(Integer.parseInt(text.trim()));
                case "Edm.Double", "Edm.Single" -> nodes.numberNode(new BigDecimal(text.trim()));
                default -> nodes.textNode(text); // strings, Guid, DateTime, and Int64/Decimal as strings
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + property.getLocalName() + " is not a valid " + type);
        }
    }

    private static boolean hasElementChildren(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static Element child(Element parent, String namespace, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
