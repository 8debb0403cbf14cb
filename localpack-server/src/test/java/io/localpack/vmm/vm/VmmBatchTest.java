package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.CONTOSO_CLOUD;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code $batch} over HTTP (issue 23 item 5; docs/odata-dialects.md "Batch"): a WCF Data Services client's
 * {@code SaveChanges(SaveChangesOptions.Batch)} body as it goes on the wire, V4 change sets, each part answered in its
 * own dialect and format, and change sets that are all or nothing on the database.
 */
class VmmBatchTest extends VirtualMachineWriteSupport {

    private static final String BATCH = "batch_e4243eef-ba43-49da-8dfb-a006d9e918f2";
    private static final String CHANGESET = "changeset_6bb58eec-2717-4673-b074-919584c38eea";

    /** The Content-Type of a batch body (and what a WCF client sends beside it). */
    private static String[] wcfBatchHeaders() {
        return new String[] {"DataServiceVersion", "1.0;NetFx", "MaxDataServiceVersion", "3.0;NetFx",
            "Content-Type", "multipart/mixed; boundary=" + BATCH, "Accept", "multipart/mixed",
            "Accept-Charset", "UTF-8", "User-Agent", "Microsoft ADO.NET Data Services"};
    }

    /** One change of a WCF DS 5.x batch, as the client writes it: absolute URL, Content-ID among the request's headers. */
    private static String wcfChange(int contentId, String method, String url, String json) {
        return """
                --%s
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                %s %s HTTP/1.1
                Content-ID: %d
                DataServiceVersion: 3.0;NetFx
                MaxDataServiceVersion: 3.0;NetFx
                Content-Type: application/json;odata=minimalmetadata
                Accept: application/json;odata=minimalmetadata
                Accept-Charset: UTF-8

                %s
                """.formatted(CHANGESET, method, url, contentId, json);
    }

    private static String wcfBatch(String... changes) {
        return crlf("--" + BATCH + "\nContent-Type: multipart/mixed; boundary=" + CHANGESET + "\n\n"
                + String.join("", changes) + "--" + CHANGESET + "--\n--" + BATCH + "--\n");
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private Response postBatch(String body, String... headers) {
        return sendNamingNoVersion("POST", vmm(FABRIKAM) + "/$batch", body, headers);
    }

    /** The jobs that ever targeted a machine: a rolled-back change set leaves none. */
    private int jobsOn(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE target_object_id = ?", Integer.class,
                UUID.fromString(id));
    }

    @Test
    void aWcfClientsChangeSetIsOneTransactionAnsweredAsWcfDataServicesAnswers() {
        String first = running("batch one");
        String second = running("batch two");
        Response response = postBatch(wcfBatch(
                wcfChange(1, "MERGE", vmUrl(first), "{\"odata.type\":\"VMM.VirtualMachine\",\"Operation\":\"Stop\"}"),
                wcfChange(2, "MERGE", vmUrl(second), "{\"Operation\":\"Stop\"}")), wcfBatchHeaders());

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header("DataServiceVersion")).isEqualTo("1.0;");
        assertThat(response.header("Content-Type")).startsWith("multipart/mixed; boundary=batchresponse_");
        List<String> parts = parts(response);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).startsWith("Content-Type: multipart/mixed; boundary=changesetresponse_");
        List<String> answers = innerParts(parts.get(0));
        assertThat(answers).hasSize(2);
        for (int i = 0; i < 2; i++) {
            // the Content-ID comes back where the client put it: among the request's own headers
            assertThat(answers.get(i)).startsWith("Content-Type: application/http\r\nContent-Transfer-Encoding: binary"
                    + "\r\n\r\nHTTP/1.1 204 No Content\r\nContent-ID: " + (i + 1) + "\r\n");
            assertThat(answers.get(i)).contains("DataServiceVersion: 1.0;");
        }
        // a synchronous batch answers once its change set's jobs are done, as a lone write does
        assertThat(status(first)).isEqualTo("PowerOff");
        assertThat(status(second)).isEqualTo("PowerOff");
        String jobId = header(answers.get(0), "x-ms-request-id");
        assertThat(awaitJob(jobId).get("Name").asText()).isEqualTo("Stop virtual machine");
    }

    @Test
    void aChangeSetWhoseSecondPartIsRefusedLeavesNothingOfTheFirst() {
        String first = running("kept running");
        String before = row(first);
        var database = databaseSnapshot();
        String missing = vmm(FABRIKAM) + "/" + vmKey(UUID.randomUUID().toString(), WEST_STAMP);
        Response response = postBatch(wcfBatch(
                wcfChange(1, "MERGE", vmUrl(first), "{\"Operation\":\"Stop\"}"),
                wcfChange(2, "MERGE", missing, "{\"Operation\":\"Stop\"}")), wcfBatchHeaders());

        assertThat(response.status()).isEqualTo(202);
        List<String> parts = parts(response);
        assertThat(parts).hasSize(1);
        // the change set is answered by the failed request's error alone, in that request's format (JSON light)
        assertThat(parts.get(0)).startsWith("Content-Type: application/http\r\nContent-Transfer-Encoding: binary"
                + "\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-ID: 2\r\n");
        JsonNode error = json(parts.get(0)).get("odata.error");
        assertThat(error.get("message").get("value").asText()).isNotBlank();
        assertThat(header(parts.get(0), "Content-Type")).startsWith("application/json;odata=minimalmetadata");
        assertThat(row(first)).isEqualTo(before);
        assertThat(jobsOn(first)).isZero();
        assertThat(databaseSnapshot()).isEqualTo(database);
    }

    @Test
    void aCreatedMachineIsRolledBackWhenALaterPartOfItsChangeSetFails() {
        long machines = machineCount();
        // $1 addresses the machine part 1 creates: a second job on it while its create job is queued is refused
        Response response = postBatch(wcfBatch(
                wcfChange(1, "POST", vmm(FABRIKAM) + "/VirtualMachines", createBody("batch-created")),
                wcfChange(2, "MERGE", "$1", "{\"Operation\":\"Stop\"}")), wcfBatchHeaders());

        assertThat(response.status()).isEqualTo(202);
        List<String> parts = parts(response);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).contains("HTTP/1.1 409 Conflict\r\nContent-ID: 2\r\n");
        assertThat(machineCount()).isEqualTo(machines);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE name = 'batch-created'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE target_object_name = 'batch-created'",
                Integer.class)).isZero();
    }

    @Test
    void aCreateInAChangeSetAnswersTheMachineAsItsJobLeftIt() {
        Response response = postBatch(wcfBatch(
                wcfChange(1, "POST", vmm(FABRIKAM) + "/VirtualMachines", createBody("batch-made"))),
                wcfBatchHeaders());
        List<String> answers = innerParts(parts(response).get(0));
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0)).contains("HTTP/1.1 201 Created\r\nContent-ID: 1\r\n");
        JsonNode vm = json(answers.get(0));
        String id = vm.get("ID").asText();
        jdbc.update("DELETE FROM virtual_machines WHERE id = ?", UUID.fromString(id)); // after the assertions' read
        assertThat(vm.get("odata.metadata").asText()).endsWith("$metadata#VirtualMachines/@Element");
        assertThat(header(answers.get(0), "Location")).contains("VirtualMachines(ID=guid'" + id + "'");
        assertThat(vm.get("Status").asText()).isEqualTo("Running");
        assertThat(awaitJob(header(answers.get(0), "x-ms-request-id")).get("Status").asText())
                .isEqualTo("Completed");
    }

    @Test
    void twoChangesOfOneMachineInAChangeSetConflictAsItsFirstJobHasNotRun() {
        String machine = running("twice in one change set");
        String before = row(machine);
        // $1 stands for the machine request 1 addressed; its job runs only after the commit, so a second is refused
        Response response = postBatch(wcfBatch(
                wcfChange(1, "MERGE", vmUrl(machine), "{\"Operation\":\"Stop\"}"),
                wcfChange(2, "MERGE", "$1", "{\"Operation\":\"Start\"}")), wcfBatchHeaders());
        List<String> parts = parts(response);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).contains("HTTP/1.1 409 Conflict\r\nContent-ID: 2\r\n");
        assertThat(row(machine)).isEqualTo(before);
        assertThat(jobsOn(machine)).isZero();
    }

    @Test
    void anUnknownContentIdReferenceIsRefusedAndNothingChanges() {
        String first = running("no reference");
        var database = databaseSnapshot();
        Response response = postBatch(wcfBatch(
                wcfChange(1, "MERGE", vmUrl(first), "{\"Operation\":\"Stop\"}"),
                wcfChange(2, "MERGE", "$7", "{\"Operation\":\"Stop\"}")), wcfBatchHeaders());
        assertThat(parts(response).get(0)).contains("HTTP/1.1 400 Bad Request");
        assertThat(json(parts(response).get(0)).get("odata.error").get("message").get("value").asText())
                .contains("Content-ID 7");
        assertThat(databaseSnapshot()).isEqualTo(database);
        assertThat(jobsOn(first)).isZero();
    }

    @Test
    void aJobThatFailsAfterTheCommitAnswersTheChangeSetWithItsError() {
        String stopping = running("stops");
        String cannotSuspend = stopped("cannot suspend in a batch");
        Response response = postBatch(wcfBatch(
                wcfChange(1, "MERGE", vmUrl(stopping), "{\"Operation\":\"Stop\"}"),
                wcfChange(2, "MERGE", vmUrl(cannotSuspend), "{\"Operation\":\"Suspend\"}")), wcfBatchHeaders());
        List<String> parts = parts(response);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0)).contains("HTTP/1.1 400 Bad Request\r\nContent-ID: 2\r\n");
        assertThat(json(parts.get(0)).get("odata.error").get("code").asText()).isEqualTo("1730");
        // the rows and jobs were committed together; the first job ran (documented: jobs run after the commit)
        assertThat(status(stopping)).isEqualTo("PowerOff");
        assertThat(status(cannotSuspend)).isEqualTo("PowerOff");
    }

    @Test
    void v4ChangeSetAndQueriesEachAnsweredInItsOwnDialectAndFormat() {
        String machine = running("v4 batch");
        String body = crlf("""
                --batch_v4
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %1$s HTTP/1.1
                Accept: application/json;odata.metadata=full

                --batch_v4
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %1$s HTTP/1.1
                DataServiceVersion: 3.0
                MaxDataServiceVersion: 3.0
                Accept: application/atom+xml

                --batch_v4
                Content-Type: multipart/mixed; boundary=changeset_v4

                --changeset_v4
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 1

                PATCH %1$s HTTP/1.1
                Content-Type: application/json
                Accept: application/json
                Prefer: return=representation

                {"Operation":"Stop"}
                --changeset_v4--

                --batch_v4
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %1$s/$count HTTP/1.1
                Accept: text/plain;q=0

                --batch_v4--
                """.formatted(vmKey(machine, WEST_STAMP)));
        Response response = sendNamingNoVersion("POST", vmm(FABRIKAM) + "/$batch", body, "OData-Version", "4.0",
                "OData-MaxVersion", "4.0", "Content-Type", "multipart/mixed;boundary=batch_v4");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("OData-Version")).isEqualTo("4.0");
        assertThat(response.header("Content-Type")).startsWith("multipart/mixed; boundary=batch_");
        List<String> parts = parts(response);
        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)).contains("HTTP/1.1 200 OK").contains("OData-Version: 4.0");
        assertThat(header(parts.get(0), "Content-Type")).startsWith("application/json;odata.metadata=full");
        assertThat(json(parts.get(0)).get("@odata.context").asText()).contains("$metadata#VirtualMachines");
        assertThat(parts.get(1)).contains("HTTP/1.1 200 OK").contains("DataServiceVersion: 1.0;")
                .contains("<entry").contains("<m:properties>");
        assertThat(header(parts.get(1), "Content-Type")).startsWith("application/atom+xml");
        List<String> changes = innerParts(parts.get(2));
        assertThat(changes).hasSize(1);
        assertThat(parts.get(2)).startsWith("Content-Type: multipart/mixed; boundary=changeset_");
        assertThat(changes.get(0)).contains("Content-ID: 1\r\n\r\nHTTP/1.1 200 OK");
        assertThat(json(changes.get(0)).get("Status").asText()).isEqualTo("PowerOff");
        assertThat(parts.get(3)).contains("HTTP/1.1 406 Not Acceptable");
        assertThat(status(machine)).isEqualTo("PowerOff");
    }

    @Test
    void badBatchesAreRefusedInTheBatchsDialectAndChangeNothing() {
        String machine = running("bad batches");
        var database = databaseSnapshot();
        String change = wcfChange(1, "MERGE", vmUrl(machine), "{\"Operation\":\"Stop\"}");
        // not multipart
        Response json = postBatch("{\"requests\":[]}", v3("Content-Type", "application/json"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("odata.error").get("message").get("value").asText()).contains("multipart/mixed");
        // V4.01's JSON batch: Olingo's server reads multipart/mixed only, and so does LocalPack
        Response v4Json = postBatch("{\"requests\":[{\"id\":\"1\",\"method\":\"get\",\"url\":\"Clouds\"}]}",
                "OData-Version", "4.0", "Content-Type", "application/json", "Accept", "application/json");
        assertThat(v4Json.status()).isEqualTo(415);
        assertThat(v4Json.json().get("error").get("message").asText()).contains("JSON batch");
        // multipart without a boundary
        Response noBoundary = postBatch(wcfBatch(change), v3("Content-Type", "multipart/mixed"));
        assertThat(noBoundary.status()).isEqualTo(400);
        // a body that does not end
        Response cut = postBatch(wcfBatch(change).replace("--" + BATCH + "--", ""), wcfBatchHeaders());
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.json().get("odata.error").get("message").get("value").asText()).contains("close delimiter");
        // not a request line
        Response notHttp = postBatch(crlf("--" + BATCH + "\nContent-Type: application/http\n\nhello\n--" + BATCH
                + "--\n"), wcfBatchHeaders());
        assertThat(notHttp.status()).isEqualTo(400);
        // bigger than localpack.odata.max-request-body-bytes (1 MiB)
        Response tooBig = postBatch(wcfBatch(wcfChange(1, "MERGE", vmUrl(machine), "{\"Operation\":\"Stop\","
                + "\"Description\":\"" + "x".repeat(1_100_000) + "\"}")), wcfBatchHeaders());
        assertThat(tooBig.status()).isEqualTo(413);
        // $batch takes POST only, V4 error format
        Response get = get(vmm(FABRIKAM) + "/$batch");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("error").get("code").asText()).isEqualTo("MethodNotAllowed");
        // the batch's Accept must allow multipart/mixed
        Response refusedAccept = postBatch(wcfBatch(change), v3("Content-Type", "multipart/mixed; boundary=" + BATCH,
                "Accept", "multipart/mixed;q=0, application/json"));
        assertThat(refusedAccept.status()).isEqualTo(406);
        assertThat(databaseSnapshot()).isEqualTo(database);
        assertThat(jobsOn(machine)).isZero();
    }

    @Test
    void partsThatV3DoesNotAllowWhereTheyStandAreRefusedOneByOne() {
        String machine = running("misplaced parts");
        var database = databaseSnapshot();
        String body = crlf("""
                --%1$s
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                MERGE %2$s HTTP/1.1
                Content-Type: application/json

                {"Operation":"Stop"}
                --%1$s
                Content-Type: multipart/mixed; boundary=%3$s

                --%3$s
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %2$s HTTP/1.1

                --%3$s--
                --%1$s
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET $batch HTTP/1.1

                --%1$s--
                """.formatted(BATCH, vmUrl(machine), CHANGESET));
        Response response = postBatch(body, wcfBatchHeaders());
        assertThat(response.status()).isEqualTo(202);
        List<String> parts = parts(response);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).contains("HTTP/1.1 400 Bad Request");
        assertThat(json(parts.get(0)).get("odata.error").get("message").get("value").asText())
                .contains("change set");
        assertThat(parts.get(1)).contains("HTTP/1.1 400 Bad Request").doesNotContain("changesetresponse");
        assertThat(json(parts.get(1)).get("odata.error").get("message").get("value").asText()).contains("GET");
        assertThat(parts.get(2)).contains("HTTP/1.1 400 Bad Request");
        assertThat(databaseSnapshot()).isEqualTo(database);
        assertThat(jobsOn(machine)).isZero();
    }

    @Test
    void anotherTenantsMachineInAChangeSetAnswersLikeAMissingOneAndAnotherServiceRootIsRefused() {
        String contosos = machine(CONTOSO, CONTOSO_CLOUD, "contoso's batch", "Running", "Running", "Running");
        var database = databaseSnapshot();
        String theirs = vmm(FABRIKAM) + "/" + vmKey(contosos, WEST_STAMP);
        String missing = vmm(FABRIKAM) + "/" + vmKey(UUID.randomUUID().toString(), WEST_STAMP);
        Response asFabrikam = postBatch(wcfBatch(wcfChange(1, "MERGE", theirs, "{\"Operation\":\"Stop\"}")),
                wcfBatchHeaders());
        Response absent = postBatch(wcfBatch(wcfChange(1, "MERGE", missing, "{\"Operation\":\"Stop\"}")),
                wcfBatchHeaders());
        assertThat(errorLine(asFabrikam)).isEqualTo(errorLine(absent)).contains("404");
        // a part may not reach into another subscription's service root
        Response otherRoot = postBatch(wcfBatch(wcfChange(1, "MERGE", vmm(CONTOSO) + "/" + vmKey(contosos,
                WEST_STAMP), "{\"Operation\":\"Stop\"}")), wcfBatchHeaders());
        assertThat(parts(otherRoot).get(0)).contains("HTTP/1.1 400 Bad Request");
        assertThat(databaseSnapshot()).isEqualTo(database);
        assertThat(jobsOn(contosos)).isZero();
    }

    private String errorLine(Response response) {
        String part = parts(response).get(0);
        Matcher line = Pattern.compile("HTTP/1\\.1 (\\d{3}[^\\r]*)").matcher(part);
        assertThat(line.find()).isTrue();
        return line.group(1) + " " + json(part).get("odata.error").get("code").asText();
    }

    private long machineCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines", Long.class);
    }

    private static String createBody(String name) {
        return ("{\"odata.type\":\"VMM.VirtualMachine\",\"StampId\":\"%s\",\"CloudId\":\"%s\",\"Name\":\"%s\","
                + "\"VMTemplateId\":\"%s\",\"ComputerName\":\"%s\",\"StartVM\":true}").formatted(EAST_STAMP,
                FABRIKAM_EAST_CLOUD, name, VirtualMachineCreateTest.EAST_WINDOWS_TEMPLATE, name);
    }

    // --- reading the multipart answer ---

    private static List<String> parts(Response response) {
        Matcher boundary = Pattern.compile("boundary=([^;\\s]+)").matcher(response.header("Content-Type"));
        assertThat(boundary.find()).as(response.header("Content-Type")).isTrue();
        return split(response.body(), boundary.group(1));
    }

    private static List<String> innerParts(String changeSet) {
        Matcher boundary = Pattern.compile("boundary=([^;\\s]+)").matcher(changeSet);
        assertThat(boundary.find()).as(changeSet).isTrue();
        return split(changeSet.substring(changeSet.indexOf("\r\n\r\n") + 4), boundary.group(1));
    }

    private static List<String> split(String body, String boundary) {
        List<String> parts = new ArrayList<>();
        String[] pieces = body.split("(^|\r\n)--" + Pattern.quote(boundary));
        assertThat(pieces[pieces.length - 1]).as("close delimiter").startsWith("--");
        for (int i = 1; i < pieces.length - 1; i++) {
            parts.add(pieces[i].substring(2)); // after the delimiter line's CRLF
        }
        return parts;
    }

    /** A header of the HTTP answer inside a part (after the status line). */
    private static String header(String part, String name) {
        String http = part.substring(part.indexOf("HTTP/1.1"));
        Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *([^\r\n]*)").matcher(
                http.substring(0, http.indexOf("\r\n\r\n")));
        return header.find() ? header.group(1) : null;
    }

    private static JsonNode json(String part) {
        String http = part.substring(part.indexOf("HTTP/1.1"));
        try {
            return JSON.readTree(http.substring(http.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(part, e);
        }
    }
}
