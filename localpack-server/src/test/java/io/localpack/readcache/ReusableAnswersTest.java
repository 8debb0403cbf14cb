package io.localpack.readcache;

import static io.localpack.testsupport.Fixtures.ASM_PRODUCTION_DEPLOYMENT;
import static io.localpack.testsupport.Fixtures.ASM_SERVICE;
import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localpack.testsupport.HttpTestSupport;
import io.localpack.testsupport.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reads answered again from {@link ReusableAnswers}: the same bytes and headers as the first answer (but a request id
 * of their own), and never once anything has changed, whichever way the change came.
 */
class ReusableAnswersTest extends HttpTestSupport {

    @Autowired
    ReusableAnswers answers;

    @Autowired
    javax.sql.DataSource dataSource;

    private DataVersion version;

    @org.junit.jupiter.api.BeforeEach
    void dataVersion() throws Exception {
        version = dataSource.unwrap(VersionedDataSource.class).version();
    }

    private String webStore() {
        return vmm(FABRIKAM) + "/" + serviceKey(WEB_STORE_SERVICE, EAST_STAMP);
    }

    @AfterEach
    void backToTheFixtures() {
        assertThat(send("POST", base + "/_localpack/reset/" + FABRIKAM, null).status()).isEqualTo(200);
    }

    @Test
    void aReadAnsweredAgainIsTheFirstAnswerByteForByteWithARequestIdOfItsOwn() {
        String gateway = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
        List<Object[]> reads = new ArrayList<>();
        for (String url : List.of(webStore(), gateway, gateway + "?$select=Name,Description",
                gateway + "?$expand=ComputerTiers", gateway + "/ComputerTiers", gateway + "/Cloud",
                vmm(FABRIKAM) + "/Services?$filter=" + encode("Name ne 'x'") + "&$orderby=Name&$top=2",
                vmm(FABRIKAM) + "/Clouds(ID=guid'" + FABRIKAM_CLOUD + "',StampId=guid'" + WEST_STAMP + "')",
                vmm(FABRIKAM) + "/VirtualMachines?$top=3", vmm(CONTOSO) + "/Services")) {
            reads.add(new Object[] {url, new String[] {"Accept", "application/json"}}); // V4 JSON
            reads.add(new Object[] {url, v3("Accept", "application/json")}); // V3 JSON light
            reads.add(new Object[] {url, v3("Accept", "application/json;odata=verbose")});
            reads.add(new Object[] {url, v3("Accept", "application/atom+xml")});
        }
        long givenBefore = answers.given();
        for (Object[] read : reads) {
            String url = (String) read[0];
            String[] headers = (String[]) read[1];
            Response first = get(url, headers);
            Response again = get(url, headers);
            assertThat(first.status()).as(url).isEqualTo(200);
            assertThat(again.body()).as(url + " " + String.join(" ", headers)).isEqualTo(first.body());
            assertThat(withoutPerRequestHeaders(again)).as(url).isEqualTo(withoutPerRequestHeaders(first));
            assertThat(again.header("x-ms-request-id")).isNotBlank().isNotEqualTo(first.header("x-ms-request-id"));
        }
        // nothing else writes while the suite's tests run one at a time: every second read was a kept answer
        assertThat(answers.given() - givenBefore).isEqualTo(reads.size());
    }

    private static Map<String, List<String>> withoutPerRequestHeaders(Response response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        headers.remove("x-ms-request-id");
        headers.remove("date");
        headers.remove("connection"); // Tomcat's: it closes a connection after its 100th request
        headers.remove("keep-alive");
        return headers;
    }

    @Test
    void aCountIsAnsweredAgainUntilAWriteChangesIt() {
        for (String[] headers : List.of(new String[] {"Accept", "text/plain"}, v3("Accept", "text/plain"))) {
            String count = vmm(FABRIKAM) + "/Services/$count?$filter=" + encode("Name ne 'x'");
            long given = answers.given();
            Response first = get(count, headers);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            Response again = get(count, headers);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(withoutPerRequestHeaders(again)).isEqualTo(withoutPerRequestHeaders(first));
            assertThat(answers.given() - given).isEqualTo(1);

            jdbc.update("UPDATE services SET name = 'x' WHERE id = ?", java.util.UUID.fromString(WEB_STORE_SERVICE));
            assertThat(Long.parseLong(get(count, headers).body().trim()))
                    .isEqualTo(Long.parseLong(first.body().trim()) - 1);
            backToTheFixtures();
        }
        // Jobs too: a count moves no job (a read of Jobs, which may, is never kept)
        String jobs = vmm(FABRIKAM) + "/Jobs/$count";
        long given = answers.given();
        assertThat(get(jobs, "Accept", "text/plain").body()).isEqualTo(get(jobs, "Accept", "text/plain").body());
        assertThat(answers.given() - given).isEqualTo(1);
    }

    @Test
    void aWriteThroughTheApiIsSeenByTheNextRead() {
        get(webStore());
        assertThat(get(webStore()).json().get("Description").asText()).isNotEqualTo("changed");
        assertThat(send("PATCH", webStore(), "{\"Description\":\"changed\"}").status()).isEqualTo(204);
        assertThat(get(webStore()).json().get("Description").asText()).isEqualTo("changed");
    }

    @Test
    void aWriteOutsideAnyRequestAndAResetAreSeenByTheNextRead() {
        String original = get(webStore()).json().get("Description").asText();
        get(webStore());
        jdbc.update("UPDATE services SET description = 'written by SQL' WHERE id = ?",
                java.util.UUID.fromString(WEB_STORE_SERVICE));
        assertThat(get(webStore()).json().get("Description").asText()).isEqualTo("written by SQL");
        assertThat(send("POST", base + "/_localpack/reset/" + FABRIKAM, null).status()).isEqualTo(200);
        assertThat(get(webStore()).json().get("Description").asText()).isEqualTo(original);
    }

    @Test
    void aSnapshotRestoredIsSeenByTheNextRead() {
        String snapshot = send("GET", base + "/_localpack/snapshot?subscription=" + FABRIKAM, null).body();
        assertThat(send("PATCH", webStore(), "{\"Description\":\"before the restore\"}").status()).isEqualTo(204);
        assertThat(get(webStore()).json().get("Description").asText()).isEqualTo("before the restore");
        assertThat(get(webStore()).json().get("Description").asText()).isEqualTo("before the restore");
        assertThat(send("POST", base + "/_localpack/restore", snapshot, "Content-Type", "application/sql").status())
                .isEqualTo(200);
        assertThat(get(webStore()).json().get("Description").asText()).isNotEqualTo("before the restore");
    }

    @Test
    void anotherTenantAskingForAKeptAnswerGetsWhatAMissingServiceGets() {
        assertThat(get(webStore()).status()).isEqualTo(200);
        assertThat(get(webStore()).status()).isEqualTo(200);
        String asContoso = vmm(CONTOSO) + "/" + serviceKey(WEB_STORE_SERVICE, EAST_STAMP);
        String missing = vmm(CONTOSO) + "/" + serviceKey("00000000-0000-0000-0000-00000000abcd", EAST_STAMP);
        Response other = get(asContoso);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Fabrikam")
                .isEqualTo(get(missing).body().replace("00000000-0000-0000-0000-00000000abcd", WEB_STORE_SERVICE));
    }

    @Test
    void anAsmDeploymentIsAnsweredAgainUntilItChangesAndNeverToAnotherSubscription() {
        String slot = "/services/hostedservices/" + ASM_SERVICE + "/deploymentslots/Production";
        Response first = get(base + "/" + FABRIKAM + slot, "x-ms-version", "2014-06-01");
        long given = answers.given();
        Response again = get(base + "/" + FABRIKAM + slot, "x-ms-version", "2014-06-01");
        assertThat(answers.given()).isEqualTo(given + 1);
        assertThat(again.body()).isEqualTo(first.body()).contains("<Status>Running</Status>");
        assertThat(withoutPerRequestHeaders(again)).isEqualTo(withoutPerRequestHeaders(first));
        assertThat(again.header("x-ms-request-id")).matches("[0-9a-f]{32}")
                .isNotEqualTo(first.header("x-ms-request-id"));

        Response other = get(base + "/" + CONTOSO + slot, "x-ms-version", "2014-06-01");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("ResourceNotFound").doesNotContain("<Deployment");

        jdbc.update("UPDATE asm_deployments SET status = 'Suspended' WHERE name = ?", ASM_PRODUCTION_DEPLOYMENT);
        assertThat(get(base + "/" + FABRIKAM + slot, "x-ms-version", "2014-06-01").body())
                .contains("<Status>Suspended</Status>");
    }

    /** PostgreSQL's job claim: one statement that changes rows and returns them (H2 has no such statement). */
    @Test
    void onPostgresAChangeThatReturnsRowsMovesTheVersionWhenARowComesBack() {
        assumeTrue(TestDatabase.isPostgresSuite(), "WITH … UPDATE … RETURNING is PostgreSQL's (the PostgreSQL suite)");
        String claim = "WITH picked AS (SELECT id FROM stamps WHERE id = ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE stamps SET name = name FROM picked WHERE stamps.id = picked.id RETURNING stamps.id";
        long before = version.current().orElseThrow();
        assertThat(jdbc.queryForList(claim, java.util.UUID.class, java.util.UUID.randomUUID())).isEmpty();
        assertThat(version.current().orElseThrow()).isEqualTo(before);
        assertThat(jdbc.queryForList(claim, java.util.UUID.class, java.util.UUID.fromString(WEST_STAMP))).hasSize(1);
        assertThat(version.current().orElseThrow()).isGreaterThan(before);
    }

    @Test
    void errorsAndStatusReadsOfJobsAreNotKept() {
        int kept = answers.size();
        long given = answers.given();
        String missing = vmm(FABRIKAM) + "/" + serviceKey("00000000-0000-0000-0000-00000000abcd", EAST_STAMP);
        assertThat(get(missing).status()).isEqualTo(404);
        assertThat(get(missing).status()).isEqualTo(404);
        assertThat(get(vmm(FABRIKAM) + "/Jobs").status()).isEqualTo(200);
        assertThat(get(vmm(FABRIKAM) + "/Jobs").status()).isEqualTo(200);
        assertThat(answers.given()).isEqualTo(given);
        assertThat(answers.size()).isLessThanOrEqualTo(kept);
    }
}
