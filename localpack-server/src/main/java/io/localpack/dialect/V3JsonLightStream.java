package io.localpack.dialect;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The JSON light rewrite of {@link V3JsonBodies} for minimal and no metadata, token by token instead of through a
 * tree: the formats most V3 clients read, and the bulk of a read's work when a page holds many entities (issue 20).
 * It writes exactly the bytes the tree rewrite writes; a body of another shape than Olingo's minimal-metadata
 * entity or collection (an error, no context first, an annotation out of Olingo's order) is left to the tree rewrite.
 */
final class V3JsonLightStream {

    private static final String V4_ANNOTATION = "@odata.";

    /** The V3 body, and whether it carries a next link (server paging is a V2 feature). */
    record Rewritten(byte[] body, boolean nextLink) {
    }

    /** Signals a body this rewrite does not take; the tree rewrite does. */
    private static final class OtherShape extends Exception {
        OtherShape() {
            super(null, null, false, false);
        }
    }

    private V3JsonLightStream() {
    }

    /**
     * @param nextLink turns Olingo's next link into the one the client gets
     * @return empty when the body is not a minimal-metadata entity or collection with its context first
     */
    static Optional<Rewritten> rewrite(JsonFactory json, byte[] v4, V3JsonFormat format,
            UnaryOperator<String> nextLink) throws IOException {
        if (format != V3JsonFormat.MINIMAL_METADATA && format != V3JsonFormat.NO_METADATA) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(v4.length);
        try (JsonParser in = json.createParser(v4);
             JsonGenerator gen = json.createGenerator(out, JsonEncoding.UTF8)) {
            expect(in.nextToken() == JsonToken.START_OBJECT);
            expect(in.nextToken() == JsonToken.FIELD_NAME && "@odata.context".equals(in.currentName()));
            expect(in.nextToken() == JsonToken.VALUE_STRING);
            String context = in.getText();
            gen.writeStartObject();
            if (format != V3JsonFormat.NO_METADATA) {
                gen.writeStringField("odata.metadata", V3JsonBodies.v3Context(context));
            }
            boolean hasNextLink = context.endsWith("/$entity") ? entityRest(in, gen) : collectionRest(in, gen, nextLink);
            gen.writeEndObject();
            expect(in.nextToken() == null);
            gen.flush();
            return Optional.of(new Rewritten(out.toByteArray(), hasNextLink));
        } catch (OtherShape e) {
            return Optional.empty();
        }
    }

    /** The fields of a collection after its context: count, value, next link, in that order as the tree writes. */
    private static boolean collectionRest(JsonParser in, JsonGenerator gen, UnaryOperator<String> nextLink)
            throws IOException, OtherShape {
        boolean value = false;
        boolean hasNextLink = false;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken token = in.nextToken();
            switch (name) {
                case "@odata.count" -> {
                    expect(!value && token.isScalarValue());
                    gen.writeStringField("odata.count", in.getText()); // WCF DS writes the count as a string
                }
                case "value" -> {
                    expect(!value && token == JsonToken.START_ARRAY);
                    value = true;
                    gen.writeFieldName("value");
                    gen.writeStartArray();
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        lightValue(in, gen);
                    }
                    gen.writeEndArray();
                }
                case "@odata.nextLink" -> {
                    expect(value && token == JsonToken.VALUE_STRING);
                    hasNextLink = true;
                    gen.writeStringField("odata.nextLink", nextLink.apply(in.getText()));
                }
                default -> in.skipChildren(); // the tree rewrite keeps nothing else of a collection
            }
        }
        expect(value && in.currentToken() == JsonToken.END_OBJECT);
        return hasNextLink;
    }

    /** The fields of one entity after its context. */
    private static boolean entityRest(JsonParser in, JsonGenerator gen) throws IOException, OtherShape {
        objectFields(in, gen);
        return false;
    }

    /** A value at the parser's current token, written as {@code V3JsonBodies.lightValue} writes it. */
    private static void lightValue(JsonParser in, JsonGenerator gen) throws IOException, OtherShape {
        switch (in.currentToken()) {
            case START_OBJECT -> {
                gen.writeStartObject();
                objectFields(in, gen);
                gen.writeEndObject();
            }
            case START_ARRAY -> {
                gen.writeStartArray();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    lightValue(in, gen);
                }
                gen.writeEndArray();
            }
            case VALUE_STRING -> gen.writeString(in.getText());
            case VALUE_NUMBER_INT -> {
                // as the tree holds them: int, long or big integer by size
                switch (in.getNumberType()) {
                    case INT -> gen.writeNumber(in.getIntValue());
                    case LONG -> gen.writeNumber(in.getLongValue());
                    default -> gen.writeNumber(in.getBigIntegerValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getDecimalValue()); // exact, as the tree's BigDecimal
            case VALUE_TRUE -> gen.writeBoolean(true);
            case VALUE_FALSE -> gen.writeBoolean(false);
            case VALUE_NULL -> gen.writeNull();
            default -> throw new OtherShape();
        }
    }

    /**
     * The fields of an object up to its end: annotations dropped but for the etag, a nested context skipped,
     * properties' values rewritten in turn.
     */
    private static void objectFields(JsonParser in, JsonGenerator gen) throws IOException, OtherShape {
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            in.nextToken();
            int annotation = name.indexOf(V4_ANNOTATION);
            if (annotation < 0) {
                gen.writeFieldName(name);
                lightValue(in, gen);
            } else if (annotation == 0 && name.equals("@odata.etag")) {
                expect(in.currentToken() == JsonToken.VALUE_STRING);
                gen.writeStringField("odata.etag", in.getText());
            } else {
                in.skipChildren();
            }
        }
        expect(in.currentToken() == JsonToken.END_OBJECT);
    }

    private static void expect(boolean condition) throws OtherShape {
        if (!condition) {
            throw new OtherShape();
        }
    }
}
