package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad writes to VirtualMachines get VMM's answer and change nothing: each row is checked for its status, its error
 * code, and an unchanged database (every machine and service row; the jobs table too, except for VMM's 1730 refusals,
 * which are a failed job by design).
 */
class VirtualMachineBadInputTest extends VirtualMachineWriteSupport {

    /** The machine a row is sent to. */
    enum On { RUNNING, STOPPED, UPDATE_FAILED, CONTOSOS, MISSING, NONE }

    static Stream<Arguments> badWrites() {
        return Stream.of(
                // bad operations
                bad("unknown verb", "PUT", On.RUNNING, "{\"Operation\":\"Restart\"}", 400, "BadRequest", "Restart"),
                bad("verb of one client only", "PUT", On.RUNNING, "{\"Operation\":\"Store\"}", 400, "BadRequest",
                        "Store"),
                bad("verb of the wrong type", "PUT", On.RUNNING, "{\"Operation\":{\"Name\":\"Stop\"}}", 400, null,
                        null),
                bad("wrong state: suspend a stopped machine", "PUT", On.STOPPED, "{\"Operation\":\"Suspend\"}", 400,
                        "1730", "not in a state"),
                bad("wrong state: discard a state never saved", "MERGE", On.RUNNING,
                        "{\"Operation\":\"DiscardSavedState\"}", 400, "1730", "DiscardSavedState"),
                bad("two repair flags", "PUT", On.UPDATE_FAILED, "{\"Operation\":\"Repair\",\"Retry\":true,"
                        + "\"Undo\":true}", 400, "BadRequest", "exactly one"),
                bad("repair without a flag", "PUT", On.UPDATE_FAILED, "{\"Operation\":\"Repair\"}", 400,
                        "BadRequest", "exactly one"),
                bad("repair flag without Repair", "PATCH", On.RUNNING, "{\"Operation\":\"Stop\",\"Dismiss\":true}",
                        400, "BadRequest", "Repair"),
                bad("repair of a healthy machine", "PUT", On.RUNNING, "{\"Operation\":\"Repair\",\"Retry\":true}",
                        400, "1730", "failed job"),
                // bad updates
                bad("hardware while running", "PUT", On.RUNNING, "{\"CPUCount\":4}", 400, "1730", "PowerOff"),
                bad("Memory as a quoted number while running", "PATCH", On.RUNNING, "{\"Memory\":\"4096\"}", 400, "1730",
                        "PowerOff"),
                bad("operation and hardware together", "PUT", On.STOPPED, "{\"Operation\":\"Start\",\"CPUCount\":4}",
                        400, "BadRequest", "separate"),
                bad("CPUCount not a number", "PUT", On.STOPPED, "{\"CPUCount\":\"four\"}", 400, null, null),
                bad("CPUCount zero", "PUT", On.STOPPED, "{\"CPUCount\":0}", 400, "BadRequest", "CPUCount"),
                bad("CPUCount beyond a byte", "PUT", On.STOPPED, "{\"CPUCount\":300}", 400, null, null),
                bad("Memory below 32 MB", "PUT", On.STOPPED, "{\"Memory\":16}", 400, "BadRequest", "Memory"),
                bad("Memory a boolean", "PUT", On.STOPPED, "{\"Memory\":true}", 400, null, null),
                bad("empty Name", "PUT", On.RUNNING, "{\"Name\":\" \"}", 400, "BadRequest", "Name"),
                bad("unknown member", "PUT", On.RUNNING, "{\"Bogus\":1}", 400, null, null),
                bad("not JSON", "PUT", On.RUNNING, "{\"Name\":", 400, "BadRequest", "JSON"),
                bad("no body", "PUT", On.RUNNING, null, 400, null, null),
                bad("delete a running machine", "DELETE", On.RUNNING, null, 400, "1730", "PowerOff"),
                // bad keys
                bad("another tenant's machine", "PUT", On.CONTOSOS, "{\"Operation\":\"Stop\"}", 404, "NotFound", null),
                bad("another tenant's machine, delete", "DELETE", On.CONTOSOS, null, 404, "NotFound", null),
                bad("a missing machine", "MERGE", On.MISSING, "{\"Name\":\"x\"}", 404, "NotFound", null),
                bad("malformed GUID", "PUT", On.NONE, "{\"Name\":\"x\"}", 400, null, null),
                bad("key without StampId", "PATCH", On.NONE, "{\"Name\":\"x\"}", 400, null, null));
    }

    private static Arguments bad(String label, String method, On on, String body, int status, String code,
            String messagePart) {
        return Arguments.of(label, method, on, body, status, code, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWrites")
    void badWritesGetVmmsAnswerAndChangeNothing(String label, String method, On on, String body, int status,
            String code, String messagePart) {
        String url = switch (on) {
            case RUNNING -> vmUrl(running("bad " + label));
            case STOPPED -> vmUrl(stopped("bad " + label));
            case UPDATE_FAILED -> vmUrl(machine("bad " + label, "UpdateFailed", "Update Failed", "PowerOff"));
            case CONTOSOS -> vmUrl(machine(CONTOSO, io.localpack.testsupport.Fixtures.CONTOSO_CLOUD, "bad " + label,
                    "Running", "Running", "Running"));
            case MISSING -> vmUrl(UUID.randomUUID().toString());
            case NONE -> label.startsWith("malformed")
                    ? vmm(FABRIKAM) + "/VirtualMachines(ID=guid'not-a-guid',StampId=guid'" + WEST_STAMP + "')"
                    : vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + UUID.randomUUID() + "')";
        };
        List<String> before = databaseSnapshot();
        int jobsBefore = jobCount();

        Response response = send(method, url, body, "Accept", "application/json");

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.json().get("error").get("code").asText()).isEqualTo(code);
        }
        if (messagePart != null) {
            assertThat(response.json().get("error").get("message").asText()).contains(messagePart);
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
        if ("1730".equals(code)) {
            assertThat(jobCount()).isEqualTo(jobsBefore + 1);
            assertThat(awaitJob(response.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Failed");
        } else {
            assertThat(jobCount()).isEqualTo(jobsBefore);
        }
    }

    private int jobCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class);
    }
}
