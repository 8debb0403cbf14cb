package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.Await;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

/**
 * With a real (short) duration for Update Deployment Status: the deployment passes through its transitional
 * statuses, Get Operation Status says InProgress, and a second operation on the service is a 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "localpack.test.context=asm-transitions",
        "localpack.jobs.duration-factor=1",
        "localpack.jobs.default-duration=0s",
        "localpack.jobs.durations.[asm.deployment.status]=3s",
        "localpack.jobs.durations.[asm.deployment.upgrade]=8s"})
@TestPropertySource("classpath:localpack-test.properties")
class AsmTransitionTest extends AsmTestSupport {

    static final String SVC_PATH = "/" + FABRIKAM + "/services/hostedservices/" + SERVICE;

    @Test
    void suspendPassesThroughSuspendingAndBlocksOtherOperations() throws Exception {
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Suspended"));
        assertThat(r.statusCode()).isEqualTo(202);
        String id = requestId(r);

        Element during = awaitDeploymentStatus("Suspending");
        assertThat(children(element(during, "RoleInstanceList"), "RoleInstance")).allSatisfy(i -> {
            assertThat(text(i, "InstanceStatus")).isEqualTo("StoppingRole");
            assertThat(text(i, "PowerState")).isEqualTo("Stopping");
        });
        Element op = xml(get("/" + FABRIKAM + "/operations/" + id).body());
        assertThat(text(op, "Status")).isEqualTo("InProgress");
        assertThat(element(op, "HttpStatusCode")).isNull();

        int jobs = jobCount();
        String message = assertError(send("POST", SVC_PATH + "/deployments/" + STAGING + "/?comp=status",
                statusBody("Running")), 409, "ConflictError");
        assertThat(message).contains(id);
        assertError(send("DELETE", SVC_PATH + "/deploymentslots/Staging", null), 409, "ConflictError");
        assertThat(jobCount()).isEqualTo(jobs);
        assertThat(deploymentStatus(STAGING)).isEqualTo("Suspended");

        assertThat(text(awaitOperation(FABRIKAM, id), "Status")).isEqualTo("Succeeded");
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Suspended");
    }

    @Test
    void anAutoUpgradeWalksTheUpgradeDomainsOneAfterTheOther() throws Exception {
        HttpResponse<String> r = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=upgrade",
                AsmUpgradeTest.upgradeBody("Auto", "Release 2014-12", AsmUpgradeTest.b64(AsmUpgradeTest.cscfg(2, 1)),
                        null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = requestId(r);

        Element first = awaitUpgrade("0", "During");
        assertThat(text(first, "Status")).isEqualTo("RunningTransitioning");
        assertThat(text(first, "UpgradeStatus/UpgradeType")).isEqualTo("Auto");
        for (Element i : children(element(first, "RoleInstanceList"), "RoleInstance")) {
            assertThat(text(i, "InstanceStatus")).as(text(i, "InstanceName"))
                    .isEqualTo(text(i, "InstanceUpgradeDomain").equals("0") ? "StoppingRole" : "ReadyRole");
        }
        assertThat(text(xml(get("/" + FABRIKAM + "/operations/" + id).body()), "Status")).isEqualTo("InProgress");
        // the running upgrade holds the service: a walk or a rollback now is a conflict naming it
        assertThat(assertError(send("POST", SVC_PATH + "/deploymentslots/Production/?comp=walkupgradedomain",
                "<WalkUpgradeDomain xmlns=\"http://schemas.microsoft.com/windowsazure\"><UpgradeDomain>0"
                        + "</UpgradeDomain></WalkUpgradeDomain>"), 409, "ConflictError")).contains(id);

        Element second = awaitUpgrade("1", "During");
        for (Element i : children(element(second, "RoleInstanceList"), "RoleInstance")) {
            assertThat(text(i, "InstanceStatus")).as(text(i, "InstanceName"))
                    .isEqualTo(text(i, "InstanceUpgradeDomain").equals("1") ? "StoppingRole" : "ReadyRole");
        }
        assertThat(text(awaitOperation(FABRIKAM, id), "Status")).isEqualTo("Succeeded");
        Element done = xml(get(SVC_PATH + "/deploymentslots/Production").body());
        assertThat(element(done, "UpgradeStatus")).isNull();
        assertThat(text(done, "Status")).isEqualTo("Running");
    }

    private Element awaitUpgrade(String domain, String state) {
        return Await.until("upgrade domain " + domain + " to be " + state,
                () -> xml(get(SVC_PATH + "/deploymentslots/Production").body()),
                d -> domain.equals(text(d, "UpgradeStatus/CurrentUpgradeDomain"))
                        && state.equals(text(d, "UpgradeStatus/CurrentUpgradeDomainState")));
    }

    private Element awaitDeploymentStatus(String status) {
        return Await.until("the production deployment to be " + status,
                () -> xml(get(SVC_PATH + "/deploymentslots/Production").body()), d -> status.equals(text(d, "Status")));
    }
}
