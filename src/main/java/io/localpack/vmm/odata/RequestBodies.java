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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.EdmEntityType;
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
            body = withoutAnnotations(body);
        }
        return odata.createDeserializer(format, metadata).entity(new ByteArrayInputStream(body), type).getEntity();
    }

    private byte[] withoutAnnotations(byte[] body) throws ODataApplicationException {
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
        try {
            return json.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw badRequest("The request body could not be read");
        }
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
