package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of bad requests: each gets its 4xx with an OData error body, and nothing changes in the database. */
class BadRequestTest extends HttpTestSupport {

    private static final String KEY = "Services(ID=guid'" + GATEWAY_SERVICE + "',StampId=guid'" + WEST_STAMP + "')";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed GUID in key", "GET", "Services(ID=guid'12345',StampId=guid'" + WEST_STAMP + "')", null, 400),
                bad("GUID with bad characters", "GET", "Services(ID=guid'zzzzzzzz-67f2-4e2a-b31e-52f9cd8462a3',StampId=guid'" + WEST_STAMP + "')", null, 400),
                bad("half a key", "GET", "Services(ID=guid'" + GATEWAY_SERVICE + "')", null, 400),
                bad("wrong key name", "GET", "Services(Id=guid'" + GATEWAY_SERVICE + "',StampId=guid'" + WEST_STAMP + "')", null, 400),
                bad("unknown entity set", "GET", "Nothing", null, 404),
                bad("wrong type for a string", "PUT", KEY, "{\"Name\":5}", 400),
                bad("wrong type for a boolean", "PUT", KEY, "{\"Enabled\":\"yes\"}", 400),
                bad("wrong type for a GUID", "POST", "Services", "{\"StampId\":\"not-a-guid\",\"CloudId\":\"" + FABRIKAM_CLOUD + "\"}", 400),
                bad("unknown property", "PUT", KEY, "{\"Bogus\":\"x\"}", 400),
                bad("unknown nested property", "PUT", KEY, "{\"Owner\":{\"Nickname\":\"x\"}}", 400),
                bad("malformed JSON", "PUT", KEY, "{\"Name\":", 400),
                bad("JSON that is not an object", "PUT", KEY, "[1,2]", 400),
                bad("empty body", "PATCH", KEY, "", 400),
                bad("unknown priority", "PATCH", KEY, "{\"ServicePriority\":\"Urgent\"}", 400),
                bad("empty name", "PATCH", KEY, "{\"Name\":\"  \"}", 400),
                bad("broken $filter", "GET", "Services?$filter=Name%20eq", null, 400),
                bad("$filter on unknown property", "GET", "Services?$filter=Bogus%20eq%201", null, 400),
                bad("$filter type mismatch", "GET", "Services?$filter=Name%20eq%205", null, 400),
                bad("$filter on a collection", "GET", "Services?$filter=ServiceSettings%20eq%20null", null, 400),
                bad("$filter not boolean", "GET", "Services?$filter=Name", null, 400),
                bad("unbalanced parentheses", "GET", "Services?$filter=(Name%20eq%20'x'", null, 400),
                bad("negative $top", "GET", "Services?$top=-1", null, 400),
                bad("absurd $top", "GET", "Services?$top=99999999999999", null, 400),
                bad("text $top", "GET", "Services?$top=many", null, 400),
                bad("negative $skip", "GET", "Services?$skip=-5", null, 400),
                bad("$orderby unknown property", "GET", "Services?$orderby=Bogus", null, 400),
                bad("bad $skiptoken", "GET", "Services?$skiptoken=abc", null, 400),
                bad("bad $inlinecount", "GET", "Services?$inlinecount=sometimes", null, 400),
                bad("PUT on a collection", "PUT", "Services", "{\"Name\":\"x\"}", 405),
                bad("DELETE on a collection", "DELETE", "Services", null, 405),
                bad("POST on an entity", "POST", KEY, "{\"Name\":\"x\"}", 405),
                bad("unsupported content type", "PUT", KEY, "Name=x", 415));
    }

    private static Arguments bad(String label, String method, String path, String body, int status) {
        return Arguments.of(label, method, path, body, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAnODataErrorAndChangesNothing(String label, String method, String path, String body, int status) {
        List<String> before = databaseSnapshot();
        String contentType = status == 415 ? "text/plain" : "application/json";
        Response response = body == null ? send(method, vmm(FABRIKAM) + "/" + path, null, "Accept", "application/json")
                : send(method, vmm(FABRIKAM) + "/" + path, body, "Accept", "application/json", "Content-Type", contentType);
        assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(status);
        assertThat(response.json().get("error").get("message").asText()).as(label).isNotBlank();
        assertThat(response.json().get("error").get("code").asText()).as(label).isNotBlank();
        assertThat(databaseSnapshot()).as(label).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrChunked() throws Exception {
        List<String> before = databaseSnapshot();
        String huge = "{\"Description\":\"" + "x".repeat(1_100_000) + "\"}";
        Response declared = send("PUT", vmm(FABRIKAM) + "/" + KEY, huge, "Accept", "application/json");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("error").get("code").asText()).isEqualTo("RequestEntityTooLarge");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(vmm(FABRIKAM) + "/" + KEY.replace("'", "%27")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(databaseSnapshot()).isEqualTo(before);
    }
}
