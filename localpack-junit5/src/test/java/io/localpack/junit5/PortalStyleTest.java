package io.localpack.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.client.JournalEntry;
import io.localpack.client.LocalPackClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What a tenant portal's test does with the extension: one annotation, then plain HTTP against the tenant's VMM. */
@LocalPackTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalStyleTest {

    private static final String SUBSCRIPTION = LocalPackClient.FABRIKAM_DEV;
    private static final String GATEWAY_KEY =
            "ID=guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3',StampId=guid'56ebc6dc-f63c-46e2-8438-2967e0ad83bc'";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void createsAServiceAndFollowsItsJobLikeAPortal(LocalPackClient localPack) throws Exception {
        int before = serviceCount(localPack);
        HttpResponse<String> created = send(localPack, "POST", "Services?RunAsynchronously=1", """
                {"StampId":"56ebc6dc-f63c-46e2-8438-2967e0ad83bc","CloudId":"d1f15abc-672d-464b-b3bc-376d2087bb8e",
                 "ServiceTemplateId":"20a730c8-228a-4d6a-9a8f-6506b21236a9",
                 "NewServiceDeployment":{"ServiceConfiguration":{"Name":"Portal Test Gateway","ServiceSettings":[
                   {"Name":"External","Value":"af6a7248-9d48-4149-917c-a6239e502a39"},
                   {"Name":"Infrastructure","Value":"c94721a2-b175-42bc-9ea2-65341cb789c2"}]}}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String jobId = created.headers().firstValue("x-ms-request-id").orElseThrow();

        // Poll the job the way Azure PowerShell does, until IsCompleted.
        JsonNode job = null;
        for (int i = 0; i < 100 && (job == null || !job.path("IsCompleted").asBoolean()); i++) {
            job = json(send(localPack, "GET", "Jobs?$filter=" + encode("ID eq guid'" + jobId + "'"), null))
                    .path("value").path(0);
            Thread.sleep(50);
        }
        assertThat(job.path("Status").asText()).isEqualTo("Completed");
        assertThat(serviceCount(localPack)).isEqualTo(before + 1);

        List<JournalEntry> posts = localPack.journal().find(Map.of("method", "POST", "path", "/Services"));
        assertThat(posts).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(201);
            assertThat(entry.subscription()).isEqualTo(SUBSCRIPTION);
            assertThat(entry.jobId()).isEqualTo(jobId);
        });
    }

    @Test
    @Order(2)
    void startsFromTheFixturesAgainAndFailsAStopOnAFaultRule(LocalPackClient localPack) throws Exception {
        assertThat(localPack.journal().entries()).as("the reset before this test emptied the journal").isEmpty();
        assertThat(names(localPack)).doesNotContain("Portal Test Gateway");

        localPack.faults().add("""
                {"operation":"vmm.service.stop","errorCode":20413,"message":"The service could not be stopped."}""");
        HttpResponse<String> stop = send(localPack, "PUT", "Services(" + GATEWAY_KEY + ")", "{\"Operation\":\"Stop\"}");

        assertThat(stop.statusCode()).isBetween(400, 599);
        assertThat(stop.body()).contains("20413");
        assertThat(json(send(localPack, "GET", "Services(" + GATEWAY_KEY + ")", null)).path("Status").asText())
                .as("a stop that failed leaves the service as it was").isNotEqualTo("Stopped");
    }

    @Test
    @Order(3)
    void snapshotAndRestore(LocalPackClient localPack) throws Exception {
        localPack.snapshot("before-edit");
        assertThat(send(localPack, "MERGE", "Services(" + GATEWAY_KEY + ")", "{\"Description\":\"Edited by a test\"}")
                .statusCode()).isEqualTo(204);
        assertThat(description(localPack)).isEqualTo("Edited by a test");

        localPack.restore("before-edit");
        assertThat(description(localPack)).isNotEqualTo("Edited by a test");
    }

    private String description(LocalPackClient localPack) throws Exception {
        return json(send(localPack, "GET", "Services(" + GATEWAY_KEY + ")", null)).path("Description").asText();
    }

    private int serviceCount(LocalPackClient localPack) throws Exception {
        return Integer.parseInt(send(localPack, "GET", "Services/$count", null).body().trim());
    }

    private List<String> names(LocalPackClient localPack) throws Exception {
        return json(send(localPack, "GET", "Services?$select=Name", null)).path("value").findValuesAsText("Name");
    }

    private HttpResponse<String> send(LocalPackClient localPack, String method, String path, String body)
            throws Exception {
        URI uri = localPack.tenantEndpoint(SUBSCRIPTION).resolve(path.replace("$", "%24").replace("'", "%27"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("x-ms-principal-id", "tenant@fabrikam.com")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
