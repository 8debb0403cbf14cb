package io.localpack.dialect;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accept with quality values through HTTP: which format each dialect answers in, and when it is 406. */
class ContentNegotiationTest extends HttpTestSupport {

    private static final String ISSUE_CLIENT =
            "application/atomsvc+xml;q=0.8, application/json;odata=verbose;q=0.5, */*;q=0.1";

    @ParameterizedTest(name = "V3 {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            application/atomsvc+xml;q=0.8, application/json;odata=verbose;q=0.5, */*;q=0.1 | application/json;odata=verbose
            application/json;q=0.1, application/atom+xml                               | application/atom+xml
            application/json;odata=minimalmetadata;q=0, application/json;odata=verbose | application/json;odata=verbose
            application/atom+xml;q=0.5, application/json;odata=fullmetadata;q=0.6      | application/json;odata=fullmetadata
            application/json;q=0, */*                                                   | application/atom+xml
            text/html, application/xml;q=0.9, */*;q=0.8                                | application/atom+xml
            """)
    void aV3EntitySetIsWrittenInTheFormatWithTheHighestQuality(String accept, String contentType) {
        Response response = get(vmm(FABRIKAM) + "/Services?$top=1", v3("Accept", accept));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(contentType);
        boolean jsonLight = contentType.startsWith("application/json") && !contentType.contains("verbose");
        assertThat(response.header("DataServiceVersion")).isEqualTo(jsonLight ? "3.0;" : "1.0;");
    }

    @ParameterizedTest(name = "V4 {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            application/json;odata.metadata=none;q=0.2, application/json;odata.metadata=full;q=0.8 | odata.metadata=full
            application/json;odata.metadata=full;q=0.1, application/json;odata.metadata=none       | odata.metadata=none
            application/json;odata.metadata=minimal;q=0, application/json;odata.metadata=none;q=0.3 | odata.metadata=none
            text/html;q=0.9, application/json;q=0.1                                                 | odata.metadata=minimal
            """)
    void aV4EntitySetIsWrittenInTheFormatWithTheHighestQuality(String accept, String metadataLevel) {
        Response response = get(vmm(FABRIKAM) + "/Services?$top=1", "Accept", accept);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type").replace(" ", "")).contains(metadataLevel);
        assertThat(response.header("OData-Version")).isEqualTo("4.0");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /Services?$top=1 | text/html, text/plain
            /Services?$top=1 | */*;q=0
            /Services/$count | text/plain;q=0, application/json
            /Services/$count | text/*;q=0
            /$metadata       | application/xml;q=0, */*;q=0
            """)
    void nothingAcceptableIs406InTheDialectsErrorFormat(String path, String accept) {
        Response v3 = get(vmm(FABRIKAM) + path, v3("Accept", accept));
        assertThat(v3.status()).as(v3.body()).isEqualTo(406);
        assertThat(v3.header("DataServiceVersion")).isEqualTo("3.0;");
        assertThat(v3.json().get("odata.error").get("code").asText()).isEqualTo("NotAcceptable");

        Response v4 = get(vmm(FABRIKAM) + path, "Accept", accept);
        assertThat(v4.status()).as(v4.body()).isEqualTo(406);
        assertThat(v4.header("OData-Version")).isEqualTo("4.0");
        assertThat(v4.json().get("error").get("code").asText()).isEqualTo("NotAcceptable");
    }

    @Test
    void resourcesWithOneRepresentationAnswerInItUnlessItIsRefused() {
        for (String accept : new String[] {"application/json", ISSUE_CLIENT, "text/plain;q=0.1, application/json"}) {
            Response v3 = get(vmm(FABRIKAM) + "/Services/$count", v3("Accept", accept));
            assertThat(v3.status()).as(accept).isEqualTo(200);
            assertThat(v3.header("Content-Type")).startsWith("text/plain");
            Response v4 = get(vmm(FABRIKAM) + "/Services/$count", "Accept", accept);
            assertThat(v4.status()).as(accept).isEqualTo(200);
            assertThat(v4.header("Content-Type")).startsWith("text/plain");
            Response metadata = get(vmm(FABRIKAM) + "/$metadata", v3("Accept", accept));
            assertThat(metadata.status()).as(accept).isEqualTo(200);
            assertThat(metadata.header("Content-Type")).startsWith("application/xml");
        }
    }

    @Test
    void errorsFollowTheNegotiatedFormat() {
        String missing = vmm(FABRIKAM) + "/" + serviceKey("0badc0de-0000-4000-8000-000000000000", WEST_STAMP);
        Response atom = get(missing, v3("Accept", "application/json;q=0.1, application/atom+xml;q=0.9"));
        assertThat(atom.status()).isEqualTo(404);
        assertThat(atom.body()).contains("<m:error");
        Response verbose = get(missing, v3("Accept", ISSUE_CLIENT));
        assertThat(verbose.status()).isEqualTo(404);
        assertThat(verbose.json().get("error").get("code").asText()).isNotBlank();
    }

    @Test
    void aRequestNeedingMoreThanTheClientsMaximumIsWcfsError() {
        Response response = sendNamingNoVersion("GET", vmm(FABRIKAM) + "/Services?$inlinecount=allpages", null,
                "Accept", "application/json", "MaxDataServiceVersion", "1.0;NetFx");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("DataServiceVersion")).isEqualTo("1.0;");
        assertThat(response.json().get("error").get("code").asText()).isEmpty();
        assertThat(response.json().get("error").get("message").get("value").asText()).isEqualTo("The response "
                + "requires that version 2.0 of the protocol be used, but the MaxDataServiceVersion header value in "
                + "the request is set to 1.0.");
        Response anyAgainstV2 = sendNamingNoVersion("GET", vmm(FABRIKAM)
                + "/Services?$filter=Tiers/any(t:t/Name eq 'x')", null, "MaxDataServiceVersion", "2.0");
        assertThat(anyAgainstV2.status()).isEqualTo(400);
        assertThat(anyAgainstV2.body()).contains("version 3.0").contains("set to 2.0");
    }
}
