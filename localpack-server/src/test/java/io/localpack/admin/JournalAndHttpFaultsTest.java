package io.localpack.admin;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The request journal and HTTP fault rules through HTTP. Own context: a small journal (50 entries, 64 body bytes)
 * and rules that must not disturb other test classes.
 */
@TestPropertySource(properties = {"localpack.journal.capacity=50", "localpack.journal.max-body-bytes=64"})
class JournalAndHttpFaultsTest extends HttpTestSupport {

    private static final String ASM_VERSION = "2015-04-01";

    @BeforeEach
    void emptyJournalNoRules() {
        send("DELETE", base + "/_localpack/http-faults", null);
        send("DELETE", base + "/_localpack/journal", null);
    }

    // ---- journal ----------------------------------------------------------------------------------------------

    @Test
    void recordsWhatAClientSentAndGot() {
        String id = createGateway("Journaled gateway");
        Response stop = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP) + "?RunAsynchronously=1",
                "{\"Operation\":\"Stop\"}", "x-ms-principal-id", "[tenant@fabrikam.com]");

        JsonNode entry = journal("method=PUT").get(0);

        assertThat(entry.get("method").asText()).isEqualTo("PUT");
        assertThat(entry.get("path").asText()).endsWith("/services/systemcenter/vmm/" + serviceKey(id, WEST_STAMP));
        assertThat(entry.get("query").asText()).isEqualTo("RunAsynchronously=1");
        assertThat(entry.get("subscription").asText()).isEqualTo(FABRIKAM);
        assertThat(entry.get("principal").asText()).isEqualTo("tenant@fabrikam.com");
        assertThat(entry.get("status").asInt()).isEqualTo(204);
        assertThat(entry.get("jobId").asText()).isEqualTo(stop.header("x-ms-request-id"));
        assertThat(entry.get("requestBody").asText()).isEqualTo("{\"Operation\":\"Stop\"}");
        assertThat(entry.get("durationMillis").asLong()).isNotNegative();
        assertThat(journal("path=/_localpack")).isEmpty(); // the control plane itself is not journaled
    }

    @Test
    void staysWithinItsCapUnderABurst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            calls.add(pool.submit(() -> get(vmm(CONTOSO) + "/Clouds")));
        }
        for (Future<?> call : calls) {
            call.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        String big = "{\"Description\":\"" + "x".repeat(500) + "\"}";
        send("PUT", vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), big);

        JsonNode answer = get(base + "/_localpack/journal").json();

        assertThat(answer.get("capacity").asInt()).isEqualTo(50);
        assertThat(answer.get("size").asInt()).isEqualTo(50);
        JsonNode newest = answer.get("entries").get(0);
        assertThat(newest.get("method").asText()).isEqualTo("PUT");
        assertThat(newest.get("requestBody").asText()).hasSizeLessThanOrEqualTo(64);
        assertThat(newest.get("requestBodyTruncated").asBoolean()).isTrue();
        long newestSequence = newest.get("sequence").asLong();
        answer.get("entries").forEach(e -> assertThat(e.get("sequence").asLong()).isGreaterThan(newestSequence - 50));
    }

    @Test
    void secretsInBodiesAreRedacted() {
        String body = "{\"UserName\":\"admin\",\"Password\":\"hunter2-marker\",\"SkipLastFailedStep\":false}";
        send("PUT", vmm(FABRIKAM) + "/Jobs(ID=guid'" + java.util.UUID.randomUUID() + "',StampId=guid'" + WEST_STAMP
                + "')", body);

        JsonNode entry = journal("path=/Jobs").get(0);

        assertThat(entry.toString()).doesNotContain("hunter2");
        assertThat(entry.get("requestBody").asText()).contains("\"Password\":\"***\"");
    }

    @Test
    void queriesBySubscriptionPathMethodStatusAndTime() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        get(vmm(FABRIKAM) + "/Clouds");
        get(vmm(CONTOSO) + "/Services");
        get(vmm(CONTOSO) + "/Services(ID=guid'" + java.util.UUID.randomUUID() + "',StampId=guid'" + WEST_STAMP + "')");

        assertThat(journal("subscription=" + CONTOSO)).hasSize(2);
        assertThat(journal("path=/Clouds")).hasSize(1);
        assertThat(journal("status=4xx")).hasSize(1);
        assertThat(journal("status=404").get(0).get("subscription").asText()).isEqualTo(CONTOSO);
        assertThat(journal("method=DELETE")).isEmpty();
        assertThat(journal("since=" + before.toInstant())).hasSize(3);
        assertThat(journal("until=" + before.toInstant())).isEmpty();
        assertThat(journal("limit=1")).hasSize(1);

        Response cleared = send("DELETE", base + "/_localpack/journal", null);
        assertThat(cleared.json().get("removed").asInt()).isEqualTo(3);
        assertThat(journal("")).isEmpty();
    }

    @Test
    void badJournalQueriesAreRefused() {
        assertAdminError(get(base + "/_localpack/journal?status=4x"), 400, "status");
        assertAdminError(get(base + "/_localpack/journal?since=yesterday"), 400, "ISO-8601");
        assertAdminError(get(base + "/_localpack/journal?limit=0"), 400, "limit");
        assertAdminError(get(base + "/_localpack/journal?limit=many"), 400, "limit");
    }

    // ---- HTTP faults ------------------------------------------------------------------------------------------

    @Test
    void aStatusRuleAnswersInEachApisOwnFormat() {
        addRule("{\"path\":\"/*/services/systemcenter/vmm/Clouds*\",\"status\":503}");
        addRule("{\"path\":\"/*/services/hostedservices*\",\"status\":503,\"method\":\"GET\"}");

        Response v4 = get(vmm(FABRIKAM) + "/Clouds");
        Response v3 = sendNamingNoVersion("GET", vmm(FABRIKAM) + "/Clouds", null, v3("Accept", "application/json"));
        Response asm = get(base + "/" + FABRIKAM + "/services/hostedservices", "x-ms-version", ASM_VERSION);

        assertThat(v4.status()).isEqualTo(503);
        assertThat(v4.json().get("error").get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(v3.status()).isEqualTo(503);
        assertThat(v3.json().get("odata.error").get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(asm.status()).isEqualTo(503);
        assertThat(asm.body()).contains("<Code>ServerBusy</Code>").contains("http://schemas.microsoft.com/windowsazure");
        assertThat(get(vmm(FABRIKAM) + "/Services").status()).isEqualTo(200); // not matched
        assertThat(journal("status=503")).hasSize(3);
    }

    @Test
    void aSeededProbabilisticRuleFailsTheSameRequestsOnEveryRun() {
        String rule = "{\"path\":\"/*/services/systemcenter/vmm/Clouds\",\"status\":500,\"probability\":0.5,"
                + "\"seed\":4711}";
        List<Integer> firstRun = failingRequests(rule);
        List<Integer> secondRun = failingRequests(rule);

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun).isNotEmpty().hasSizeLessThan(30);
    }

    @Test
    void rulesMatchMethodAndSubscriptionAndStopAfterTimes() {
        addRule("{\"path\":\"/*\",\"method\":\"GET\",\"subscription\":\"" + CONTOSO + "\",\"status\":500,\"times\":2}");

        assertThat(get(vmm(FABRIKAM) + "/Clouds").status()).isEqualTo(200);
        assertThat(get(vmm(CONTOSO) + "/Clouds").status()).isEqualTo(500);
        assertThat(get(vmm(CONTOSO) + "/Clouds").status()).isEqualTo(500);
        assertThat(get(vmm(CONTOSO) + "/Clouds").status()).isEqualTo(200);
        JsonNode listed = get(base + "/_localpack/http-faults").json().get(0);
        assertThat(listed.get("fired").asInt()).isEqualTo(2);
        assertThat(listed.get("times").asInt()).isZero();
    }

    @Test
    void aLatencyRuleDelaysTheAnswer() {
        addRule("{\"path\":\"/*/Clouds\",\"delayMs\":300}");

        Response slow = get(vmm(FABRIKAM) + "/Clouds");

        assertThat(slow.status()).isEqualTo(200);
        assertThat(journal("path=/Clouds").get(0).get("durationMillis").asLong()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aDropRuleClosesTheConnectionWithoutAnAnswer() {
        addRule("{\"path\":\"/*/Clouds\",\"drop\":true}");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(vmm(FABRIKAM) + "/Clouds")).build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        JsonNode entry = journal("path=/Clouds").get(0);
        assertThat(entry.has("status")).isFalse();
        assertThat(entry.get("connectionDropped").asBoolean()).isTrue();
    }

    @Test
    void rulesAreListedAndRemovedById() {
        String id = addRule("{\"path\":\"/*/Clouds\",\"status\":503}").get("id").asText();
        assertThat(get(base + "/_localpack/http-faults/" + id).json().get("path").asText()).isEqualTo("/*/Clouds");
        assertThat(get(vmm(FABRIKAM) + "/Clouds").status()).isEqualTo(503);

        assertThat(send("DELETE", base + "/_localpack/http-faults/" + id, null).status()).isEqualTo(204);

        assertThat(get(vmm(FABRIKAM) + "/Clouds").status()).isEqualTo(200);
        assertThat(get(base + "/_localpack/http-faults").json()).isEmpty();
        assertAdminError(send("DELETE", base + "/_localpack/http-faults/" + id, null), 404, id);
        assertAdminError(get(base + "/_localpack/http-faults/not-a-guid"), 400, "GUID");
    }

    @Test
    void badRulesAreRefusedAndNothingIsAdded() {
        String faults = base + "/_localpack/http-faults";
        assertAdminError(send("POST", faults, "{\"status\":503}"), 400, "path is required");
        assertAdminError(send("POST", faults, "{\"path\":\"/_localpack/*\",\"status\":503}"), 400, "path");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\"}"), 400, "an effect");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":200}"), 400, "400 to 599");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":503,\"drop\":true}"), 400, "not both");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"drop\":\"yes\"}"), 400, "true or false");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":503,\"probability\":2}"), 400, "0 to 1");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":503,\"method\":\"FETCH\"}"), 400, "method");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":503,\"subscription\":\"x\"}"), 400, "GUID");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"delayMs\":-1}"), 400, "delayMs");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"delayMs\":10,\"message\":\"m\"}"), 400, "with status");
        assertAdminError(send("POST", faults, "{\"path\":\"/*\",\"status\":503,\"colour\":1}"), 400, "colour");
        assertAdminError(send("POST", faults, "{\"path\":"), 400, "not valid JSON");
        assertAdminError(send("POST", faults, "path=/*", "Content-Type", "text/plain"), 415, "application/json");

        assertThat(get(faults).json()).isEmpty();
    }

    private List<Integer> failingRequests(String rule) {
        String id = addRule(rule).get("id").asText();
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (get(vmm(FABRIKAM) + "/Clouds").status() == 500) {
                failing.add(i);
            }
        }
        send("DELETE", base + "/_localpack/http-faults/" + id, null);
        return failing;
    }

    private JsonNode addRule(String json) {
        Response added = send("POST", base + "/_localpack/http-faults", json);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json();
    }

    private List<JsonNode> journal(String query) {
        Response r = get(base + "/_localpack/journal?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        r.json().get("entries").forEach(entries::add);
        return entries;
    }

    private static void assertAdminError(Response response, int status, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").get("message").asText()).contains(messagePart);
    }
}
