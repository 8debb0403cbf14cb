package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.asm.domain.AsmRequests;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.LocalPackServerTest;
import io.localpack.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads' request records are held back and written in batches ({@link AsmRequests}): found at once by Get Operation
 * Status, written with the next batch, written before the control plane resets or copies the state (so none
 * outlives a reset), never shown to another subscription. The batch waits 5 s here instead of 20 ms, so that what a
 * test sees right after a read is the held-back record and not a batch that happened to be written already; only
 * the newest 4 reads are kept instead of 10,000.
 */
@LocalPackServerTest
@TestPropertySource(properties = {"localpack.test.context=asm-read-records", "localpack.asm.read-records-delay=5s",
    "localpack.asm.read-records-kept=4"})
class AsmReadRecordsTest extends AsmTestSupport {

    private static final List<String> TABLES = List.of("asm_requests", "asm_read_requests");

    @Autowired AsmRequests requests;

    @Test
    void aReadIsFoundAtOnceAndWrittenWithTheNextBatch() throws Exception {
        String id;
        // holding the writer's monitor (flush is synchronized) keeps a batch queued by an earlier test from being
        // written between the read and the count below
        synchronized (requests) {
            id = requestId(get("/" + FABRIKAM + "/services/hostedservices"));
            assertThat(rows(id)).as("held back, not written yet").isZero();
            assertThat(operationStatus(id)).isEqualTo("Succeeded");
            // another tenant's read is missing to this one, held back or written
            assertError(get("/" + CONTOSO + "/operations/" + id), 404, "ResourceNotFound");
        }

        Await.until("the read's record to be written", () -> rows(id), n -> n == 1);
        assertThat(rows("asm_read_requests", id)).as("in the reads' own table").isEqualTo(1);
        assertThat(operationStatus(id)).isEqualTo("Succeeded");
        assertError(get("/" + CONTOSO + "/operations/" + id), 404, "ResourceNotFound");
    }

    @Test
    void aWriteIsRecordedAtOnce() throws Exception {
        HttpResponse<String> refused = send("DELETE", "/" + FABRIKAM + "/services/hostedservices/" + SERVICE, null);
        assertError(refused, 409, "ConflictError"); // it has deployments
        assertThat(rows("asm_requests", requestId(refused))).isEqualTo(1);
        assertThat(rows("asm_read_requests", requestId(refused))).isZero();
    }

    @Test
    void aResetWritesTheHeldBackReadsFirstSoNoneOutlivesIt() throws Exception {
        String id = requestId(get("/" + FABRIKAM + "/services/hostedservices"));
        assertThat(operationStatus(id)).isEqualTo("Succeeded");

        HttpResponse<String> reset = TestHttp.send("POST", url("/_localpack/reset/" + FABRIKAM), null, List.of());
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);

        // written and then removed by the reset: neither held back nor in the table
        assertThat(rows(id)).isZero();
        assertError(get("/" + FABRIKAM + "/operations/" + id), 404, "ResourceNotFound");
    }

    @Test
    void aSnapshotHoldsTheReadsAnsweredBeforeIt() throws Exception {
        String id = requestId(get("/" + FABRIKAM + "/services/hostedservices"));
        HttpResponse<String> snapshot = TestHttp.send("GET", url("/_localpack/snapshot?subscription=" + FABRIKAM), null,
                List.of());
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
        assertThat(snapshot.body()).contains(uuid(id).toString());
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void aReadOfAnUnknownSubscriptionIsNotKept() throws Exception {
        String unknown = UUID.randomUUID().toString();
        HttpResponse<String> refused = get("/" + unknown + "/services/hostedservices");
        assertThat(refused.statusCode()).isEqualTo(403); // the subscription is not one the caller may use
        requests.flush();
        assertThat(rows(requestId(refused))).isZero();
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE subscription_id = ?",
                    Integer.class, UUID.fromString(unknown))).isZero();
        }
    }

    @Test
    void onlyTheNewestReadsAreKept() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(requestId(get("/" + FABRIKAM + "/services/hostedservices")));
            requests.flush(); // a batch of one read each time
        }
        for (String id : ids.subList(6, 10)) {
            assertThat(rows(id)).as("one of the newest 4").isEqualTo(1);
            assertThat(operationStatus(id)).isEqualTo("Succeeded");
        }
        for (String id : ids.subList(0, 5)) {
            assertThat(rows(id)).as("an old read").isZero();
            assertError(get("/" + FABRIKAM + "/operations/" + id), 404, "ResourceNotFound");
        }
        // a write's record is not a read's: kept
        HttpResponse<String> refused = send("DELETE", "/" + FABRIKAM + "/services/hostedservices/" + SERVICE, null);
        for (int i = 0; i < 10; i++) {
            get("/" + FABRIKAM + "/services/hostedservices");
            requests.flush();
        }
        assertThat(rows(requestId(refused))).isEqualTo(1);
    }

    @Test
    void aReadWhoseKeyIsTakenIsTheOnlyOneOfItsBatchNotKept() {
        // a read's record is keyed by its id's first 64 bits: two random ids share them about once in 10^15 reads
        UUID first = UUID.randomUUID();
        UUID twin = new UUID(first.getMostSignificantBits(), first.getLeastSignificantBits() ^ 1);
        UUID other = UUID.randomUUID();
        synchronized (requests) {
            for (UUID id : List.of(first, twin, other)) {
                requests.record(read(id));
            }
            requests.flush();
        }
        // the batch is written in no set order: one of the twins is kept, whichever came first
        assertThat(Stream.of(first, twin).filter(id -> requests.find(uuid(FABRIKAM), id).isPresent())).hasSize(1);
        assertThat(requests.find(uuid(FABRIKAM), other)).as("the rest of the batch is kept").isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_read_requests WHERE request_id IN (?, ?, ?)",
                Integer.class, first, twin, other)).isEqualTo(2);
    }

    private static AsmRequests.Finished read(UUID id) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        return new AsmRequests.Finished(id, uuid(FABRIKAM), "GET", "ListHostedServices",
                "/" + FABRIKAM + "/services/hostedservices", 200, null, null, null, null, "127.0.0.1", now, now);
    }

    /** The request's records in both tables. */
    private int rows(String requestId) {
        return TABLES.stream().mapToInt(table -> rows(table, requestId)).sum();
    }

    private int rows(String table, String requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE request_id = ?", Integer.class,
                uuid(requestId));
    }

    /** An x-ms-request-id (32 hex digits) as the UUID it is. */
    private static UUID uuid(String requestId) {
        return UUID.fromString(requestId.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5"));
    }
}
