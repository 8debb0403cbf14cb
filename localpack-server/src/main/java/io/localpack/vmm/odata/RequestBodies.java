package io.localpack.vmm.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localpack.dialect.ODataRequestAdapter;
import io.localpack.dialect.V3Atom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.deserializer.DeserializerException;
import org.springframework.stereotype.Component;

/**
 * Reads request entities the way SPF clients write them. JSON bodies lose their annotations first (V3
 * {@code odata.type}, {@code Prop@odata.type}, {@code odata.metadata}; V4 {@code @odata.type}) and their top-level
 * nulls, which under merge semantics mean "leave as it is"; then Olingo validates every member against the schema.
 */
@Component
public class RequestBodies {

    private final ObjectMapper json = new ObjectMapper();

    public Entity read(ODataRequest request, ContentType format, EdmEntityType type, OData odata,
            ServiceMetadata metadata) throws ODataApplicationException, DeserializerException {
        byte[] body;
        try {
            body = ODataRequestAdapter.readBody(request.getBody());
        } catch (ODataRequestAdapter.BodyTooLargeException e) {
            throw new ODataApplicationException(e.getMessage(), HttpStatusCode.PAYLOAD_TOO_LARGE.getStatusCode(),
                    Locale.ENGLISH, "RequestEntityTooLarge");
        } catch (IOException e) {
            throw badRequest("The request body could not be read");
        }
        if (body.length == 0) {
            throw badRequest("The request needs a " + type.getName() + " entity in its body");
        }
        if (isV3Atom(format, body)) {
            // a V3 client's Atom entry: read into the JSON Olingo reads (its own XML reader speaks V4's format)
            try {
                body = V3Atom.entryToJson(body);
            } catch (IllegalArgumentException e) {
                throw badRequest(e.getMessage());
            }
            format = ContentType.create(ContentType.JSON, ContentType.PARAMETER_IEEE754_COMPATIBLE, "true");
        }
        if (format.isCompatible(ContentType.APPLICATION_JSON)) {
            body = withoutAnnotations(body, type, "true".equalsIgnoreCase(
                    format.getParameter(ContentType.PARAMETER_IEEE754_COMPATIBLE)));
        }
        return odata.createDeserializer(format, metadata).entity(new ByteArrayInputStream(body), type).getEntity();
    }

    private byte[] withoutAnnotations(byte[] body, EdmStructuredType type, boolean ieee754Compatible)
            throws ODataApplicationException {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            // The location only: the parser's message would echo the body, which may hold secrets.
            throw badRequest("The request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw badRequest("The request body could not be read");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw badRequest("The request body must be a JSON object");
        }
        strip(object, true);
        rejectNul(object);
        toDeclaredForm(object, type, ieee754Compatible);
        try {
            return json.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw badRequest("The request body could not be read");
        }
    }

    /** The numeric Edm types whose values clients may send as JSON strings (azure-powershell quotes long and double). */
    private static final Set<EdmPrimitiveTypeKind> NUMBERS = EnumSet.of(EdmPrimitiveTypeKind.Byte,
            EdmPrimitiveTypeKind.SByte, EdmPrimitiveTypeKind.Int16, EdmPrimitiveTypeKind.Int32,
            EdmPrimitiveTypeKind.Int64, EdmPrimitiveTypeKind.Decimal, EdmPrimitiveTypeKind.Double,
            EdmPrimitiveTypeKind.Single);

    /**
     * Members as the schema declares them, so Olingo's strict reader takes what SPF takes: navigation members (the
     * related entities a client read with $expand and sends back) dropped, names matched without
     * regard to case (a Go client sends {@code Statusstring}, {@code FailedJobId}), and numbers sent as strings
     * ({@code "CPUCount":"2"}, {@code "TotalSize":"1024"}) as numbers, or, for Int64 and Decimal under
     * IEEE754Compatible, as strings the other way round. A string that is no number stays as it is, for Olingo to
     * refuse.
     */
    private static void toDeclaredForm(ObjectNode object, EdmStructuredType type, boolean ieee754Compatible) {
        Map<String, String> declared = new HashMap<>();
        type.getPropertyNames().forEach(name -> declared.put(name.toLowerCase(Locale.ROOT), name));
        Set<String> navigations = new java.util.HashSet<>();
        type.getNavigationPropertyNames().forEach(name -> navigations.add(name.toLowerCase(Locale.ROOT)));
        for (String name : namesOf(object)) {
            if (navigations.contains(name.toLowerCase(Locale.ROOT))) {
                // Azure PowerShell PUTs back the object it read with $expand; SPF ignores the related entities
                object.remove(name);
                continue;
            }
            String declaredName = declared.get(name.toLowerCase(Locale.ROOT));
            if (declaredName == null) {
                continue;
            }
            JsonNode value = object.get(name);
            if (!declaredName.equals(name) && !object.has(declaredName)) {
                object.remove(name);
                object.set(declaredName, value);
            }
            EdmProperty property = type.getStructuralProperty(declaredName);
            if (property == null) {
                continue;
            }
            if (property.getType() instanceof EdmStructuredType complex) {
                if (value instanceof ObjectNode member) {
                    toDeclaredForm(member, complex, ieee754Compatible);
                } else if (value instanceof ArrayNode elements) {
                    elements.forEach(e -> {
                        if (e instanceof ObjectNode element) {
                            toDeclaredForm(element, complex, ieee754Compatible);
                        }
                    });
                }
            } else if (!property.isCollection()) {
                JsonNode number = asDeclaredNumber(property.getType(), value, ieee754Compatible);
                if (number != null) {
                    object.set(declaredName, number);
                }
            }
        }
    }

    private static JsonNode asDeclaredNumber(EdmType type, JsonNode value, boolean ieee754Compatible) {
        EdmPrimitiveTypeKind kind;
        try {
            kind = EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!NUMBERS.contains(kind)) {
            return null;
        }
        boolean asText = ieee754Compatible && (kind == EdmPrimitiveTypeKind.Int64
                || kind == EdmPrimitiveTypeKind.Decimal);
        if (asText && value.isNumber()) {
            return JsonNodeFactory.instance.textNode(value.asText());
        }
        if (!asText && value.isTextual()) {
            try {
                return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> namesOf(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isV3Atom(ContentType format, byte[] body) {
        boolean xml = format.isCompatible(ContentType.APPLICATION_ATOM_XML) || format.isCompatible(ContentType.APPLICATION_XML);
        return xml && new String(body, 0, Math.min(body.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
                .contains("http://schemas.microsoft.com/ado/2007/08/dataservices");
    }

    /** No database stores NUL in text (PostgreSQL refuses it): a value holding one is the client's mistake. */
    private static void rejectNul(JsonNode node) throws ODataApplicationException {
        if (node.isTextual() && node.asText().indexOf('\u0000') >= 0) {
            throw badRequest("The request body holds a string with a NUL character, which no property value can hold");
        }
        for (JsonNode child : node) {
            rejectNul(child);
        }
    }

    private static void strip(JsonNode node, boolean topLevel) {
        if (node instanceof ObjectNode object) {
            List<String> remove = new ArrayList<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("odata.") || name.startsWith("@") || name.contains("@odata.")
                        || (topLevel && object.get(name).isNull())) {
                    remove.add(name);
                } else {
                    strip(object.get(name), false);
                }
            }
            object.remove(remove);
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> strip(element, false));
        }
    }

    private static ODataApplicationException badRequest(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ENGLISH,
                "BadRequest");
    }
}
