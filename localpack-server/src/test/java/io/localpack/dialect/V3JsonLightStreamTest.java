package io.localpack.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token-by-token JSON light rewrite writes exactly what the tree rewrite ({@link V3JsonBodies}) writes, and
 * leaves every other shape to it. {@code GoldenWireTest} checks the same over every entity set through HTTP; this
 * test pins the values Olingo's output holds only sometimes (numbers of every kind, nested and empty values).
 */
class V3JsonLightStreamTest {

    /** As {@link V3Response} reads and writes JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final String COLLECTION = """
            {"@odata.context":"http://h/vmm/$metadata#Services","@odata.count":"3","value":[
             {"@odata.etag":"W/\\"1\\"","@odata.id":"Services(ID=1)","ID":"a","Name@odata.type":"#String",
              "Name":"caf\\u00e9 \\"quoted\\" \\n","Int":7,"Long":9007199254740993,"Big":123456789012345678901234567890,
              "Float":1.50,"Exp":1E+2,"Neg":-0.0,"Flag":true,"Off":false,"None":null,"Empty":[],"EmptyObject":{},
              "Tags":["x","y"],"Nested":{"@odata.type":"#VMM.Setting","Key":"k","Deeper":[{"A":1},{"B":[2.25]}]},
              "Cloud@odata.navigationLink":"Services(ID=1)/Cloud"},
             {"ID":"b"}],
             "@odata.nextLink":"http://h/vmm/Services?$filter=x&$skiptoken=abc"}""";

    private static final String ENTITY = """
            {"@odata.context":"http://h/vmm/$metadata#Services(Name,ID)/$entity","@odata.etag":"W/\\"2\\"",
             "ID":"a","Name":"n","Tiers":[{"@odata.id":"T(1)","Name":"t"}],"Cloud":{"Name":"c"}}""";

    @ParameterizedTest
    @EnumSource(value = V3JsonFormat.class, names = {"MINIMAL_METADATA", "NO_METADATA"})
    void writesTheTreeRewritesBytes(V3JsonFormat format) throws IOException {
        for (String body : new String[] {COLLECTION, ENTITY}) {
            Optional<V3JsonLightStream.Rewritten> streamed = V3JsonLightStream.rewrite(JSON.getFactory(),
                    body.getBytes(StandardCharsets.UTF_8), format, link -> link);
            assertThat(streamed).as("taken by the stream rewrite").isPresent();
            byte[] tree = JSON.writeValueAsBytes(V3JsonBodies.toV3(JSON.readTree(body), format));
            assertThat(new String(streamed.get().body(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(tree, StandardCharsets.UTF_8));
            assertThat(streamed.get().nextLink()).isEqualTo(body == COLLECTION);
        }
    }

    @ParameterizedTest
    @EnumSource(value = V3JsonFormat.class, names = {"FULL_METADATA", "VERBOSE"})
    void leavesTheFormatsThatShowTypesAndLinksToTheTree(V3JsonFormat format) throws IOException {
        assertThat(stream(COLLECTION, format)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", // an error
        "{\"value\":[],\"@odata.context\":\"http://h/$metadata#Services\"}", // the context not first
        "{\"@odata.context\":\"http://h/$metadata#Services\",\"value\":[],\"@odata.count\":1}", // count after value
        "{\"@odata.context\":\"http://h/$metadata#Services\",\"@odata.nextLink\":\"n\",\"value\":[]}", // link first
        "{\"@odata.context\":\"http://h/$metadata#Services\"}", // a collection without value
        "[1,2]"})
    void leavesOtherShapesToTheTree(String body) throws IOException {
        assertThat(stream(body, V3JsonFormat.MINIMAL_METADATA)).isEmpty();
    }

    @Test
    void nextLinkIsTheClientsOne() throws IOException {
        String body = new String(stream(COLLECTION, V3JsonFormat.MINIMAL_METADATA).orElseThrow().body(),
                StandardCharsets.UTF_8);
        assertThat(body).endsWith(",\"odata.nextLink\":\"next:http://h/vmm/Services?$filter=x&$skiptoken=abc\"}");
    }

    private static Optional<V3JsonLightStream.Rewritten> stream(String body, V3JsonFormat format) throws IOException {
        return V3JsonLightStream.rewrite(JSON.getFactory(), body.getBytes(StandardCharsets.UTF_8), format,
                link -> link.startsWith("next:") ? link : "next:" + link);
    }
}
