package io.localpack.subscriptions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.subscriptions.SubscriptionRefusal;
import io.localpack.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request body as members by name, from JSON or from the XML DataContract bodies Microsoft's sample client sends
 * ({@code <AzureProvisioningInfo xmlns="http://schemas.microsoft.com/windowsazure">…}, arrays as
 * {@code <CoAdminNames><d2p1:string>…}, {@code i:nil="true"} for null). XML is parsed by {@link SafeXml}: no DTD,
 * no external entity. Members are found case-blind, as WAP's serializers do.
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** DataContract members that are lists even when they hold one element. */
    private static final Set<String> LISTS = Set.of("coadminnames", "addonreferences", "addons", "services");

    private final ObjectNode members;

    private RequestBodies(ObjectNode members) {
        this.members = members;
    }

    /** The body's members; an empty or unreadable body, or one that is no object, is refused naming "(body)". */
    static RequestBodies read(String body, String contentType) {
        if (body == null || body.isBlank()) {
            throw SubscriptionRefusal.badRequest("(body)", "The request needs a body (JSON, or XML).");
        }
        boolean xml = contentType != null && contentType.toLowerCase().contains("xml")
                || contentType == null && body.stripLeading().startsWith("<");
        return new RequestBodies(xml ? fromXml(body) : fromJson(body));
    }

    /** A member's text; null when absent or null. An object or array where text belongs is refused. */
    String text(String name) {
        JsonNode value = member(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw SubscriptionRefusal.badRequest(name, name + " must be a string.");
        }
        return value.asText();
    }

    /** A list of strings; null when absent or null. */
    List<String> strings(String name) {
        JsonNode value = member(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw SubscriptionRefusal.badRequest(name, name + " must be a list of names.");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                throw SubscriptionRefusal.badRequest(name, name + " must be a list of names.");
            }
            list.add(item.asText());
        }
        return list;
    }

    private JsonNode member(String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static ObjectNode fromJson(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw SubscriptionRefusal.badRequest("(body)", "The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
        if (node == null || !node.isObject()) {
            throw SubscriptionRefusal.badRequest("(body)", "The body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode fromXml(String body) {
        Element root;
        try {
            root = SafeXml.newBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            // parser messages may quote the body: say only that it is not acceptable XML
            throw SubscriptionRefusal.badRequest("(body)", "The body is not well-formed XML, or uses a DTD or "
                    + "entities, which are not accepted.");
        }
        return (ObjectNode) convert(root, true);
    }

    /** An element as JSON: nil as null, text as a string, children as an object, or a list for list members. */
    private static JsonNode convert(Element element, boolean isObject) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if ("true".equals(element.getAttributeNS(XSI, "nil"))) {
            return nodes.nullNode();
        }
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        String name = localName(element).toLowerCase();
        if (!isObject && LISTS.contains(name)) {
            ArrayNode list = nodes.arrayNode();
            children.forEach(child -> list.add(convert(child, false)));
            return list;
        }
        if (children.isEmpty() && !isObject) {
            return nodes.textNode(element.getTextContent());
        }
        ObjectNode object = nodes.objectNode();
        children.forEach(child -> object.set(localName(child), convert(child, false)));
        return object;
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }
}
