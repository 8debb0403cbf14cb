package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.LocalPackServerTest;
import io.localpack.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

@LocalPackServerTest
@TestPropertySource(properties = AsmTestSupport.ASM_CONTEXT)
class AsmApiTest extends AsmTestSupport {

    static final String SVC_PATH = "/" + FABRIKAM + "/services/hostedservices/" + SERVICE;

    // ---- reads -------------------------------------------------------------------------------------------

    @Test
    void listsTheSubscriptionsHostedServices() throws Exception {
        HttpResponse<String> r = get("/" + FABRIKAM + "/services/hostedservices");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        Element root = xml(r.body());
        assertThat(root.getLocalName()).isEqualTo("HostedServices");
        List<Element> services = children(root, "HostedService");
        assertThat(services).hasSize(1);
        assertThat(text(services.get(0), "ServiceName")).isEqualTo(SERVICE);
        assertThat(text(services.get(0), "Url")).endsWith("/" + FABRIKAM + "/services/hostedservices/" + SERVICE);
        assertThat(text(services.get(0), "HostedServiceProperties/Location")).isEqualTo("West Europe");
        assertThat(decode(text(services.get(0), "HostedServiceProperties/Label"))).isEqualTo("Fabrikam web front end");
        assertThat(text(services.get(0), "HostedServiceProperties/DateCreated")).isEqualTo("2014-10-27T11:24:18Z");
        assertThat(element(services.get(0), "Deployments")).isNull();
        assertThat(get("/" + FABRIKAM + "/services/hostedservices/").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSubscriptionSeesNothingOfFabrikam() throws Exception {
        assertThat(children(xml(get("/" + CONTOSO + "/services/hostedservices").body()), "HostedService")).isEmpty();
        assertError(get("/" + CONTOSO + "/services/hostedservices/" + SERVICE), 404, "ResourceNotFound");
        assertError(get("/" + CONTOSO + "/services/hostedservices/" + SERVICE + "/deploymentslots/Production"),
                404, "ResourceNotFound");
        int jobs = jobCount();
        assertError(send("POST", "/" + CONTOSO + "/services/hostedservices/" + SERVICE
                + "/deploymentslots/Production/?comp=status", statusBody("Suspended")), 404, "ResourceNotFound");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @Test
    void unknownOrMalformedSubscription() throws Exception {
        assertError(get("/00000000-0000-0000-0000-000000000001/services/hostedservices"), 403, "AuthenticationFailed");
        assertError(get("/not-a-guid/services/hostedservices"), 400, "BadRequest");
    }

    @Test
    void getsAHostedServiceWithEmbeddedDeployments() throws Exception {
        Element plain = xml(get(SVC_PATH).body());
        assertThat(element(plain, "Deployments")).isNull();
        assertThat(text(plain, "HostedServiceProperties/Status")).isEqualTo("Created");
        assertThat(text(plain, "HostedServiceProperties/ExtendedProperties/ExtendedProperty/Name"))
                .isEqualTo("ResourceGroup");

        Element detailed = xml(get(SVC_PATH + "?embed-detail=true").body());
        List<Element> deployments = children(element(detailed, "Deployments"), "Deployment");
        assertThat(deployments).extracting(d -> text(d, "DeploymentSlot")).containsExactly("Production", "Staging");
        assertThat(deployments).extracting(d -> text(d, "Name")).containsExactly(PRODUCTION, STAGING);
        assertError(get(SVC_PATH + "?embed-detail=maybe"), 400, "MissingOrInvalidRequiredQueryParameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deploymentslots/Production", "/deploymentslots/production/", "/deploymentslots/PRODUCTION",
            "/deployments/" + PRODUCTION, "/deployments/" + PRODUCTION + "/"})
    void getsTheProductionDeploymentBySlotInAnyCaseOrByName(String suffix) throws Exception {
        HttpResponse<String> r = get(SVC_PATH + suffix);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Element d = xml(r.body());
        assertThat(d.getLocalName()).isEqualTo("Deployment");
        assertThat(text(d, "Name")).isEqualTo(PRODUCTION);
        assertThat(text(d, "DeploymentSlot")).isEqualTo("Production");
        assertThat(text(d, "PrivateID")).matches("[0-9a-f]{32}");
        assertThat(text(d, "Status")).isEqualTo("Running");
        assertThat(decode(text(d, "Label"))).isEqualTo("Release 2014-10");
        assertThat(text(d, "Url")).isEqualTo("http://fabrikam-web.cloudapp.net/");
        assertThat(decode(text(d, "Configuration"))).contains("<ServiceConfiguration");
        List<Element> instances = children(element(d, "RoleInstanceList"), "RoleInstance");
        assertThat(instances).extracting(i -> text(i, "InstanceName"))
                .containsExactly("WebRole1_IN_0", "WebRole1_IN_1", "WorkerRole1_IN_0");
        assertThat(instances).allSatisfy(i -> {
            assertThat(text(i, "InstanceStatus")).isEqualTo("ReadyRole");
            assertThat(text(i, "PowerState")).isEqualTo("Started");
        });
        assertThat(children(element(d, "RoleList"), "Role")).extracting(r2 -> text(r2, "RoleName"))
                .containsExactly("WebRole1", "WorkerRole1");
        assertThat(text(d, "UpgradeDomainCount")).isEqualTo("2");
        assertThat(text(d, "Locked")).isEqualTo("false");
        assertThat(text(d, "CreatedTime")).isEqualTo("2014-10-27T11:30:00Z");
    }

    @Test
    void stagingDeploymentIsSpelledStaging() throws Exception {
        Element d = xml(get(SVC_PATH + "/deploymentslots/staging").body());
        assertThat(text(d, "DeploymentSlot")).isEqualTo("Staging");
        assertThat(text(d, "Status")).isEqualTo("Suspended");
    }

    @Test
    void missingDeploymentsAndServicesAre404() throws Exception {
        assertThat(assertError(get(SVC_PATH + "/deployments/nope"), 404, "ResourceNotFound"))
                .isEqualTo("No deployments were found.");
        assertError(get("/" + FABRIKAM + "/services/hostedservices/nope"), 404, "ResourceNotFound");
        assertError(get("/" + FABRIKAM + "/services/hostedservices/nope/deploymentslots/Production"), 404,
                "ResourceNotFound");
        assertError(get(SVC_PATH + "/deploymentslots/Testing"), 400, "BadRequest");
        jdbc.update("DELETE FROM asm_deployments WHERE name = ?", STAGING);
        assertThat(assertError(get(SVC_PATH + "/deploymentslots/Staging"), 404, "ResourceNotFound"))
                .isEqualTo("No deployments were found.");
    }

    @Test
    void wrongVerbAndUnknownPathAnswerInAsmXml() throws Exception {
        int jobs = jobCount();
        assertError(send("PATCH", SVC_PATH + "/deploymentslots/Production", statusBody("Suspended")), 400,
                "InvalidHttpVerb");
        assertError(send("PUT", SVC_PATH + "/deploymentslots/Production/?comp=status", statusBody("Suspended")), 400,
                "InvalidHttpVerb");
        assertError(send("DELETE", "/" + FABRIKAM + "/operations/" + "a".repeat(32), null), 400, "InvalidHttpVerb");
        assertError(get(SVC_PATH + "/deploymentslots/Production/nothing/here"), 404, "ResourceNotFound");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    // ---- versions ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "2015-4-1", "yesterday", "2009-09-30", "2017-01-02", "2015-02-30"})
    void badVersionHeaderIs400AndChangesNothing(String version) throws Exception {
        int jobs = jobCount();
        String[] header = version.isEmpty() ? new String[] {"-no-version"} : new String[] {"x-ms-version", version};
        assertError(send("GET", "/" + FABRIKAM + "/services/hostedservices", null, header), 400,
                "MissingOrIncorrectVersionHeader");
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status", statusBody("Suspended"),
                header), 400, "MissingOrIncorrectVersionHeader");
        assertError(send("GET", "/" + FABRIKAM + "/operations/" + "0".repeat(32), null, header), 400,
                "MissingOrIncorrectVersionHeader");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009-10-01", "2012-03-01", "2015-04-01", "2017-01-01"})
    void supportedVersionsAreAccepted(String version) throws Exception {
        assertThat(send("GET", "/" + FABRIKAM + "/services/hostedservices", null, "x-ms-version", version)
                .statusCode()).isEqualTo(200);
    }

    // ---- update deployment status --------------------------------------------------------------------------

    @Test
    void suspendAndResumeBySlotThroughOperationStatus() throws Exception {
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Suspended"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Length")).hasValue("0");
        Element op = awaitOperation(FABRIKAM, requestId(r));
        assertThat(text(op, "ID")).isEqualTo(hyphenate(requestId(r)));
        assertThat(text(op, "Status")).isEqualTo("Succeeded");
        assertThat(text(op, "HttpStatusCode")).isEqualTo("200");
        assertThat(element(op, "Error")).isNull();

        Element d = xml(get(SVC_PATH + "/deploymentslots/Production").body());
        assertThat(text(d, "Status")).isEqualTo("Suspended");
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance")).allSatisfy(i -> {
            assertThat(text(i, "InstanceStatus")).isEqualTo("StoppedVM");
            assertThat(text(i, "PowerState")).isEqualTo("Stopped");
        });

        HttpResponse<String> resume = send("POST", SVC_PATH + "/deploymentslots/production?comp=status",
                statusBody("Running"));
        assertThat(resume.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(resume)), "Status")).isEqualTo("Succeeded");
        d = xml(get(SVC_PATH + "/deploymentslots/Production").body());
        assertThat(text(d, "Status")).isEqualTo("Running");
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance")).allSatisfy(i -> {
            assertThat(text(i, "InstanceStatus")).isEqualTo("ReadyRole");
            assertThat(text(i, "PowerState")).isEqualTo("Started");
        });
    }

    @Test
    void resumeByNameWithoutTrailingSlash() throws Exception {
        HttpResponse<String> r = send("POST", SVC_PATH + "/deployments/" + STAGING + "?comp=status",
                statusBody("Running"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(r)), "Status")).isEqualTo("Succeeded");
        assertThat(deploymentStatus(STAGING)).isEqualTo("Running");
    }

    @Test
    void askingForTheCurrentStatusIsASucceedingNoOp() throws Exception {
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Running"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(r)), "Status")).isEqualTo("Succeeded");
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @Test
    void badUpdateStatusRequestsAreRefusedAndChangeNothing() throws Exception {
        String path = SVC_PATH + "/deploymentslots/Production/?comp=status";
        String ns = "xmlns=\"http://schemas.microsoft.com/windowsazure\"";
        int jobs = jobCount();
        assertError(send("POST", path, statusBody("Stopped")), 400, "BadRequest");
        assertError(send("POST", path, statusBody("suspended")), 400, "BadRequest");
        assertError(send("POST", path, "<UpdateDeploymentStatus " + ns + "/>"), 400, "BadRequest");
        assertError(send("POST", path, "<UpdateDeploymentStatus " + ns + "><Status>"), 400, "InvalidXmlRequest");
        assertError(send("POST", path, "<Swap " + ns + "><Status>Suspended</Status></Swap>"), 400,
                "InvalidXmlRequest");
        assertError(send("POST", path, ""), 400, "InvalidXmlRequest");
        assertError(send("POST", path, "<UpdateDeploymentStatus xmlns=\"urn:other\"><Status>Suspended</Status>"
                + "</UpdateDeploymentStatus>"), 400, "InvalidXmlRequest");
        assertError(send("POST", SVC_PATH + "/deployments/" + PRODUCTION + "/", statusBody("Suspended")), 400,
                "MissingOrInvalidRequiredQueryParameter");
        assertError(send("POST", SVC_PATH + "/deployments/" + PRODUCTION + "/?comp=stop", statusBody("Suspended")),
                400, "MissingOrInvalidRequiredQueryParameter");
        // comp=config exists now: a status body is the wrong document for it
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/?comp=config", statusBody("Suspended")),
                400, "InvalidXmlRequest");
        assertError(send("POST", SVC_PATH + "/deployments/nope/?comp=status", statusBody("Suspended")), 404,
                "ResourceNotFound");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @Test
    void externalEntitiesAreRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>&x;</Status>"
                + "</UpdateDeploymentStatus>";
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status", xxe);
        assertError(r, 400, "InvalidXmlRequest");
        assertThat(r.body()).doesNotContain("root:");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>&b;</Status>"
                + "</UpdateDeploymentStatus>";
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status", bomb), 400,
                "InvalidXmlRequest");
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @Test
    void failedOperationByFaultRuleShowsFailedWithItsErrorAndRestoresTheDeployment() throws Exception {
        jdbc.update("DELETE FROM job_fault_rules");
        HttpResponse<String> fault = TestHttp.send("POST", url("/_localpack/faults"), """
                        {"operation":"asm.deployment.*","errorCode":1,"errorName":"InternalError",
                         "message":"The role instances could not be stopped.","atStep":1,"times":"once"}""",
                List.of("Content-Type", "application/json"));
        assertThat(fault.statusCode()).isEqualTo(201);

        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Suspended"));
        assertThat(r.statusCode()).isEqualTo(202);
        Element op = awaitOperation(FABRIKAM, requestId(r));
        assertThat(text(op, "Status")).isEqualTo("Failed");
        assertThat(text(op, "HttpStatusCode")).isEqualTo("500");
        assertThat(text(op, "Error/Code")).isEqualTo("InternalError");
        assertThat(text(op, "Error/Message")).isEqualTo("The role instances could not be stopped.");
        Element d = xml(get(SVC_PATH + "/deploymentslots/Production").body());
        assertThat(text(d, "Status")).isEqualTo("Running");
        assertThat(text(element(d, "RoleInstanceList"), "RoleInstance/InstanceStatus")).isEqualTo("ReadyRole");
    }

    // ---- operation status ----------------------------------------------------------------------------------

    @Test
    void operationStatusErrors() throws Exception {
        assertError(get("/" + FABRIKAM + "/operations/" + "a".repeat(32)), 404, "ResourceNotFound"); // never issued
        assertError(get("/" + FABRIKAM + "/operations/not-an-id"), 400, "BadRequest");
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Running"));
        awaitOperation(FABRIKAM, requestId(r));
        assertThat(get("/" + FABRIKAM + "/operations/" + hyphenate(requestId(r))).statusCode()).isEqualTo(200);
        assertError(get("/" + CONTOSO + "/operations/" + requestId(r)), 404, "ResourceNotFound");
    }

    // ---- hosted service life cycle --------------------------------------------------------------------------

    @Test
    void createUpdateCheckAndDeleteAHostedService() throws Exception {
        String base = "/" + FABRIKAM + "/services/hostedservices";
        HttpResponse<String> created = send("POST", base, createService("fabrikam-api", "West Europe"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(text(awaitOperation(FABRIKAM, requestId(created)), "HttpStatusCode")).isEqualTo("201");
        Element s = xml(get(base + "/fabrikam-api").body());
        assertThat(decode(text(s, "HostedServiceProperties/Label"))).isEqualTo("API");
        assertThat(text(s, "HostedServiceProperties/ExtendedProperties/ExtendedProperty/Value")).isEqualTo("v1");

        assertThat(text(xml(get(base + "/operations/isavailable/FABRIKAM-API").body()), "Result")).isEqualTo("false");
        assertThat(text(xml(get(base + "/operations/isavailable/fresh-name").body()), "Result")).isEqualTo("true");
        Element invalid = xml(get(base + "/operations/isavailable/-bad-").body());
        assertThat(text(invalid, "Result")).isEqualTo("false");
        assertThat(text(invalid, "Reason")).isNotBlank();
        // names are global: Contoso cannot take Fabrikam's name either
        assertThat(text(xml(get("/" + CONTOSO + "/services/hostedservices/operations/isavailable/fabrikam-api")
                .body()), "Result")).isEqualTo("false");

        HttpResponse<String> updated = send("PUT", base + "/fabrikam-api",
                "<UpdateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><Label>"
                        + encode("API v2") + "</Label><Description>new</Description></UpdateHostedService>");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        s = xml(get(base + "/fabrikam-api").body());
        assertThat(decode(text(s, "HostedServiceProperties/Label"))).isEqualTo("API v2");
        assertThat(text(s, "HostedServiceProperties/Description")).isEqualTo("new");

        assertThat(send("DELETE", base + "/fabrikam-api", null).statusCode()).isEqualTo(200);
        assertError(get(base + "/fabrikam-api"), 404, "ResourceNotFound");
    }

    @Test
    void badHostedServiceRequestsAreRefusedAndChangeNothing() throws Exception {
        String base = "/" + FABRIKAM + "/services/hostedservices";
        int jobs = jobCount();
        assertError(send("POST", base, createService(SERVICE, "West Europe")), 409, "ConflictError");
        assertError(send("POST", base, createService("-bad-", "West Europe")), 400, "BadRequest");
        assertError(send("POST", base, createService("no-location", null)), 400, "BadRequest");
        assertError(send("POST", base, "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + "<ServiceName>nolabel</ServiceName><Location>x</Location></CreateHostedService>"), 400, "BadRequest");
        assertError(send("POST", base, "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + "<ServiceName>badlabel</ServiceName><Label>@@@</Label><Location>x</Location>"
                + "</CreateHostedService>"), 400, "BadRequest");
        assertError(send("POST", base, "<nope"), 400, "InvalidXmlRequest");
        assertError(send("PUT", SVC_PATH, "<UpdateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"/>"),
                400, "BadRequest");
        assertError(send("PUT", base + "/nope", "<UpdateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + "<Description>x</Description></UpdateHostedService>"), 404, "ResourceNotFound");
        assertError(send("DELETE", SVC_PATH, null), 409, "ConflictError");
        assertError(send("DELETE", SVC_PATH + "?comp=everything", null), 400,
                "MissingOrInvalidRequiredQueryParameter");
        assertError(send("DELETE", "/" + CONTOSO + "/services/hostedservices/" + SERVICE, null), 404,
                "ResourceNotFound");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_hosted_services", Integer.class)).isEqualTo(1);
        assertThat(get(SVC_PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteWithMediaRemovesTheServiceAndItsDeployments() throws Exception {
        HttpResponse<String> r = send("DELETE", SVC_PATH + "?comp=media", null);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(r)), "Status")).isEqualTo("Succeeded");
        assertError(get(SVC_PATH), 404, "ResourceNotFound");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_deployments", Integer.class)).isZero();
    }

    // ---- deployments ---------------------------------------------------------------------------------------

    @Test
    void createDeleteAndSwapDeployments() throws Exception {
        HttpResponse<String> deleted = send("DELETE", SVC_PATH + "/deploymentslots/Staging", null);
        assertThat(deleted.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(deleted)), "Status")).isEqualTo("Succeeded");
        assertError(get(SVC_PATH + "/deploymentslots/Staging"), 404, "ResourceNotFound");

        HttpResponse<String> created = send("POST", SVC_PATH + "/deploymentslots/staging",
                createDeployment("fabrikam-web-v3", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(created)), "Status")).isEqualTo("Succeeded");
        Element d = xml(get(SVC_PATH + "/deployments/fabrikam-web-v3").body());
        assertThat(text(d, "DeploymentSlot")).isEqualTo("Staging");
        assertThat(text(d, "Status")).isEqualTo("Running");
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance")).extracting(i -> text(i, "InstanceName"))
                .containsExactly("WebRole1_IN_0", "WebRole1_IN_1", "WebRole1_IN_2");

        assertError(send("POST", SVC_PATH + "/deploymentslots/Staging", createDeployment("another", false)), 409,
                "ConflictError");

        HttpResponse<String> swapped = send("POST", SVC_PATH, "<Swap xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + "<Production>" + PRODUCTION + "</Production><SourceDeployment>fabrikam-web-v3</SourceDeployment></Swap>");
        assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(swapped)), "Status")).isEqualTo("Succeeded");
        Element prod = xml(get(SVC_PATH + "/deploymentslots/Production").body());
        assertThat(text(prod, "Name")).isEqualTo("fabrikam-web-v3");
        assertThat(text(prod, "Url")).isEqualTo("http://fabrikam-web.cloudapp.net/");
        assertThat(text(xml(get(SVC_PATH + "/deploymentslots/Staging").body()), "Name")).isEqualTo(PRODUCTION);

        HttpResponse<String> byName = send("DELETE", SVC_PATH + "/deployments/" + PRODUCTION + "/", null);
        assertThat(byName.statusCode()).isEqualTo(202);
        awaitOperation(FABRIKAM, requestId(byName));
        assertError(get(SVC_PATH + "/deployments/" + PRODUCTION), 404, "ResourceNotFound");
    }

    @Test
    void failedCreateLeavesTheSlotEmpty() throws Exception {
        jdbc.update("DELETE FROM asm_deployments WHERE name = ?", STAGING);
        jdbc.update("INSERT INTO job_fault_rules (id, operation, error_code, error_name, message, http_status, "
                + "at_step, remaining, created_time) VALUES (?, 'asm.deployment.create', 1, 'ConflictError', "
                + "'No capacity', 409, 1, 1, CURRENT_TIMESTAMP)", java.util.UUID.randomUUID());
        HttpResponse<String> created = send("POST", SVC_PATH + "/deploymentslots/Staging/",
                createDeployment("doomed", true));
        assertThat(created.statusCode()).isEqualTo(202);
        Element op = awaitOperation(FABRIKAM, requestId(created));
        assertThat(text(op, "Status")).isEqualTo("Failed");
        assertThat(text(op, "HttpStatusCode")).isEqualTo("409");
        assertThat(text(op, "Error/Code")).isEqualTo("ConflictError");
        assertThat(text(op, "Error/Message")).isEqualTo("No capacity");
        assertError(get(SVC_PATH + "/deploymentslots/Staging"), 404, "ResourceNotFound");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_role_instances r JOIN asm_deployments d "
                + "ON d.id = r.deployment_id WHERE d.name = 'doomed'", Integer.class)).isZero();
    }

    @Test
    void createdDeploymentWithoutStartIsSuspended() throws Exception {
        jdbc.update("DELETE FROM asm_deployments WHERE name = ?", STAGING);
        HttpResponse<String> created = send("POST", SVC_PATH + "/deploymentslots/Staging/",
                createDeployment("cold", false));
        assertThat(created.statusCode()).isEqualTo(202);
        awaitOperation(FABRIKAM, requestId(created));
        Element d = xml(get(SVC_PATH + "/deploymentslots/Staging").body());
        assertThat(text(d, "Status")).isEqualTo("Suspended");
        assertThat(text(element(d, "RoleInstanceList"), "RoleInstance/PowerState")).isEqualTo("Stopped");
    }

    @Test
    void badDeploymentRequestsAreRefusedAndChangeNothing() throws Exception {
        jdbc.update("DELETE FROM asm_deployments WHERE name = ?", STAGING);
        String slot = SVC_PATH + "/deploymentslots/Staging";
        int jobs = jobCount();
        String ns = "xmlns=\"http://schemas.microsoft.com/windowsazure\"";
        assertError(send("POST", slot, "<CreateDeployment " + ns + "><Name>x</Name></CreateDeployment>"), 400,
                "BadRequest");
        assertError(send("POST", slot, "<CreateDeployment " + ns + "><Name>x</Name><PackageUrl>http://p</PackageUrl>"
                + "<Label>" + encode("l") + "</Label><Configuration>" + encode("<not xml") + "</Configuration>"
                + "</CreateDeployment>"), 400, "BadRequest");
        assertError(send("POST", slot, "<CreateDeployment " + ns + "><Name>x</Name><PackageUrl>http://p</PackageUrl>"
                + "<Label>" + encode("l") + "</Label><Configuration>" + encode("<ServiceConfiguration/>")
                + "</Configuration></CreateDeployment>"), 400, "BadRequest");
        assertError(send("POST", slot, createDeployment(PRODUCTION, true)), 409, "ConflictError");
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production", createDeployment("new", true)), 409,
                "ConflictError");
        assertError(send("DELETE", slot, null), 404, "ResourceNotFound");
        assertError(send("DELETE", SVC_PATH + "/deploymentslots/Production?comp=disks", null), 400,
                "MissingOrInvalidRequiredQueryParameter");
        assertError(send("POST", SVC_PATH, "<Swap " + ns + "><SourceDeployment>nope</SourceDeployment></Swap>"), 409,
                "ConflictError");
        assertError(send("POST", SVC_PATH, "<Swap " + ns + "><Production>x</Production></Swap>"), 400, "BadRequest");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_deployments", Integer.class)).isEqualTo(1);
    }

    // ---- role instances ------------------------------------------------------------------------------------

    @Test
    void rebootAndReimageRoleInstances() throws Exception {
        HttpResponse<String> reboot = send("POST", SVC_PATH + "/deploymentslots/Production/roleinstances/WebRole1_IN_0"
                + "?comp=reboot", null);
        assertThat(reboot.statusCode()).as(reboot.body()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(reboot)), "Status")).isEqualTo("Succeeded");
        HttpResponse<String> reimage = send("POST", SVC_PATH + "/deployments/" + PRODUCTION
                + "/roleinstances/WorkerRole1_IN_0?comp=reimage", null);
        assertThat(reimage.statusCode()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(reimage)), "Status")).isEqualTo("Succeeded");
        assertThat(jdbc.queryForList("SELECT instance_status FROM asm_role_instances r JOIN asm_deployments d "
                + "ON d.id = r.deployment_id WHERE d.name = ?", String.class, PRODUCTION)).containsOnly("ReadyRole");

        int jobs = jobCount();
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/roleinstances/Nope_IN_9?comp=reboot", null),
                404, "ResourceNotFound");
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/roleinstances/WebRole1_IN_0?comp=explode",
                null), 400, "MissingOrInvalidRequiredQueryParameter");
        assertError(send("POST", SVC_PATH + "/deploymentslots/Production/roleinstances/WebRole1_IN_0", null), 400,
                "MissingOrInvalidRequiredQueryParameter");
        assertError(send("POST", SVC_PATH + "/deploymentslots/Staging/roleinstances/WebRole1_IN_0?comp=reboot", null),
                409, "ConflictError");
        assertThat(jobCount()).isEqualTo(jobs);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static String createService(String name, String location) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><CreateHostedService "
                + "xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>" + name + "</ServiceName>"
                + "<Label>" + encode("API") + "</Label><Description>d</Description>"
                + (location == null ? "" : "<Location>" + location + "</Location>")
                + "<ExtendedProperties><ExtendedProperty><Name>Tier</Name><Value>v1</Value></ExtendedProperty>"
                + "</ExtendedProperties></CreateHostedService>";
    }

    static String createDeployment(String name, boolean start) {
        String cscfg = "<ServiceConfiguration xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/"
                + "ServiceConfiguration\"><Role name=\"WebRole1\"><Instances count=\"3\"/></Role></ServiceConfiguration>";
        return "<CreateDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name>"
                + "<PackageUrl>https://fabrikam.blob.core.windows.net/p/" + name + ".cspkg</PackageUrl>"
                + "<Label>" + encode(name) + "</Label><Configuration>" + encode(cscfg) + "</Configuration>"
                + "<StartDeployment>" + start + "</StartDeployment></CreateDeployment>";
    }

    static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    static String hyphenate(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
