package io.localpack.subscriptions.web;

import io.localpack.xml.SafeXml;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The same objects as {@link WireShapes} in the DataContract XML Microsoft's sample client also reads, for clients
 * that ask for XML ({@code Accept: application/xml} without a JSON type): namespace
 * {@code http://schemas.microsoft.com/windowsazure}, members in the same order, {@code i:nil="true"} for null,
 * string lists as {@code <d2p1:string>} of the serialization-arrays namespace. List element names follow the
 * sample client's class names where known (SubscriptionList is {@code <Subscriptions><Subscription>}); the others
 * are [INFER].
 */
final class WireXml {

    static final String NAMESPACE = "http://schemas.microsoft.com/windowsazure";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    /** The element of one item of a list member. */
    private static final Map<String, String> ITEMS = Map.ofEntries(
            Map.entry("AddOnReferences", "PlanAddOnReference"),
            Map.entry("AddOns", "PlanAddOn"),
            Map.entry("Services", "SubscriptionService"),
            Map.entry("BaseQuotaSettings", "ServiceQuotaSetting"),
            Map.entry("Settings", "ServiceQuotaSetting"),
            Map.entry("ServiceQuotas", "ServiceQuota"),
            Map.entry("Advertisements", "PlanAdvertisement"),
            Map.entry("Usages", "Usage"),
            Map.entry("Details", "ErrorDetail"));

    private WireXml() {
    }

    /** Whether the client asks for XML rather than JSON. */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        String types = accept.toLowerCase();
        return (types.contains("application/xml") || types.contains("text/xml")) && !types.contains("json");
    }

    /** One object as {@code <root>}. */
    static String object(String root, Map<String, Object> members) {
        return document(w -> {
            start(w, root);
            members(w, members);
            w.writeEndElement();
        });
    }

    /** A list as {@code <root><item/>…</root>}. */
    static String list(String root, String item, List<Map<String, Object>> items) {
        return document(w -> {
            start(w, root);
            for (Map<String, Object> member : items) {
                w.writeStartElement(NAMESPACE, item);
                members(w, member);
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = SafeXml.newWriter(out);
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartDocument("utf-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the XML answer", e);
        }
        return out.toString();
    }

    private static void start(XMLStreamWriter w, String root) throws XMLStreamException {
        w.writeStartElement(NAMESPACE, root);
        w.writeDefaultNamespace(NAMESPACE);
        w.writeNamespace("i", XSI);
    }

    @SuppressWarnings("unchecked")
    private static void members(XMLStreamWriter w, Map<String, Object> members) throws XMLStreamException {
        for (Map.Entry<String, Object> member : members.entrySet()) {
            Object value = member.getValue();
            if (value == null) {
                w.writeEmptyElement(NAMESPACE, member.getKey());
                w.writeAttribute("i", XSI, "nil", "true");
            } else if (value instanceof List<?> list) {
                w.writeStartElement(NAMESPACE, member.getKey());
                boolean strings = list.stream().allMatch(item -> !(item instanceof Map));
                if (strings && !list.isEmpty()) {
                    w.writeNamespace("d2p1", ARRAYS);
                }
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        w.writeStartElement(NAMESPACE, ITEMS.getOrDefault(member.getKey(), member.getKey()));
                        members(w, (Map<String, Object>) map);
                        w.writeEndElement();
                    } else {
                        w.writeStartElement("d2p1", "string", ARRAYS);
                        w.writeCharacters(String.valueOf(item));
                        w.writeEndElement();
                    }
                }
                w.writeEndElement();
            } else {
                w.writeStartElement(NAMESPACE, member.getKey());
                w.writeCharacters(String.valueOf(value));
                w.writeEndElement();
            }
        }
    }
}
