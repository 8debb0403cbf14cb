package io.localpack.asm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.asm.domain.CloudServiceException;
import io.localpack.jobs.JobError;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ASM web layer, not the domain, says which status a refusal or a failed operation has. */
class AsmErrorTest {

    @Test
    void refusalsGetTheStatusOfTheirCode() {
        assertThat(AsmError.statusOf(CloudServiceException.badRequest("x"))).isEqualTo(400);
        assertThat(AsmError.statusOf(CloudServiceException.invalid("InvalidXmlRequest", "x"))).isEqualTo(400);
        assertThat(AsmError.statusOf(CloudServiceException.notFound("x"))).isEqualTo(404);
        assertThat(AsmError.statusOf(CloudServiceException.conflict("x"))).isEqualTo(409);
        assertThat(AsmError.statusOf(CloudServiceException.unknownSubscription(UUID.randomUUID()))).isEqualTo(403);
    }

    @Test
    void anUndocumentedCodeGetsTheStatusOfItsKind() {
        assertThat(AsmError.statusOf(new CloudServiceException(CloudServiceException.Kind.CONFLICT, "Other", "x")))
                .isEqualTo(409);
    }

    @Test
    void aFailedOperationKeepsTheStatusItsJobSetElseItsCodes() {
        assertThat(AsmError.statusOf(JobError.coded("ConflictError", "raced"))).isEqualTo(409);
        assertThat(AsmError.statusOf(JobError.coded("OperationTimedOut", "late"))).isEqualTo(500);
        assertThat(AsmError.statusOf(JobError.coded("SomethingElse", "?"))).isEqualTo(500);
        assertThat(AsmError.statusOf(JobError.of(1, "ServerBusy", "busy", "").withHttpStatus(503))).isEqualTo(503);
    }
}
