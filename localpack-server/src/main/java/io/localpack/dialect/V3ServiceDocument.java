package io.localpack.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.xml.SafeXml;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The V3 service document, as WCF Data Services writes it at the service root: an AtomPub service (for
 * {@code application/atomsvc+xml}, {@code application/xml} and Atom-era clients), verbose JSON's
 * {@code {"d":{"EntitySets":[…]}}} or JSON light's {@code odata.metadata} and {@code value} of name and url.
 */
public final class V3ServiceDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "http://www.w3.org/2007/app";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final List<String> entitySets;

    /** @param entitySets the names of the entity sets the service declares, in its container's order */
    public V3ServiceDocument(List<String> entitySets) {
        this.entitySets = List.copyOf(entitySets);
    }

    /**
     * Writes the document in the negotiated format.
     *
     * @param serviceRoot the service root's absolute URL, ending with a slash
     */
    public void writeTo(HttpServletResponse response, ODataNegotiation.Negotiated format, String serviceRoot,
            boolean headersOnly) throws IOException {
        byte[] body;
        String contentType;
        if (format.atom()) {
            body = atomPub(serviceRoot);
            // WCF answers in the type the client named: plain XML for application/xml, AtomPub otherwise
            contentType = "application/xml".equals(format.offer()) ? "application/xml;charset=utf-8"
                    : "application/atomsvc+xml;charset=utf-8";
        } else if (format.v3Json() == V3JsonFormat.VERBOSE) {
            ObjectNode document = JSON.createObjectNode();
            ArrayNode names = document.putObject("d").putArray("EntitySets");
            entitySets.forEach(names::add);
            body = JSON.writeValueAsBytes(document);
            contentType = V3JsonFormat.VERBOSE.contentType();
        } else {
            V3JsonFormat light = format.v3Json() == null ? V3JsonFormat.MINIMAL_METADATA : format.v3Json();
            ObjectNode document = JSON.createObjectNode();
            if (light != V3JsonFormat.NO_METADATA) {
                document.put("odata.metadata", serviceRoot + "$metadata");
            }
            ArrayNode value = document.putArray("value");
            entitySets.forEach(name -> value.addObject().put("name", name).put("url", name));
            body = JSON.writeValueAsBytes(document);
            contentType = light.contentType();
        }
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!headersOnly) {
            response.getOutputStream().write(body);
        }
    }

    private byte[] atomPub(String serviceRoot) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter xml = SafeXml.newWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeStartElement("", "service", APP);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "base", serviceRoot);
            xml.writeDefaultNamespace(APP);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement(APP, "workspace");
            writeTitle(xml, "Default");
            for (String name : entitySets) {
                xml.writeStartElement(APP, "collection");
                xml.writeAttribute("href", name);
                writeTitle(xml, name);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the service document", e);
        }
    }

    private static void writeTitle(XMLStreamWriter xml, String title) throws XMLStreamException {
        xml.writeStartElement("atom", "title", ATOM);
        xml.writeCharacters(title);
        xml.writeEndElement();
    }
}
