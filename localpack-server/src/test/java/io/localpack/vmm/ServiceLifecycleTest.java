package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEBSITE_TEMPLATE_2;
import static io.localpack.testsupport.Fixtures.WEB_FARM_TEMPLATE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;

/** Start, Stop, template update, deploy and delete as jobs, followed the way SPF clients follow them. */
class ServiceLifecycleTest extends HttpTestSupport {

    private String url(String id, String stamp) {
        return vmm(FABRIKAM) + "/" + serviceKey(id, stamp);
    }

    private JsonNode service(String id, String stamp) {
        return get(url(id, stamp), "Accept", "application/json").json();
    }

    private java.util.List<String> machineStatuses(String serviceId) {
        java.util.List<String> statuses = new java.util.ArrayList<>();
        get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'" + serviceId + "'", "Accept",
                "application/json").json().get("value").forEach(vm -> statuses.add(vm.get("Status").asText()));
        return statuses;
    }

    @Test
    void stopWithRunAsynchronouslyAnswersAtOnceAndTheJobStopsTheService() {
        String id = createGateway("Stop me");
        Response stop = send("PUT", url(id, WEST_STAMP) + "?RunAsynchronously=1", "{\"Operation\":\"Stop\"}",
                "x-ms-principal-id", "[tenant@fabrikam.com]");
        assertThat(stop.status()).isEqualTo(204);
        String jobId = stop.header("x-ms-request-id");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("StatusString").asText()).isEqualTo("Completed");
        assertThat(job.get("ProgressValue").asInt()).isEqualTo(100);
        assertThat(job.get("Progress").asText()).isEqualTo("100 %");
        assertThat(job.get("Name").asText()).isEqualTo("Stop service");
        assertThat(job.get("Owner").asText()).isEqualTo("tenant@fabrikam.com");
        assertThat(job.get("TargetObjectID").asText()).isEqualTo(id);
        assertThat(job.get("ErrorInfo").get("IsSuccess").asBoolean()).isTrue();
        assertThat(job.get("ErrorInfo").get("Code").asText()).isEqualTo("Success");
        assertThat(service(id, WEST_STAMP).get("ServiceStatus").asText()).isEqualTo("Stopped");
        assertThat(machineStatuses(id)).isNotEmpty().containsOnly("PowerOff");

        Response byKey = get(vmm(FABRIKAM) + "/Jobs(ID=guid'" + jobId + "',StampId=guid'" + WEST_STAMP + "')",
                "Accept", "application/json");
        assertThat(byKey.status()).isEqualTo(200);
        assertThat(get(vmm(CONTOSO) + "/Jobs(ID=guid'" + jobId + "',StampId=guid'" + WEST_STAMP + "')").status())
                .isEqualTo(404);

        Response start = send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Start\"}");
        assertThat(start.status()).isEqualTo(204);
        assertThat(service(id, WEST_STAMP).get("ServiceStatus").asText()).isEqualTo("OK");
        assertThat(machineStatuses(id)).isNotEmpty().containsOnly("Running");
        var machine = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'" + id + "'", "Accept",
                "application/json").json().get("value").get(0);
        assertThat(machine.get("MostRecentTaskId").asText()).isEqualTo(start.header("x-ms-request-id"));
    }

    @Test
    void startingARunningServiceIsAJobWithNothingToDo() {
        String id = createGateway("Already running");
        Response start = send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Start\"}");
        assertThat(start.status()).isEqualTo(204);
        assertThat(awaitJob(start.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        assertThat(service(id, WEST_STAMP).get("ServiceStatus").asText()).isEqualTo("OK");
    }

    @Test
    void anUnknownOperationIsRefusedListingTheAcceptedOnes() {
        String id = createGateway("Bad operation");
        var before = databaseSnapshot();
        Response response = send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Reboot\"}", "Accept", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText()).contains("Reboot", "Start", "Stop");
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void aNewTemplateReleaseUpdatesTheService() {
        String id = createGateway("Upgrade me");
        Response update = send("PUT", url(id, WEST_STAMP),
                "{\"ServiceTemplateId\":\"" + GATEWAY_TEMPLATE_2 + "\"}", "Prefer", "return-content",
                "Accept", "application/json");
        assertThat(update.status()).isEqualTo(200);
        JsonNode service = update.json();
        assertThat(service.get("ServiceTemplateId").asText()).isEqualTo(GATEWAY_TEMPLATE_2);
        assertThat(service.get("ServiceTemplateRelease").asText()).isEqualTo("2.0");
        assertThat(service.get("PendingServiceTemplatePresent").asBoolean()).isFalse();
        assertThat(service.get("DeploymentState").asText()).isEqualTo("Deployed");
        assertThat(service.get("ServiceSettings").get(0).get("Value").asText()).isEqualTo("net-ext");
        JsonNode job = awaitJob(update.header("x-ms-request-id"));
        assertThat(job.get("Name").asText()).isEqualTo("Perform servicing on a service");
    }

    @Test
    void templatesOfAnotherFamilyStampOrNoneAreRefused() {
        String id = createGateway("Wrong upgrade");
        var before = databaseSnapshot();
        for (String template : new String[] {WEBSITE_TEMPLATE_2, "12345678-1234-1234-1234-123456789012",
            WEB_FARM_TEMPLATE}) {
            Response response = send("PUT", url(id, WEST_STAMP), "{\"ServiceTemplateId\":\"" + template + "\"}",
                    "Accept", "application/json");
            assertThat(response.status()).as(template).isEqualTo(400);
            assertThat(response.json().get("error").get("message").asText()).contains(template);
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void aFaultRuleFailsTheJobTheWayVmmShowsIt() {
        String id = createGateway("Fail me");
        Response rule = send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.stop","targetObjectId":"%s","errorCode":20413,
                 "message":"The virtual machine could not be stopped.","times":"once"}""".formatted(id));
        assertThat(rule.status()).isIn(200, 201);

        Response stop = send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Stop\"}", "Accept", "application/json");
        assertThat(stop.status()).isEqualTo(500);
        assertThat(stop.json().get("error").get("code").asText()).isEqualTo("20413");
        assertThat(stop.json().get("error").get("message").asText()).contains("could not be stopped");
        String jobId = stop.header("x-ms-request-id");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        assertThat(job.get("ErrorInfo").get("ErrorCodeString").asText()).isEqualTo("20413");
        assertThat(job.get("ErrorInfo").get("IsSuccess").asBoolean()).isFalse();
        JsonNode service = service(id, WEST_STAMP);
        assertThat(service.get("FailedJobID").asText()).isEqualTo(jobId);
        assertThat(service.get("ServiceStatus").asText()).isEqualTo("Failed");
        assertThat(service.get("OverallStatus").asText()).isEqualTo("NeedsAttention");

        // once: the next stop succeeds
        assertThat(send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        assertThat(service(id, WEST_STAMP).get("ServiceStatus").asText()).isEqualTo("Stopped");
    }

    @Test
    void aFaultRuleMatchesServiceJobsByTemplate() {
        assertThat(send("POST", base + "/_localpack/faults", """
                {"operation":"vmm.service.*","templateId":"%s","errorCode":21400,
                 "message":"Placement found no suitable host.","times":"once"}""".formatted(GATEWAY_TEMPLATE_2))
                .status()).isIn(200, 201);
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"Unplaceable",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"e"},{"Name":"Infrastructure","Value":"i"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_2), "Accept", "application/json");
        assertThat(created.status()).isEqualTo(500);
        assertThat(created.json().get("error").get("code").asText()).isEqualTo("21400");
        JsonNode job = awaitJob(created.header("x-ms-request-id"));
        String id = job.get("TargetObjectID").asText();
        JsonNode service = service(id, WEST_STAMP);
        assertThat(service.get("DeploymentState").asText()).isEqualTo("DeploymentFailed");
        assertThat(service.get("FailedJobID").asText()).isEqualTo(job.get("ID").asText());
    }

    @Test
    void deployIsAJobAndDeleteNeedsAStoppedService() {
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"Deployed by job",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"e"},{"Name":"Infrastructure","Value":"i"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1), "Accept", "application/json");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("ID").asText();
        JsonNode deployJob = awaitJob(created.header("x-ms-request-id"));
        assertThat(deployJob.get("Name").asText()).isEqualTo("Create service instance");
        assertThat(service(id, WEST_STAMP).get("DeploymentState").asText()).isEqualTo("Deployed");
        assertThat(machineStatuses(id)).hasSize(2).containsOnly("Running");

        var before = databaseSnapshot();
        Response refused = send("DELETE", url(id, WEST_STAMP), null, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("message").asText()).contains("not stopped");
        assertThat(databaseSnapshot()).isEqualTo(before);

        assertThat(send("PUT", url(id, WEST_STAMP), "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        Response deleted = send("DELETE", url(id, WEST_STAMP), null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(awaitJob(deleted.header("x-ms-request-id")).get("Name").asText())
                .isEqualTo("Remove service instance");
        assertThat(get(url(id, WEST_STAMP)).status()).isEqualTo(404);
        assertThat(machineStatuses(id)).isEmpty();
    }
}
