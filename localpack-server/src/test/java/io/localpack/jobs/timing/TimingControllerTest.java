package io.localpack.jobs.timing;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timing modes through HTTP: a job timed by polls advances on each status read (VMM Jobs and ASM Get Operation
 * Status) and finishes on the Nth; a long duration keeps it running; overrides are listed and removed. The server is
 * shared: after each test the overrides are removed and a reset cancels what still runs, so nothing leaks.
 */
class TimingControllerTest extends HttpTestSupport {

    private static final String ASM_PRODUCTION = "/services/hostedservices/fabrikam-web/deploymentslots/Production";

    @AfterEach
    void configuredTimings() {
        for (String kind : List.of("vmm.service.stop", "vmm.service.start", "asm.deployment.status")) {
            send("DELETE", base + "/_localpack/timing/" + kind, null);
        }
        send("POST", base + "/_localpack/reset", null); // cancels what is still running
    }

    @Test
    void listsEveryKindWithItsConfiguredTiming() {
        JsonNode kinds = get(base + "/_localpack/timing").json().get("kinds");

        assertThat(kinds.has("vmm.service.stop")).isTrue();
        assertThat(kinds.has("asm.deployment.status")).isTrue();
        assertThat(kinds.get("vmm.service.stop").get("mode").asText()).isEqualTo("duration");
        assertThat(kinds.get("vmm.service.stop").get("source").asText()).isEqualTo("configuration");
    }

    @Test
    void aVmmJobTimedByPollsFinishesOnTheNthStatusRead() {
        assertThat(put("vmm.service.stop", "{\"mode\":\"polls\",\"polls\":3}").json().get("source").asText())
                .isEqualTo("override");
        String service = createGateway("Polled gateway");
        Response stop = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(service, WEST_STAMP) + "?RunAsynchronously=1",
                "{\"Operation\":\"Stop\"}");
        assertThat(stop.status()).isEqualTo(204);
        String job = stop.header("x-ms-request-id");

        List<JsonNode> reads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reads.add(get(vmm(FABRIKAM) + "/Jobs?$filter=ID eq " + job).json().get("value").get(0));
        }

        assertThat(reads.get(0).get("Status").asText()).isEqualTo("Running");
        assertThat(reads.get(1).get("Status").asText()).isEqualTo("Running");
        assertThat(reads.get(2).get("Status").asText()).isEqualTo("Completed");
        int first = reads.get(0).get("ProgressValue").asInt();
        int second = reads.get(1).get("ProgressValue").asInt();
        assertThat(first).isPositive().isLessThanOrEqualTo(second);
        assertThat(second).isLessThan(100);
        assertThat(get(vmm(FABRIKAM) + "/" + serviceKey(service, WEST_STAMP)).json().get("ServiceStatus").asText())
                .isEqualTo("Stopped");
    }

    @Test
    void anAsmOperationTimedByPollsSucceedsOnTheNthStatusRead() {
        put("asm.deployment.status", "{\"mode\":\"polls\",\"polls\":2}");
        Response update = send("POST", base + "/" + FABRIKAM + ASM_PRODUCTION + "/?comp=status",
                "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>Suspended"
                        + "</Status></UpdateDeploymentStatus>", "x-ms-version", "2015-04-01",
                "Content-Type", "application/xml");
        assertThat(update.status()).isEqualTo(202);
        String operation = base + "/" + FABRIKAM + "/operations/" + update.header("x-ms-request-id");

        String first = send("GET", operation, null, "x-ms-version", "2015-04-01").body();
        String second = send("GET", operation, null, "x-ms-version", "2015-04-01").body();

        assertThat(first).contains("<Status>InProgress</Status>");
        assertThat(second).contains("<Status>Succeeded</Status>");
    }

    @Test
    void aLongDurationKeepsTheJobRunningUntilItIsOver() {
        put("vmm.service.start", "{\"mode\":\"duration\",\"duration\":\"PT1H\"}");
        Response start = send("PUT", vmm(CONTOSO) + "/" + contosoService() + "?RunAsynchronously=1",
                "{\"Operation\":\"Start\"}");
        assertThat(start.status()).isEqualTo(204);

        JsonNode job = get(vmm(CONTOSO) + "/Jobs?$filter=ID eq " + start.header("x-ms-request-id")).json()
                .get("value").get(0);

        assertThat(job.get("Status").asText()).isEqualTo("Running");
        assertThat(job.get("IsCompleted").asBoolean()).isFalse();
    }

    @Test
    void immediateAndBackToTheConfiguration() {
        assertThat(put("vmm.service.stop", "{\"mode\":\"immediate\"}").json().get("mode").asText())
                .isEqualTo("immediate");
        assertThat(get(base + "/_localpack/timing/vmm.service.stop").json().get("mode").asText())
                .isEqualTo("immediate");

        assertThat(send("DELETE", base + "/_localpack/timing/vmm.service.stop", null).status()).isEqualTo(204);

        JsonNode configured = get(base + "/_localpack/timing/vmm.service.stop").json();
        assertThat(configured.get("mode").asText()).isEqualTo("duration");
        assertThat(configured.get("source").asText()).isEqualTo("configuration");
    }

    @Test
    void badTimingsAreRefusedAndChangeNothing() {
        assertError(put("vmm.service.nope", "{\"mode\":\"immediate\"}"), 404, "UnknownJobKind", "vmm.service.stop");
        assertError(send("DELETE", base + "/_localpack/timing/nope", null), 404, "UnknownJobKind", "known kinds");
        assertError(put("vmm.service.stop", "{\"mode\":\"sometimes\"}"), 400, "BadRequest", "immediate, duration or polls");
        assertError(put("vmm.service.stop", "{\"mode\":\"polls\",\"polls\":0}"), 400, "BadRequest", "1 to");
        assertError(put("vmm.service.stop", "{\"mode\":\"polls\",\"polls\":\"3\"}"), 400, "BadRequest", "whole number");
        assertError(put("vmm.service.stop", "{\"mode\":\"duration\",\"duration\":\"soon\"}"), 400, "BadRequest",
                "soon");
        assertError(put("vmm.service.stop", "{\"mode\":\"duration\",\"duration\":\"-PT1S\"}"), 400, "BadRequest",
                "between");
        assertError(put("vmm.service.stop", "{\"mode\":\"immediate\",\"speed\":1}"), 400, "BadRequest", "speed");
        assertError(put("vmm.service.stop", "[1]"), 400, "BadRequest", "JSON object");
        assertError(put("vmm.service.stop", "{not json"), 400, "BadRequest", "not valid JSON");
        assertError(send("PUT", base + "/_localpack/timing/vmm.service.stop", "mode=immediate",
                "Content-Type", "text/plain"), 415, "UnsupportedMediaType", "application/json");

        assertThat(get(base + "/_localpack/timing/vmm.service.stop").json().get("source").asText())
                .isEqualTo("configuration");
    }

    private Response put(String kind, String body) {
        return send("PUT", base + "/_localpack/timing/" + kind, body);
    }

    private String contosoService() {
        JsonNode first = get(vmm(CONTOSO) + "/Services?$top=1&$orderby=Name").json().get("value").get(0);
        return serviceKey(first.get("ID").asText(), first.get("StampId").asText());
    }

    private static void assertError(Response response, int status, String code, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(messagePart);
    }
}
