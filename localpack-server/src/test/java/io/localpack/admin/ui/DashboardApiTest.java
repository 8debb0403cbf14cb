package io.localpack.admin.ui;

import static io.localpack.testsupport.Fixtures.ASM_SERVICE;
import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's JSON and event stream without a browser (shared server, auth mode none): lists filtered and paged
 * in the database, a resource's page as the API returns it, tenant isolation, the journal's details and filters,
 * controls' refusals in the API's words with nothing changed, snapshots, and the event stream's edges (opens at once,
 * ends when the server closes it).
 */
class DashboardApiTest extends HttpTestSupport {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @Autowired
    private DashboardEvents events;

    @AfterEach
    void leaveFabrikamAsFound() {
        assertThat(send("POST", base + "/_localpack/reset/" + FABRIKAM, null).status()).isEqualTo(200);
    }

    @Test
    void listsFilterAndPageInTheDatabase() {
        JsonNode fabrikam = ui("/resources/services?subscription=" + FABRIKAM).json();
        assertThat(fabrikam.path("rows")).isNotEmpty();
        fabrikam.path("rows").forEach(r -> assertThat(r.path("subscription").asText()).isEqualTo(FABRIKAM));
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM services WHERE subscription_id = ?", Integer.class,
                FABRIKAM_ID());
        assertThat(fabrikam.path("rows")).hasSize(count);
        List<String> names = names(fabrikam);
        assertThat(names).isSorted();

        JsonNode byName = ui("/resources/services?subscription=" + FABRIKAM + "&q=GATEWAY").json();
        assertThat(names(byName)).isNotEmpty().allSatisfy(n -> assertThat(n.toLowerCase()).contains("gateway"));
        assertThat(ui("/resources/services?q=%25").json().path("rows")).as("% is a literal").isEmpty();
        assertThat(ui("/resources/services?q=_").json().path("rows")).as("_ is a literal").isEmpty();

        JsonNode stopped = ui("/resources/services?state=Stopped").json();
        stopped.path("rows").forEach(r -> assertThat(r.path("state").asText()).isEqualTo("Stopped"));

        JsonNode first = ui("/resources/services?subscription=" + FABRIKAM + "&size=1").json();
        assertThat(first.path("rows")).hasSize(1);
        assertThat(first.path("hasNext").asBoolean()).isEqualTo(count > 1);
        JsonNode second = ui("/resources/services?subscription=" + FABRIKAM + "&size=1&page=1").json();
        assertThat(second.path("rows").get(0).path("name").asText()).isEqualTo(names.get(1));

        JsonNode clouds = ui("/resources/clouds?subscription=" + CONTOSO).json();
        Integer granted = jdbc.queryForObject("SELECT COUNT(*) FROM subscription_clouds WHERE subscription_id = ?",
                Integer.class, java.util.UUID.fromString(CONTOSO));
        assertThat(clouds.path("rows")).hasSize(granted);
        assertThat(ui("/resources/cloud-services?subscription=" + FABRIKAM).json().path("rows").get(0)
                .path("id").asText()).isEqualTo(ASM_SERVICE);
    }

    @Test
    void badListRequestsAreTheControlPlanesFourHundreds() {
        assertError(ui("/resources/no-such-kind"), 404, "kind");
        assertError(ui("/resources/services?page=-1"), 400, "page");
        assertError(ui("/resources/services?size=100000"), 400, "size");
        assertThat(ui("/resources/services?subscription=not-a-guid").status()).isEqualTo(400);
        assertError(ui("/journal?status=2xxx"), 400, "status");
    }

    @Test
    void aResourcePageShowsTheApisOwnRepresentationAndAnotherTenantsIsMissing() {
        JsonNode page = ui("/resources/services/" + FABRIKAM + "/" + GATEWAY_SERVICE).json();
        assertThat(page.path("name").asText()).isEqualTo("Network Gateway 1");
        JsonNode representation = page.path("representation");
        assertThat(representation.path("status").asInt()).isEqualTo(200);
        JsonNode own = get(vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), "Accept",
                "application/json;odata.metadata=minimal").json();
        assertThat(readJson(representation.path("body").asText())).isEqualTo(own);
        assertThat(page.path("sections").get(0).path("title").asText()).isEqualTo("Tiers");
        assertThat(page.path("operations").findValuesAsText("label")).containsExactly("Start", "Stop");

        JsonNode asm = ui("/resources/cloud-services/" + FABRIKAM + "/" + ASM_SERVICE).json();
        String xml = send("GET", base + "/" + FABRIKAM + "/services/hostedservices/" + ASM_SERVICE
                + "?embed-detail=true", null, "x-ms-version", "2015-04-01").body();
        assertThat(asm.path("representation").path("body").asText()).isEqualTo(xml);
        assertThat(asm.path("sections").findValuesAsText("title")).containsExactly("Deployments", "Role instances");

        Response other = ui("/resources/services/" + CONTOSO + "/" + GATEWAY_SERVICE);
        Response missing = ui("/resources/services/" + CONTOSO + "/" + java.util.UUID.randomUUID());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("error").path("code").asText())
                .isEqualTo(missing.json().path("error").path("code").asText());
        assertThat(ui("/resources/services/" + FABRIKAM + "/not-a-guid").status()).isEqualTo(404);
        assertThat(ui("/resources/cloud-services/" + CONTOSO + "/" + ASM_SERVICE).status()).isEqualTo(404);
    }

    @Test
    void journalEntriesOpenWithHeadersAndBodiesMaskedAsTheJournalMasks() {
        send("DELETE", base + "/_localpack/journal", null);
        send("POST", vmm(FABRIKAM) + "/Jobs", "{\"Password\":\"hunter2\"}", "Authorization", "Bearer very-secret",
                "Content-Type", "application/json", "x-ms-principal-id", "ops@fabrikam.com");
        get(base + "/" + FABRIKAM + "/services/hostedservices", "x-ms-version", "2015-04-01");
        JsonNode vmmOnly = ui("/journal?api=VMM").json().path("entries");
        assertThat(vmmOnly).hasSize(1);
        JsonNode entry = ui("/journal/" + vmmOnly.get(0).path("sequence").asText()).json();
        assertThat(header(entry.path("requestHeaders"), "Authorization")).isEqualTo("***");
        assertThat(header(entry.path("requestHeaders"), "x-ms-principal-id")).isEqualTo("ops@fabrikam.com");
        assertThat(entry.path("requestBody").asText()).doesNotContain("hunter2").contains("***");
        assertThat(entry.path("responseHeaders").path("Content-Type").asText()).isNotBlank();
        assertThat(entry.toString()).doesNotContain("very-secret");
        assertThat(ui("/journal?api=ASM&method=GET&status=2xx").json().path("entries")).hasSize(1);

        // headers are bounded: a long value is cut, and an entry keeps at most 4 KiB of them per direction
        get(vmm(FABRIKAM) + "/Clouds", "X-Long-1", "a".repeat(3000), "X-Long-2", "b".repeat(3000),
                "X-Long-3", "c".repeat(3000));
        JsonNode clouds = ui("/journal?path=/Clouds").json().path("entries").get(0);
        JsonNode kept = ui("/journal/" + clouds.path("sequence").asText()).json().path("requestHeaders");
        int chars = 0;
        for (Iterator<String> it = kept.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            chars += name.length() + kept.path(name).asText().length();
            assertThat(kept.path(name).asText().length()).isLessThanOrEqualTo(513);
        }
        assertThat(chars).isLessThanOrEqualTo(4096);
        assertThat(ui("/journal/999999999").status()).isEqualTo(404);
    }

    @Test
    void controlsRefusedByTheApiAnswerItsErrorAndChangeNothing() {
        String[] csrf = csrf();
        List<String> before = databaseSnapshot();
        Response badOperation = action("POST", "/actions/vmm/Services/" + FABRIKAM + "/" + GATEWAY_SERVICE + "/"
                + WEST_STAMP + "/Explode", null, csrf);
        assertThat(badOperation.status()).isEqualTo(400);
        assertThat(badOperation.body()).contains("Explode"); // the OData error as the API words it
        assertThat(action("POST", "/actions/vmm/Services/" + CONTOSO + "/" + GATEWAY_SERVICE + "/" + WEST_STAMP
                + "/Stop", null, csrf).status()).as("another tenant's service").isEqualTo(404);
        assertError(action("POST", "/actions/vmm/Clouds/" + FABRIKAM + "/" + GATEWAY_SERVICE + "/" + WEST_STAMP
                + "/Stop", null, csrf), 404, "set");
        assertError(action("POST", "/actions/asm/" + FABRIKAM + "/" + ASM_SERVICE + "/production/status",
                "{\"status\":\"Sideways\"}", csrf), 400, "status");
        assertError(action("POST", "/actions/asm/" + FABRIKAM + "/" + ASM_SERVICE + "/nowhere/status",
                "{\"status\":\"Suspended\"}", csrf), 400, "slot");
        assertThat(action("POST", "/actions/asm/" + FABRIKAM + "/no-such-service/production/status",
                "{\"status\":\"Suspended\"}", csrf).status()).isEqualTo(404);
        assertError(action("POST", "/actions/faults/jobs", "{\"operation\":\"vmm.service.stop\"}", csrf), 400, null);
        assertError(action("PUT", "/actions/timing/no.such.kind", "{\"mode\":\"immediate\"}", csrf), 404, "kind");
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertThat(send("GET", base + "/_localpack/faults", null).json()).isEmpty();
    }

    @Test
    void updateDeploymentStatusFromTheDashboardRunsTheAsmJobAndIsJournaled() {
        send("DELETE", base + "/_localpack/journal", null);
        Response suspended = action("POST", "/actions/asm/" + FABRIKAM + "/" + ASM_SERVICE + "/production/status",
                "{\"status\":\"Suspended\"}", csrf());
        assertThat(suspended.status()).isEqualTo(202);
        String job = suspended.header("x-ms-request-id");
        io.localpack.testsupport.Await.until("the deployment to be suspended", () -> jdbc.queryForObject(
                "SELECT d.status FROM asm_deployments d JOIN asm_hosted_services h ON d.hosted_service_id = h.id "
                        + "WHERE h.service_name = ? AND d.slot = 'Production'", String.class, ASM_SERVICE),
                "Suspended"::equals);
        JsonNode entries = send("GET", base + "/_localpack/journal?subscription=" + FABRIKAM
                + "&path=/actions/asm/", null).json().path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("jobId").asText()).isEqualTo(job);
        assertThat(entries.get(0).path("principal").asText()).isEqualTo("localpack-dashboard");
    }

    @Test
    void snapshotsAreTakenKeptAndRestored() {
        String[] csrf = csrf();
        Response taken = action("POST", "/actions/snapshots?subscription=" + FABRIKAM, null, csrf);
        assertThat(taken.status()).isEqualTo(200);
        int number = taken.json().path("number").asInt();
        List<String> before = databaseSnapshot();
        send("PUT", vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), "{\"Description\":\"changed\"}",
                "Content-Type", "application/json");
        assertThat(databaseSnapshot()).isNotEqualTo(before);
        assertThat(send("GET", base + "/_localpack/ui/api/snapshots/" + number, null, "Accept", "*/*").body()).startsWith("-- LocalPack snapshot of subscription " + FABRIKAM);
        assertThat(action("POST", "/actions/snapshots/" + number + "/restore", null, csrf).status()).isEqualTo(200);
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertError(action("POST", "/actions/snapshots/987654/restore", null, csrf), 404, "number");
    }

    @Test
    void theEventStreamOpensAtOnceCarriesChangesAndEndsWhenTheServerClosesIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> opening = client.sendAsync(HttpRequest.newBuilder(
                URI.create(base + "/_localpack/ui/api/events")).build(), HttpResponse.BodyHandlers.ofLines());
        // headers arrive at once (an emitter that waited for its first event would hang here)
        HttpResponse<Stream<String>> stream = opening.get(10, TimeUnit.SECONDS);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = stream.body().iterator();
        assertThat(lines.next()).isEqualTo(":open");

        get(vmm(FABRIKAM) + "/Clouds");
        String requestEvent = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("event:request")) {
                requestEvent = lines.next();
                break;
            }
        }
        assertThat(requestEvent).contains("/Clouds").contains("\"api\":\"VMM\"");

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> lines.forEachRemaining(line -> { }));
        events.completeAll(); // what the context's close does before the web server's graceful shutdown waits
        drained.get(10, TimeUnit.SECONDS);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Response ui(String path) {
        return send("GET", base + "/_localpack/ui/api" + path, null, "Accept", "application/json");
    }

    /** The page's CSRF token and the cookie it set: {token, cookie}. */
    private String[] csrf() {
        Response page = send("GET", base + "/_localpack/ui/", null);
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        return new String[] {token.group(1), page.header("Set-Cookie").split(";")[0]};
    }

    private Response action(String method, String path, String body, String[] csrf) {
        return body == null
                ? send(method, base + "/_localpack/ui/api" + path, null, "X-XSRF-TOKEN", csrf[0], "Cookie", csrf[1])
                : send(method, base + "/_localpack/ui/api" + path, body, "X-XSRF-TOKEN", csrf[0], "Cookie", csrf[1],
                        "Content-Type", "application/json");
    }

    private static void assertError(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (field != null) {
            assertThat(response.json().path("error").path("field").asText()).isEqualTo(field);
        }
    }

    /** A kept header by name, whatever case the client sent it in. */
    private static String header(JsonNode headers, String name) {
        for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equalsIgnoreCase(name)) {
                return headers.path(field).asText();
            }
        }
        return null;
    }

    private static List<String> names(JsonNode list) {
        return list.path("rows").findValuesAsText("name");
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static java.util.UUID FABRIKAM_ID() {
        return java.util.UUID.fromString(FABRIKAM);
    }
}
