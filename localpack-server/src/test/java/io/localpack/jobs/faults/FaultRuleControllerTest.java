package io.localpack.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.testsupport.LocalPackServerTest;
import io.localpack.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin endpoint through real HTTP (JDK client, so no Spring converter hides what goes over the wire). */
@LocalPackServerTest
class FaultRuleControllerTest {

    @LocalServerPort int port;
    @Autowired FaultRules faults;
    final ObjectMapper json = new ObjectMapper();

    // Before and after: the server is shared, and a rule left behind would fail other classes' jobs.
    @BeforeEach
    @AfterEach
    void clean() {
        faults.clear();
    }

    HttpResponse<String> send(String method, String path, String body) {
        return TestHttp.send(method, "http://localhost:" + port + path, body,
                body == null ? List.of() : List.of("Content-Type", "application/json"));
    }

    @Test
    void addListRemoveAndClear() throws Exception {
        HttpResponse<String> created = send("POST", "/_localpack/faults", """
                {"operation":"vmm.service.stop","targetObjectId":"8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3",
                 "errorCode":20413,"errorName":"VmStopFailed","message":"Stop failed on purpose",
                 "recommendedAction":"Try again","times":"always","atStep":1,"httpStatus":503}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode rule = json.readTree(created.body());
        assertThat(rule.get("operation").asText()).isEqualTo("vmm.service.stop");
        assertThat(rule.get("times").asText()).isEqualTo("always");
        assertThat(rule.get("atStep").asInt()).isEqualTo(1);
        assertThat(rule.get("httpStatus").asInt()).isEqualTo(503);
        assertThat(faults.list()).singleElement().satisfies(r -> {
            assertThat(r.errorCode()).isEqualTo(20413);
            assertThat(r.remaining()).isNull();
        });

        HttpResponse<String> second = send("POST", "/_localpack/faults",
                "{\"operation\":\"asm.*\",\"errorCode\":1,\"message\":\"x\"}");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json.readTree(second.body()).get("times").asInt()).isEqualTo(1);

        HttpResponse<String> list = send("GET", "/_localpack/faults", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.readTree(list.body())).hasSize(2);

        assertThat(send("DELETE", "/_localpack/faults/" + rule.get("id").asText(), null).statusCode()).isEqualTo(204);
        assertThat(faults.list()).hasSize(1);
        assertThat(send("DELETE", "/_localpack/faults/" + rule.get("id").asText(), null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/_localpack/faults", null).statusCode()).isEqualTo(204);
        assertThat(faults.list()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"errorCode\":1,\"message\":\"m\"}                                     | operation",
            "{\"operation\":\"\",\"errorCode\":1,\"message\":\"m\"}                  | operation",
            "{\"operation\":\"a b\",\"errorCode\":1,\"message\":\"m\"}               | operation",
            "{\"operation\":\"x\",\"message\":\"m\"}                                 | errorCode",
            "{\"operation\":\"x\",\"errorCode\":\"12\",\"message\":\"m\"}            | errorCode",
            "{\"operation\":\"x\",\"errorCode\":-1,\"message\":\"m\"}                | errorCode",
            "{\"operation\":\"x\",\"errorCode\":1}                                   | message",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":7}                     | message",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"targetObjectId\":\"nope\"} | targetObjectId",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"templateId\":\"nope\"}     | templateId",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"times\":\"twice\"}         | times",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"times\":0}                 | times",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"httpStatus\":200}          | httpStatus",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"atStep\":-2}               | atStep",
            "{\"operation\":\"x\",\"errorCode\":1,\"message\":\"m\",\"colour\":\"red\"}          | colour",
            "[1,2]                                                                   | (body)",
            "{not json                                                               | (body)",
    })
    void badRuleIs400NamingTheFieldAndStoresNothing(String body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/_localpack/faults", body);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).get("error");
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void badIdOnDeleteIs400() throws Exception {
        HttpResponse<String> response = send("DELETE", "/_localpack/faults/not-a-guid", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").get("field").asText()).isEqualTo("id");
    }

    @Test
    void nonJsonBodyIs415() throws Exception {
        HttpResponse<String> response = TestHttp.send("POST", "http://localhost:" + port + "/_localpack/faults", "x",
                List.of("Content-Type", "text/plain"));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(faults.list()).isEmpty();
    }
}
