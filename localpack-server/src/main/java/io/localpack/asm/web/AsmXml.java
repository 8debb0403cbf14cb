package io.localpack.asm.web;

import io.localpack.asm.domain.CloudServiceException;
import io.localpack.xml.SafeXml;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Reading and writing the Service Management XML dialect. */
final class AsmXml {

    static final String NS = "http://schemas.microsoft.com/windowsazure";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private AsmXml() {
    }

    // ---- reading -----------------------------------------------------------------------------------------

    /**
     * Parse a request body whose root must be {@code rootName} (in the windowsazure namespace or none).
     * DTDs and external entities are refused: a DOCTYPE is InvalidXmlRequest.
     */
    static Element parse(String body, String rootName) {
        if (body == null || body.isBlank()) {
            throw CloudServiceException.invalid(AsmError.InvalidXmlRequest.name(), "The request body is empty; a "
                    + rootName + " document is required.");
        }
        Element root;
        try {
            root = SafeXml.newBuilder().parse(new InputSource(new StringReader(body))).getDocumentElement();
        } catch (Exception e) {
            throw CloudServiceException.invalid(AsmError.InvalidXmlRequest.name(), "The request body is not well-formed XML "
                    + "or contains a DTD.");
        }
        if (!rootName.equals(root.getLocalName()) || !(root.getNamespaceURI() == null
                || NS.equals(root.getNamespaceURI()))) {
            throw CloudServiceException.invalid(AsmError.InvalidXmlRequest.name(), "The root element must be " + rootName
                    + " in namespace " + NS + ".");
        }
        return root;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    static String requiredText(Element parent, String name) {
        String text = text(parent, name);
        if (text == null || text.isEmpty()) {
            throw CloudServiceException.badRequest("The " + name + " element is required.");
        }
        return text;
    }

    static String base64(Element parent, String name, boolean required) {
        String text = required ? requiredText(parent, name) : text(parent, name);
        if (text == null) {
            return null;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CloudServiceException.badRequest("The " + name + " element must be base64-encoded.");
        }
    }

    static boolean bool(Element parent, String name) {
        String text = text(parent, name);
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw CloudServiceException.badRequest("The " + name + " element must be true or false.");
        }
        return Boolean.parseBoolean(text.toLowerCase());
    }

    /** {@code ExtendedProperties/ExtendedProperty(Name, Value)}; null when absent. */
    static Map<String, String> extendedProperties(Element parent) {
        Element list = child(parent, "ExtendedProperties");
        if (list == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Element p : children(list, "ExtendedProperty")) {
            map.put(requiredText(p, "Name"), text(p, "Value"));
        }
        return map;
    }

    // ---- writing -----------------------------------------------------------------------------------------

    static String encode(String text) {
        return text == null ? null : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String date(OffsetDateTime time) {
        return time == null ? null : DATE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A small writer over StAX: the root gets the windowsazure namespace and xmlns:i, as real responses do. */
    static final class Writer {
        private final StringWriter out = new StringWriter();
        private final XMLStreamWriter xml;

        Writer(String root) {
            try {
                xml = SafeXml.newWriter(out);
                xml.writeStartDocument("utf-8", "1.0");
                xml.writeStartElement(root);
                xml.writeDefaultNamespace(NS);
                xml.writeNamespace("i", XSI);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        Writer start(String name) {
            try {
                xml.writeStartElement(name);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Writer end() {
            try {
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** An element with text; skipped when the value is null (clients skip absent elements). */
        Writer el(String name, Object value) {
            if (value == null) {
                return this;
            }
            try {
                xml.writeStartElement(name);
                xml.writeCharacters(value.toString());
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Writer extendedProperties(Map<String, String> properties) {
            if (properties == null || properties.isEmpty()) {
                return this;
            }
            start("ExtendedProperties");
            properties.forEach((k, v) -> start("ExtendedProperty").el("Name", k).el("Value", v).end());
            return end();
        }

        String finish() {
            try {
                xml.writeEndDocument();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }
    }
}
