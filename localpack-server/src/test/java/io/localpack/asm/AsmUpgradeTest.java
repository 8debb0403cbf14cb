package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.LocalPackServerTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

/** Change Deployment Configuration, Upgrade Deployment, Walk Upgrade Domain and Rollback through real HTTP. */
@LocalPackServerTest
@TestPropertySource(properties = AsmTestSupport.ASM_CONTEXT)
class AsmUpgradeTest extends AsmTestSupport {

    static final String SVC_PATH = "/" + FABRIKAM + "/services/hostedservices/" + SERVICE;
    static final String PROD_SLOT = SVC_PATH + "/deploymentslots/Production/";
    static final String PROD_NAME = SVC_PATH + "/deployments/" + PRODUCTION;

    static String cscfg(int web, int worker) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><ServiceConfiguration serviceName=\"fabrikam-web\" "
                + "xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">"
                + "<Role name=\"WebRole1\"><Instances count=\"" + web + "\" /></Role>"
                + (worker > 0 ? "<Role name=\"WorkerRole1\"><Instances count=\"" + worker + "\" /></Role>" : "")
                + "</ServiceConfiguration>";
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String configBody(String configuration, String mode) {
        return "<ChangeConfiguration xmlns=\"http://schemas.microsoft.com/windowsazure\"><Configuration>"
                + configuration + "</Configuration><TreatWarningsAsError>false</TreatWarningsAsError>"
                + (mode == null ? "" : "<Mode>" + mode + "</Mode>") + "</ChangeConfiguration>";
    }

    static String upgradeBody(String mode, String label, String configuration, String role) {
        return "<UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>" + mode + "</Mode>"
                + "<PackageUrl>https://fabrikam.blob.core.windows.net/packages/fabrikam-web-2014-12.cspkg</PackageUrl>"
                + "<Configuration>" + configuration + "</Configuration><Label>" + b64(label) + "</Label>"
                + (role == null ? "" : "<RoleToUpgrade>" + role + "</RoleToUpgrade>")
                + "<Force>false</Force></UpgradeDeployment>";
    }

    static String walkBody(String domain) {
        return "<WalkUpgradeDomain xmlns=\"http://schemas.microsoft.com/windowsazure\"><UpgradeDomain>" + domain
                + "</UpgradeDomain></WalkUpgradeDomain>";
    }

    static String rollbackBody(String mode) {
        return "<RollbackUpdateOrUpgrade xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>" + mode
                + "</Mode><Force>false</Force></RollbackUpdateOrUpgrade>";
    }

    Element deployment() throws Exception {
        HttpResponse<String> r = get(PROD_NAME);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return xml(r.body());
    }

    static String configuration(Element deployment) {
        return new String(Base64.getDecoder().decode(text(deployment, "Configuration")), StandardCharsets.UTF_8);
    }

    Element accepted(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        Element op = awaitOperation(FABRIKAM, requestId(r));
        assertThat(text(op, "Status")).as(r.body()).isEqualTo("Succeeded");
        assertThat(text(op, "HttpStatusCode")).isEqualTo("200");
        return op;
    }

    @Test
    void changeConfigurationWritesItBackAndMatchesInstanceCounts() throws Exception {
        accepted("POST", PROD_SLOT + "?comp=config", configBody(b64(cscfg(3, 1)), null), 202);

        Element d = deployment();
        assertThat(configuration(d)).contains("<Instances count=\"3\" />");
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance")).extracting(i -> text(i, "InstanceName"))
                .containsExactly("WebRole1_IN_0", "WebRole1_IN_1", "WebRole1_IN_2", "WorkerRole1_IN_0");
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance"))
                .allSatisfy(i -> assertThat(text(i, "InstanceStatus")).isEqualTo("ReadyRole"));
        assertThat(text(d, "UpgradeDomainCount")).isEqualTo("3");
        assertThat(element(d, "UpgradeStatus")).isNull();
        assertThat(text(d, "RollbackAllowed")).isEqualTo("false");
        assertThat(text(d, "Status")).isEqualTo("Running");

        // fewer instances by name: the highest-numbered one goes
        accepted("POST", PROD_NAME + "/?comp=config", configBody(b64(cscfg(1, 1)), "Auto"), 202);
        assertThat(children(element(deployment(), "RoleInstanceList"), "RoleInstance"))
                .extracting(i -> text(i, "InstanceName")).containsExactly("WebRole1_IN_0", "WorkerRole1_IN_0");
        assertThat(text(deployment(), "UpgradeDomainCount")).isEqualTo("1");
    }

    @Test
    void manualUpgradeStepsThroughTheUpgradeDomainsOneWalkAtATime() throws Exception {
        String original = configuration(deployment());
        accepted("POST", PROD_SLOT + "?comp=upgrade", upgradeBody("Manual", "Release 2014-12", b64(cscfg(2, 1)
                .replace("fabrikam-web\"", "fabrikam-web\" osVersion=\"*\"")), null), 202);

        Element d = deployment();
        assertThat(text(d, "UpgradeStatus/UpgradeType")).isEqualTo("Manual");
        assertThat(text(d, "UpgradeStatus/CurrentUpgradeDomainState")).isEqualTo("Before");
        assertThat(text(d, "UpgradeStatus/CurrentUpgradeDomain")).isEqualTo("0");
        assertThat(text(d, "RollbackAllowed")).isEqualTo("true");
        assertThat(new String(Base64.getDecoder().decode(text(d, "Label")), StandardCharsets.UTF_8))
                .isEqualTo("Release 2014-12");
        assertThat(configuration(d)).isNotEqualTo(original).contains("osVersion");

        // while it is in progress: no second upgrade or configuration change, no walking out of order
        int jobs = jobCount();
        assertThat(assertError(send("POST", PROD_SLOT + "?comp=config", configBody(b64(cscfg(2, 1)), null)), 409,
                "ConflictError")).contains("in progress");
        assertError(send("POST", PROD_SLOT + "?comp=upgrade", upgradeBody("Auto", "x", b64(cscfg(2, 1)), null)),
                409, "ConflictError");
        assertError(send("POST", PROD_NAME + "?comp=walkupgradedomain", walkBody("1")), 409, "ConflictError");
        assertError(send("POST", PROD_NAME + "?comp=walkupgradedomain", walkBody("2")), 400, "BadRequest");
        assertThat(jobCount()).isEqualTo(jobs);

        accepted("POST", PROD_NAME + "?comp=walkupgradedomain", walkBody("0"), 202);
        d = deployment();
        assertThat(text(d, "UpgradeStatus/CurrentUpgradeDomain")).isEqualTo("1");
        assertThat(text(d, "UpgradeStatus/CurrentUpgradeDomainState")).isEqualTo("Before");
        List<Element> instances = children(element(d, "RoleInstanceList"), "RoleInstance");
        assertThat(instances).extracting(i -> text(i, "InstanceUpgradeDomain")).containsExactly("0", "1", "0");
        assertThat(instances).allSatisfy(i -> assertThat(text(i, "InstanceStatus")).isEqualTo("ReadyRole"));

        accepted("POST", PROD_SLOT + "?comp=walkupgradedomain", walkBody("1"), 202);
        d = deployment();
        assertThat(element(d, "UpgradeStatus")).isNull();
        assertThat(text(d, "RollbackAllowed")).isEqualTo("false");
        assertThat(text(d, "Status")).isEqualTo("Running");

        assertThat(assertError(send("POST", PROD_NAME + "?comp=walkupgradedomain", walkBody("0")), 409,
                "ConflictError")).contains("No upgrade");
        assertError(send("POST", PROD_NAME + "/?comp=rollback", rollbackBody("Auto")), 409, "ConflictError");
    }

    @Test
    void rollbackRestoresThePreviousConfigurationAndWalksBackWhatWasUpgraded() throws Exception {
        Element before = deployment();
        accepted("POST", PROD_SLOT + "?comp=upgrade", upgradeBody("Manual", "Release 2014-12", b64(cscfg(2, 1)
                .replace("utf-8", "UTF-8")), null), 202);
        accepted("POST", PROD_SLOT + "?comp=walkupgradedomain", walkBody("0"), 202);

        accepted("POST", PROD_SLOT + "?comp=rollback", rollbackBody("Auto"), 202);
        Element after = deployment();
        assertThat(configuration(after)).isEqualTo(configuration(before));
        assertThat(text(after, "Label")).isEqualTo(text(before, "Label"));
        assertThat(element(after, "UpgradeStatus")).isNull();
        assertThat(text(after, "RollbackAllowed")).isEqualTo("false");

        // a manual rollback leaves the upgraded domains to walk back; by name it answers 200, as the SDKs require
        accepted("POST", PROD_SLOT + "?comp=config", configBody(b64(cscfg(2, 1).replace("utf-8", "UTF-8")),
                "Manual"), 202);
        accepted("POST", PROD_SLOT + "?comp=walkupgradedomain", walkBody("0"), 202);
        accepted("POST", PROD_NAME + "/?comp=rollback", rollbackBody("Manual"), 200);
        Element rolling = deployment();
        assertThat(text(rolling, "UpgradeStatus/UpgradeType")).isEqualTo("Manual");
        assertThat(text(rolling, "UpgradeStatus/CurrentUpgradeDomain")).isEqualTo("0");
        assertThat(text(rolling, "RollbackAllowed")).isEqualTo("false");
        assertThat(configuration(rolling)).isEqualTo(configuration(before));
        assertError(send("POST", PROD_NAME + "/?comp=rollback", rollbackBody("Auto")), 409, "ConflictError");
        accepted("POST", PROD_SLOT + "?comp=walkupgradedomain", walkBody("0"), 202);
        assertThat(element(deployment(), "UpgradeStatus")).isNull();
    }

    @Test
    void simultaneousUpgradeOfOneRoleOnASuspendedDeployment() throws Exception {
        String stage = SVC_PATH + "/deploymentslots/staging/";
        accepted("POST", stage + "?comp=upgrade", upgradeBody("Simultaneous", "Staging next",
                b64(cscfg(2, 0)), "WebRole1"), 202);
        HttpResponse<String> r = get(SVC_PATH + "/deployments/" + STAGING);
        Element d = xml(r.body());
        assertThat(text(d, "Status")).isEqualTo("Suspended");
        assertThat(element(d, "UpgradeStatus")).isNull();
        assertThat(children(element(d, "RoleInstanceList"), "RoleInstance"))
                .allSatisfy(i -> assertThat(text(i, "InstanceStatus")).isEqualTo("StoppedVM"))
                .hasSize(2);
    }

    @Test
    void aFailedUpgradeLeavesTheOldConfiguration() throws Exception {
        String original = configuration(deployment());
        jdbc.update("INSERT INTO job_fault_rules (id, operation, error_code, error_name, message, http_status, "
                + "at_step, remaining, created_time) VALUES (?, 'asm.deployment.upgrade', 1, 'InternalError', "
                + "'Injected failure', 500, 0, 1, CURRENT_TIMESTAMP)", java.util.UUID.randomUUID());
        HttpResponse<String> r = send("POST", PROD_SLOT + "?comp=upgrade", upgradeBody("Auto", "x",
                b64(cscfg(4, 1)), null));
        assertThat(r.statusCode()).isEqualTo(202);
        Element op = awaitOperation(FABRIKAM, requestId(r));
        assertThat(text(op, "Status")).isEqualTo("Failed");
        assertThat(text(op, "Error/Message")).isEqualTo("Injected failure");
        Element d = deployment();
        assertThat(configuration(d)).isEqualTo(original);
        assertThat(element(d, "UpgradeStatus")).isNull();
        assertThat(text(d, "Status")).isEqualTo("Running");
    }

    static Stream<Arguments> badInput() {
        String good = b64(cscfg(2, 1));
        return Stream.of(
                Arguments.of("config: no body", PROD_SLOT + "?comp=config", "", 400, "InvalidXmlRequest"),
                Arguments.of("config: wrong root", PROD_SLOT + "?comp=config", walkBody("0"), 400,
                        "InvalidXmlRequest"),
                Arguments.of("config: DTD", PROD_SLOT + "?comp=config", "<!DOCTYPE x [<!ENTITY e \"e\">]>"
                        + configBody(good, null), 400, "InvalidXmlRequest"),
                Arguments.of("config: no Configuration", PROD_SLOT + "?comp=config", configBody("", null), 400,
                        "BadRequest"),
                Arguments.of("config: not base64", PROD_SLOT + "?comp=config", configBody("%%%", null), 400,
                        "BadRequest"),
                Arguments.of("config: not a cscfg", PROD_SLOT + "?comp=config", configBody(b64("<x/>"), null), 400,
                        "BadRequest"),
                Arguments.of("config: other roles", PROD_SLOT + "?comp=config", configBody(b64(cscfg(2, 0)), null),
                        400, "BadRequest"),
                Arguments.of("config: bad mode", PROD_SLOT + "?comp=config", configBody(good, "auto"), 400,
                        "BadRequest"),
                Arguments.of("config: bad TreatWarningsAsError", PROD_SLOT + "?comp=config",
                        configBody(good, null).replace(">false<", ">maybe<"), 400, "BadRequest"),
                Arguments.of("config: unknown deployment", SVC_PATH + "/deployments/nope/?comp=config",
                        configBody(good, null), 404, "ResourceNotFound"),
                Arguments.of("config: another tenant", "/" + CONTOSO + "/services/hostedservices/" + SERVICE
                        + "/deploymentslots/Production/?comp=config", configBody(good, null), 404, "ResourceNotFound"),
                Arguments.of("upgrade: no mode", PROD_SLOT + "?comp=upgrade",
                        upgradeBody("Auto", "x", good, null).replace("<Mode>Auto</Mode>", ""), 400, "BadRequest"),
                Arguments.of("upgrade: no package", PROD_SLOT + "?comp=upgrade",
                        upgradeBody("Auto", "x", good, null).replaceAll("<PackageUrl>.*</PackageUrl>", ""), 400,
                        "BadRequest"),
                Arguments.of("upgrade: no label", PROD_SLOT + "?comp=upgrade",
                        upgradeBody("Auto", "x", good, null).replaceAll("<Label>.*</Label>", ""), 400, "BadRequest"),
                Arguments.of("upgrade: unknown role", PROD_SLOT + "?comp=upgrade",
                        upgradeBody("Auto", "x", good, "NoSuchRole"), 400, "BadRequest"),
                Arguments.of("walk: nothing in progress", PROD_SLOT + "?comp=walkupgradedomain", walkBody("0"), 409,
                        "ConflictError"),
                Arguments.of("walk: not a number", PROD_SLOT + "?comp=walkupgradedomain", walkBody("one"), 400,
                        "BadRequest"),
                Arguments.of("walk: negative", PROD_SLOT + "?comp=walkupgradedomain", walkBody("-1"), 400,
                        "BadRequest"),
                Arguments.of("rollback: nothing in progress", PROD_SLOT + "?comp=rollback", rollbackBody("Auto"),
                        409, "ConflictError"),
                Arguments.of("rollback: bad mode", PROD_SLOT + "?comp=rollback", rollbackBody("Sideways"), 400,
                        "BadRequest"),
                Arguments.of("unknown comp", PROD_SLOT + "?comp=upgradeall", configBody(good, null), 400,
                        "MissingOrInvalidRequiredQueryParameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedInTheApisFormatAndChangesNothing(String name, String path, String body, int status,
                                                          String code) throws Exception {
        String before = deploymentRows();
        int jobs = jobCount();
        assertError(send("POST", path, body), status, code);
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentRows()).isEqualTo(before);
    }

    /** Every deployment column and every instance, as text: "nothing changed" means this is equal. */
    String deploymentRows() {
        return jdbc.queryForList("SELECT * FROM asm_deployments ORDER BY name").toString()
                + jdbc.queryForList("SELECT * FROM asm_role_instances ORDER BY deployment_id, position").toString();
    }
}
