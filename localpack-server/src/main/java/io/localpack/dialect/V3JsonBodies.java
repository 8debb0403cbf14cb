package io.localpack.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a V4 JSON body that Olingo wrote (Int64/Decimal as strings, IEEE754Compatible) into the V3 JSON format a
 * client asked for. Full metadata is the input of the formats that show types and links; the lighter formats drop
 * what they do not show, so minimal metadata serves them (and {@link V3JsonLightStream} rewrites those bodies without
 * a tree, leaving only errors and unusual shapes to this class).
 */
final class V3JsonBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String V4_ANNOTATION = "@odata.";

    private V3JsonBodies() {
    }

    /** The V3 form of a V4 body: an error, one entity or a collection of entities. */
    static JsonNode toV3(JsonNode v4, V3JsonFormat format) {
        if (!(v4 instanceof ObjectNode body)) {
            return v4;
        }
        if (body.size() == 1 && body.get("error") instanceof ObjectNode error) {
            return error(error, format);
        }
        String context = body.path("@odata.context").asText(null);
        boolean entity = context == null ? !body.has("value") : context.endsWith("/$entity");
        if (format == V3JsonFormat.VERBOSE) {
            ObjectNode d = entity ? verboseObject(body, serviceRoot(context)) : verboseCollection(body, context);
            return NODES.objectNode().set("d", d);
        }
        return entity ? lightEntity(body, context, format) : lightCollection(body, context, format);
    }

    // --- errors ---

    /** V3 errors carry the message with its language; JSON light names the wrapper odata.error, verbose error. */
    private static JsonNode error(ObjectNode v4Error, V3JsonFormat format) {
        ObjectNode message = NODES.objectNode().put("lang", "en-US")
                .put("value", v4Error.path("message").asText(""));
        ObjectNode error = NODES.objectNode().put("code", v4Error.path("code").asText(""));
        error.set("message", message);
        return NODES.objectNode().set(format == V3JsonFormat.VERBOSE ? "error" : "odata.error", error);
    }

    // --- JSON light ---

    private static JsonNode lightCollection(ObjectNode body, String context, V3JsonFormat format) {
        ObjectNode out = NODES.objectNode();
        if (context != null && format != V3JsonFormat.NO_METADATA) {
            out.put("odata.metadata", v3Context(context));
        }
        if (body.has("@odata.count")) {
            out.put("odata.count", body.get("@odata.count").asText()); // WCF DS writes the count as a string
        }
        ArrayNode value = out.putArray("value");
        for (JsonNode element : body.path("value")) {
            value.add(element instanceof ObjectNode object ? lightObject(object, format) : element);
        }
        if (body.has("@odata.nextLink")) {
            out.put("odata.nextLink", body.get("@odata.nextLink").asText());
        }
        return out;
    }

    private static JsonNode lightEntity(ObjectNode body, String context, V3JsonFormat format) {
        ObjectNode out = NODES.objectNode();
        if (context != null && format != V3JsonFormat.NO_METADATA) {
            out.put("odata.metadata", v3Context(context));
        }
        out.setAll(lightObject(body, format));
        return out;
    }

    /** An entity or complex value: annotations renamed (full metadata) or dropped, nested values likewise. */
    private static ObjectNode lightObject(ObjectNode v4, V3JsonFormat format) {
        boolean full = format == V3JsonFormat.FULL_METADATA;
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = v4.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            int annotation = name.indexOf(V4_ANNOTATION);
            if (annotation == 0) {
                String term = name.substring(V4_ANNOTATION.length());
                if (term.equals("context")) {
                    continue;
                }
                if (full || term.equals("etag")) {
                    out.set("odata." + term, term.equals("type") ? NODES.textNode(v3Type(value.asText()))
                            : term.equals("id") || term.equals("editLink") ? NODES.textNode(v3Keys(value.asText()))
                            : value);
                }
                if (full && term.equals("id") && !v4.has("@odata.editLink")) {
                    // Olingo leaves out an edit link equal to the id; V3 full metadata always names it, relative
                    String id = v3Keys(value.asText());
                    out.put("odata.editLink", id.substring(id.lastIndexOf('/') + 1));
                }
            } else if (annotation > 0) {
                if (full) {
                    String property = name.substring(0, annotation);
                    String term = name.substring(annotation + V4_ANNOTATION.length());
                    switch (term) {
                        case "type" -> out.put(name, v3Type(value.asText()));
                        case "navigationLink" -> out.put(property + "@odata.navigationLinkUrl",
                                v3Keys(value.asText()));
                        case "associationLink" -> out.set(property + "@odata.associationLinkUrl", value);
                        default -> out.set(name, value);
                    }
                }
            } else {
                out.set(name, lightValue(value, format));
            }
        }
        return out;
    }

    private static JsonNode lightValue(JsonNode value, V3JsonFormat format) {
        if (value instanceof ObjectNode object) {
            return lightObject(object, format);
        }
        if (value instanceof ArrayNode array) {
            ArrayNode out = NODES.arrayNode();
            array.forEach(element -> out.add(lightValue(element, format)));
            return out;
        }
        return value;
    }

    // --- verbose JSON ---

    private static ObjectNode verboseCollection(ObjectNode body, String context) {
        String root = serviceRoot(context);
        ObjectNode out = NODES.objectNode();
        ArrayNode results = out.putArray("results");
        for (JsonNode element : body.path("value")) {
            results.add(element instanceof ObjectNode object ? verboseObject(object, root) : element);
        }
        if (body.has("@odata.count")) {
            out.put("__count", body.get("@odata.count").asText());
        }
        if (body.has("@odata.nextLink")) {
            out.put("__next", body.get("@odata.nextLink").asText());
        }
        return out;
    }

    /**
     * An entity or complex value in verbose JSON: {@code __metadata} with uri and type, collections as
     * {@code {"results":[…]}}, unexpanded navigation properties as {@code __deferred} links, and Edm.DateTime values
     * as {@code /Date(ms)/} (the V3 model's DateTime is V4's DateTimeOffset).
     */
    private static ObjectNode verboseObject(ObjectNode v4, String serviceRoot) {
        ObjectNode out = NODES.objectNode();
        ObjectNode metadata = NODES.objectNode();
        if (v4.has("@odata.id")) {
            metadata.put("uri", v3Keys(absolute(serviceRoot, v4.get("@odata.id").asText())));
        }
        if (v4.has("@odata.type")) {
            metadata.put("type", v3Type(v4.get("@odata.type").asText()));
        }
        if (v4.has("@odata.etag")) {
            metadata.set("etag", v4.get("@odata.etag"));
        }
        if (!metadata.isEmpty()) {
            out.set("__metadata", metadata);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = v4.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            int annotation = name.indexOf(V4_ANNOTATION);
            if (annotation == 0) {
                continue;
            }
            if (annotation > 0) {
                if (name.endsWith("@odata.navigationLink") && !v4.has(name.substring(0, annotation))) {
                    out.putObject(name.substring(0, annotation)).putObject("__deferred")
                            .put("uri", v3Keys(absolute(serviceRoot, field.getValue().asText())));
                }
                continue;
            }
            String type = v4.path(name + "@odata.type").asText(null);
            out.set(name, verboseValue(field.getValue(), type == null ? null : v3Type(type), serviceRoot));
        }
        return out;
    }

    private static JsonNode verboseValue(JsonNode value, String v3Type, String serviceRoot) {
        if (value instanceof ObjectNode object) {
            return verboseObject(object, serviceRoot);
        }
        if (value instanceof ArrayNode array) {
            ObjectNode out = NODES.objectNode();
            if (v3Type != null) {
                out.putObject("__metadata").put("type", v3Type);
            }
            ArrayNode results = out.putArray("results");
            String elementType = v3Type != null && v3Type.startsWith("Collection(")
                    ? v3Type.substring("Collection(".length(), v3Type.length() - 1) : null;
            array.forEach(element -> results.add(verboseValue(element, elementType, serviceRoot)));
            return out;
        }
        if ("Edm.DateTime".equals(v3Type) && value.isTextual()) {
            try {
                return NODES.textNode("/Date(" + OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli() + ")/");
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    // --- names ---

    /**
     * The V3 name of a V4 type annotation: no leading '#', primitives in the Edm namespace, DateTimeOffset as the
     * V3 model's DateTime.
     */
    static String v3Type(String v4Type) {
        String type = v4Type.startsWith("#") ? v4Type.substring(1) : v4Type;
        if (type.startsWith("Collection(") && type.endsWith(")")) {
            return "Collection(" + v3Type(type.substring("Collection(".length(), type.length() - 1)) + ")";
        }
        if (!type.contains(".")) {
            type = "Edm." + type;
        }
        return type.equals("Edm.DateTimeOffset") ? "Edm.DateTime" : type;
    }

    /**
     * The V3 metadata URL of a V4 context URL: {@code $metadata#Services/$entity} becomes
     * {@code $metadata#Services/@Element}, a select list {@code Services(Name,ID)} becomes {@code Services&$select=Name,ID}.
     */
    static String v3Context(String v4Context) {
        int hash = v4Context.indexOf('#');
        if (hash < 0) {
            return v4Context;
        }
        String fragment = v4Context.substring(hash + 1);
        boolean entity = fragment.endsWith("/$entity");
        if (entity) {
            fragment = fragment.substring(0, fragment.length() - "/$entity".length());
        }
        String select = null;
        int open = fragment.indexOf('(');
        if (open > 0 && fragment.endsWith(")")) {
            select = fragment.substring(open + 1, fragment.length() - 1);
            fragment = fragment.substring(0, open);
        }
        select = select == null ? null : withoutExpansions(select);
        return v4Context.substring(0, hash + 1) + fragment + (entity ? "/@Element" : "")
                + (select == null || select.isEmpty() ? "" : "&$select=" + select);
    }

    /**
     * A V4 select list without its expanded navigation properties ({@code VMCheckpoints()}, {@code Tiers(Name)}):
     * V3 metadata URLs name only selected properties, an $expand alone leaves the URL as for the set.
     */
    private static String withoutExpansions(String select) {
        List<String> kept = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : (select + ",").toCharArray()) {
            if (c == ',' && depth == 0) {
                if (item.indexOf("(") < 0 && item.length() > 0) {
                    kept.add(item.toString());
                }
                item.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            item.append(c);
        }
        return String.join(",", kept);
    }

    private static final java.util.regex.Pattern V4_GUID_KEY = java.util.regex.Pattern.compile(
            "([(,]\\w+=)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=[,)])");

    /** An entity URL with V3 key literals: {@code Services(ID=8a8b…,StampId=…)} becomes {@code ID=guid'8a8b…'}. */
    public static String v3Keys(String url) {
        return V4_GUID_KEY.matcher(url).replaceAll("$1guid'$2'");
    }

    /** The service root, which precedes $metadata in a context URL. */
    private static String serviceRoot(String context) {
        if (context == null) {
            return "";
        }
        int metadata = context.indexOf("$metadata");
        return metadata < 0 ? "" : context.substring(0, metadata);
    }

    private static String absolute(String serviceRoot, String link) {
        return link.startsWith("http://") || link.startsWith("https://") ? link : serviceRoot + link;
    }
}
