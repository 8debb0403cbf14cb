package io.localpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every control-plane endpoint refuses in one shape, {"error":{"code","message","field"}}, naming what was wrong. */
class ControlPlaneErrorsTest extends HttpTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST | /_localpack/http-faults              | {\"path\":\"/*\",\"colour\":1}        | 400 | BadRequest           | colour",
            "POST | /_localpack/http-faults              | {\"path\":                           | 400 | BadRequest           | (body)",
            "GET  | /_localpack/http-faults/not-a-guid   |                                      | 400 | BadRequest           | id",
            "PUT  | /_localpack/timing/vmm.service.stop  | {\"mode\":\"sometimes\"}              | 400 | BadRequest           | mode",
            "GET  | /_localpack/timing/no.such.kind      |                                      | 404 | UnknownJobKind       | kind",
            "GET  | /_localpack/journal?limit=0          |                                      | 400 | BadRequest           | limit",
            "POST | /_localpack/tokens                   | {}                                   | 400 | BadRequest           | user",
            "POST | /_localpack/reset/not-a-guid         |                                      | 400 | BadRequest           | subscriptionId",
            "POST | /_localpack/fixtures/nope/load       |                                      | 404 | FixtureSetNotFound   | name",
            "POST | /_localpack/faults                   | [1]                                  | 400 | BadRequest           | (body)",
    })
    void refusalNamesTheField(String method, String path, String body, int status, String code, String field) {
        Response response = send(method, base + path, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("field").asText()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource({"/_localpack/http-faults", "/_localpack/faults", "/_localpack/tokens"})
    void wrongMediaTypeNamesContentType(String path) {
        Response response = send("POST", base + path, "x", "Content-Type", "text/plain");

        assertThat(response.status()).as(response.body()).isEqualTo(415);
        assertThat(response.json().get("error").get("field").asText()).isEqualTo("Content-Type");
    }
}
