package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which OData version LocalPack answers in, judged from the request's headers and media types. */
class DialectChoiceTest extends HttpTestSupport {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("no version named: V3, as the real SPF", "V3", new String[] {"Accept", "application/json"}),
                Arguments.of("no headers at all", "V3", new String[] {}),
                Arguments.of("DataServiceVersion", "V3", new String[] {"DataServiceVersion", "3.0;NetFx"}),
                Arguments.of("MaxDataServiceVersion", "V3", new String[] {"MaxDataServiceVersion", "3.0"}),
                Arguments.of("V3 media type parameter", "V3",
                        new String[] {"Accept", "application/json;odata=minimalmetadata"}),
                Arguments.of("V3 verbose media type", "V3", new String[] {"Accept", "application/json;odata=verbose"}),
                Arguments.of("OData-Version", "V4", new String[] {"OData-Version", "4.0"}),
                Arguments.of("OData-MaxVersion", "V4", new String[] {"OData-MaxVersion", "4.0"}),
                Arguments.of("V4 media type parameter", "V4",
                        new String[] {"Accept", "application/json;odata.metadata=minimal"}),
                Arguments.of("V4 media type in $format", "V4", new String[] {"$format", "application/json;odata.metadata=minimal"}),
                Arguments.of("V4 and V3 headers: V4 wins", "V4",
                        new String[] {"DataServiceVersion", "3.0", "OData-MaxVersion", "4.0"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theResponseIsInTheDialectTheRequestNamesAndSaysWhich(String label, String expected, String[] headers) {
        String url = vmm(FABRIKAM) + "/Services?$top=1";
        String[] sent = headers;
        if (headers.length == 2 && headers[0].equals("$format")) {
            url += "&$format=" + headers[1].replace(";", "%3B").replace("=", "%3D");
            sent = new String[] {};
        }
        Response response = sendNamingNoVersion("GET", url, null, sent);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        if (expected.equals("V3")) {
            // the lowest version the body needs: JSON light 3.0, verbose JSON 1.0 (issue 23)
            assertThat(response.header("DataServiceVersion")).isEqualTo(label.contains("verbose") ? "1.0;" : "3.0;");
            assertThat(response.header("OData-Version")).isNull();
            assertThat(response.body()).doesNotContain("@odata.");
        } else {
            assertThat(response.header("OData-Version")).isEqualTo("4.0");
            assertThat(response.header("DataServiceVersion")).isNull();
            assertThat(response.json().has("@odata.context")).isTrue();
        }
    }

    @Test
    void errorsWrittenBeforeOlingoRunsSayTheirDialectToo() {
        Response v3 = sendNamingNoVersion("GET", vmm("00000000-0000-0000-0000-0000000000aa") + "/Services", null);
        assertThat(v3.status()).isEqualTo(404);
        assertThat(v3.header("DataServiceVersion")).isEqualTo("3.0;");
        Response v4 = send("GET", vmm("00000000-0000-0000-0000-0000000000aa") + "/Services", null);
        assertThat(v4.status()).isEqualTo(404);
        assertThat(v4.header("OData-Version")).isEqualTo("4.0");
        assertThat(v4.json().get("error").get("code").asText()).isEqualTo("SubscriptionNotFound");
    }
}
