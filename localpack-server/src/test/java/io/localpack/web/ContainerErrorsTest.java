package io.localpack.web;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * URLs as real clients send them (raw braces, bars and quotes) and the errors the container itself raises, each
 * answered in the API's own format: never Tomcat's HTML, never Spring's default error JSON.
 */
class ContainerErrorsTest extends HttpTestSupport {

    /** Sends bytes as they are, which java.net.http would refuse to; answers the whole raw response. */
    private String raw(String requestLineAndHeaders) throws IOException {
        return raw(requestLineAndHeaders, "");
    }

    private String raw(String requestLineAndHeaders, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String vmmPath() {
        return "/" + FABRIKAM + "/services/systemcenter/vmm";
    }

    @Test
    void rawBracesQuotesAndBarsInKeysAndQueriesAreAccepted() throws IOException {
        String answer = raw("GET " + vmmPath() + "/Services?$filter=Name eq '{x}|\"y\"'&$top=1 HTTP/1.1\r\n"
                .replace(" eq ", "%20eq%20") + "Accept: application/json\r\nDataServiceVersion: 3.0\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        String key = raw("GET " + vmmPath() + "/Clouds(guid'{00000000-0000-0000-0000-000000000000}') HTTP/1.1\r\n"
                + "Accept: application/json\r\nDataServiceVersion: 3.0\r\n");
        assertThat(key).doesNotContain("<html").contains("odata.error");
    }

    @Test
    void aHeaderTheFirewallRefusesIsA400InTheApisFormatAndChangesNothing() throws IOException {
        // U+0085 (a control character) passes Tomcat as obs-text; Spring Security's firewall refuses it in any header
        List<String> before = databaseSnapshot();
        String stop = raw("PUT " + vmmPath() + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP).replace("'", "%27")
                + " HTTP/1.1\r\nAccept: application/json\r\nContent-Type: application/json\r\nX-Note: a\u0085secret\r\n"
                + "Content-Length: 20\r\n", "{\"Operation\":\"Stop\"}");
        assertThat(stop).startsWith("HTTP/1.1 400").contains("\"odata.error\"").contains("BadRequest")
                .contains("x-note").doesNotContain("secret"); // the header named, its value not repeated
        assertThat(databaseSnapshot()).isEqualTo(before);
        String accept = raw("GET " + vmmPath() + "/Clouds HTTP/1.1\r\nAccept: application/json\u0085\r\n");
        assertThat(accept).startsWith("HTTP/1.1 400").contains("\"odata.error\"");
        String asm = raw("GET /" + FABRIKAM + "/services/hostedservices HTTP/1.1\r\nx-ms-version: 2015-04-01\r\n"
                + "X-Note: a\u0085b\r\n");
        assertThat(asm).startsWith("HTTP/1.1 400").contains("<Error").contains("<Code>BadRequest</Code>");
        // what the firewall allows still passes: a tab in a value, a Latin-1 letter
        String allowed = raw("GET " + vmmPath() + "/Clouds HTTP/1.1\r\nAccept: application/json\r\n"
                + "DataServiceVersion: 3.0\r\nX-Note: a\tcaf\u00e9\r\n");
        assertThat(allowed).startsWith("HTTP/1.1 200");
    }

    @Test
    void whatTomcatStillRefusesIsAnErrorInTheApisFormat() throws IOException {
        String vmm = raw("GET " + vmmPath() + "/Services?$filter=a\u0001b HTTP/1.1\r\nAccept: application/json\r\n"
                + "DataServiceVersion: 3.0\r\n");
        // a request line Tomcat cannot read has no path to tell its API: the Service Management format, as any path
        // of no API (ApiErrors)
        assertThat(vmm).startsWith("HTTP/1.1 400").doesNotContain("<html").contains("<Error")
                .contains("<Code>BadRequest</Code>");
        String tooLarge = raw("GET " + vmmPath() + "/Services HTTP/1.1\r\nAccept: application/json\r\n"
                + "DataServiceVersion: 3.0\r\nX-Big: " + "x".repeat(40_000) + "\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 400").doesNotContain("<html").contains("\"odata.error\"")
                .contains("DataServiceVersion: 3.0;");
        String asmTooLarge = raw("GET /" + FABRIKAM + "/services/hostedservices HTTP/1.1\r\nX-Big: "
                + "x".repeat(40_000) + "\r\n");
        assertThat(asmTooLarge).startsWith("HTTP/1.1 400").doesNotContain("<html").contains("<Error");
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheApisFormat() {
        Response unknown = sendNamingNoVersion("GET", base + "/" + FABRIKAM + "/services/nothing-here", null,
                "Accept", "application/json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("<Error").contains("<Code>").doesNotContain("timestamp");
        Response unknownXml = sendNamingNoVersion("GET", base + "/" + FABRIKAM + "/services/nothing-here", null,
                "Accept", "application/xml");
        assertThat(unknownXml.status()).isEqualTo(404);
        assertThat(unknownXml.body()).contains("<Error");

        Response controlPlane = sendNamingNoVersion("GET", base + "/_localpack/nothing-here", null);
        assertThat(controlPlane.status()).isEqualTo(404);
        assertThat(controlPlane.json().get("error").get("code").asText()).isEqualTo("NotFound");

        Response badMethod = send("PATCH", base + "/_localpack/reset", "{}");
        assertThat(badMethod.status()).isEqualTo(405);
        assertThat(badMethod.json().get("error").get("code").asText()).isEqualTo("MethodNotAllowed");
        Response asmBadMethod = sendNamingNoVersion("PATCH", base + "/" + FABRIKAM + "/services/hostedservices",
                "<x/>", "Content-Type", "application/xml", "x-ms-version", "2014-06-01");
        assertThat(asmBadMethod.status()).isBetween(400, 499); // ASM judges the request before the method
        assertThat(asmBadMethod.body()).contains("<Error").doesNotContain("timestamp");
    }
}
