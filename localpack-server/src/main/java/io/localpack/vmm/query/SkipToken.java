package io.localpack.vmm.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.server.api.ODataApplicationException;

/**
 * A {@code $skiptoken} for keyset paging: where the previous page ended (the sort key values of its last row, the
 * entity key last) and how many rows were served so far (for {@code $top}). The next page is read with
 * {@code WHERE (sort keys) > (those values)}, so page 1000 costs what page 1 costs.
 *
 * <p>The token is opaque to clients: base64url JSON, then a digest of that JSON together with the query it belongs to
 * (entity set, {@code $filter}, {@code $orderby}). A token that was altered, or replayed with another filter or
 * order, is refused with 400 instead of silently serving rows from a wrong position. It is not a secret (tenancy is
 * enforced by the query itself), so a digest is enough and every instance sharing a database accepts the others'.
 */
public final class SkipToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Rows served before this page (after {@code $skip}) and the sort key values of the last of them. */
    public record Position(int served, List<Object> after) {
    }

    private SkipToken() {
    }

    public static String encode(Position position, String query) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("n", position.served());
        ArrayNode keys = payload.putArray("k");
        for (Object value : position.after()) {
            if (value == null) {
                keys.addNull();
            } else {
                keys.add(value instanceof Enum<?> constant ? constant.name() : value.toString());
            }
        }
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + digest(body, query);
    }

    /**
     * @param keyTypes the Java types of the query's sort keys, in order (the entity key last)
     * @throws ODataApplicationException 400 for anything this query did not issue
     */
    public static Position decode(String token, String query, List<Class<?>> keyTypes)
            throws ODataApplicationException {
        int dot = token.lastIndexOf('.');
        if (dot < 0 || !MessageDigest.isEqual(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                digest(token.substring(0, dot), query).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid(token, "it was not issued for this query");
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            JsonNode keys = payload.path("k");
            int served = payload.path("n").asInt(-1);
            if (served < 0 || !keys.isArray() || keys.size() != keyTypes.size()) {
                throw invalid(token, "its content does not fit this query");
            }
            List<Object> after = new ArrayList<>();
            for (int i = 0; i < keyTypes.size(); i++) {
                after.add(keys.get(i).isNull() ? null : parse(keys.get(i).asText(), keyTypes.get(i)));
            }
            return new Position(served, after);
        } catch (java.io.IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid(token, "it cannot be read");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == Integer.class || type == int.class) {
            return Integer.valueOf(text);
        } else if (type == Long.class || type == long.class) {
            return Long.valueOf(text);
        } else if (type == Short.class || type == short.class) {
            return Short.valueOf(text);
        } else if (type == Boolean.class || type == boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == Double.class || type == double.class) {
            return Double.valueOf(text);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(text);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalArgumentException("no skip token form for " + type);
    }

    private static String digest(String body, String query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ODataApplicationException invalid(String token, String why) {
        String shown = token.length() > 80 ? token.substring(0, 80) + "…" : token;
        return QueryErrors.badRequest("Invalid $skiptoken '" + shown + "': " + why);
    }
}
