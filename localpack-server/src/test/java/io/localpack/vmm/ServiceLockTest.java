package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEBSITE_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With no runner on this instance, jobs stay queued: what a client sees while a job holds the service. */
@TestPropertySource(properties = "localpack.jobs.enabled=false")
class ServiceLockTest extends HttpTestSupport {

    @Test
    void aSecondOperationWhileAJobHoldsTheServiceIs409WithVmmError2602() {
        String url = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);
        Response stop = send("PUT", url + "?RunAsynchronously=1", "{\"Operation\":\"Stop\"}");
        assertThat(stop.status()).isEqualTo(204);
        String jobId = stop.header("x-ms-request-id");
        var stopping = get(url, "Accept", "application/json").json();
        assertThat(stopping.get("ServiceStatus").asText()).isEqualTo("Stopping");

        var before = databaseSnapshot();
        Response second = send("PUT", url, "{\"Operation\":\"Start\",\"Name\":\"changed\"}", "Accept",
                "application/json");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error").get("code").asText()).isEqualTo("2602");
        assertThat(second.json().get("error").get("message").asText()).contains(jobId);
        assertThat(databaseSnapshot()).isEqualTo(before);

        var job = get(vmm(FABRIKAM) + "/Jobs?$filter=ID eq guid'" + jobId + "'", "Accept", "application/json").json()
                .get("value").get(0);
        assertThat(job.get("Status").asText()).isEqualTo("Running");
        assertThat(job.get("IsCompleted").asBoolean()).isFalse();
    }

    @Test
    void whileATemplateUpdateIsQueuedThePendingReleaseShows() {
        String url = vmm(FABRIKAM) + "/" + serviceKey(WEB_STORE_SERVICE, EAST_STAMP);
        Response update = send("PUT", url + "?RunAsynchronously=1", "{\"ServiceTemplateId\":\"" + WEBSITE_TEMPLATE_2
                + "\"}", "Prefer", "return-content", "Accept", "application/json");
        assertThat(update.status()).isEqualTo(200);
        var service = update.json();
        assertThat(service.get("PendingServiceTemplatePresent").asBoolean()).isTrue();
        assertThat(service.get("PendingServiceTemplateRelease").asText()).isEqualTo("2.0");
        assertThat(service.get("PendingServiceSettings")).hasSize(3);
        assertThat(service.get("ServiceTemplateRelease").asText()).isEqualTo("1.0");
        var pending = get(url + "/PendingServiceTemplate", "Accept", "application/json").json();
        assertThat(pending.get("ID").asText()).isEqualTo(WEBSITE_TEMPLATE_2);
    }

    @Test
    void createWithRunAsynchronouslyAnswers201WhileTheServiceIsDeploying() {
        Response created = send("POST", vmm(FABRIKAM) + "/Services?RunAsynchronously=1", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"Async deploy",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"e"},{"Name":"Infrastructure","Value":"i"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1), "Accept", "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("DeploymentState").asText()).isEqualTo("Deploying");
        assertThat(created.header("x-ms-request-id")).isNotBlank();
    }
}
