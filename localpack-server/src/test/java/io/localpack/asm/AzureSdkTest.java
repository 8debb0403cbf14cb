package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.windowsazure.Configuration;
import com.microsoft.windowsazure.core.OperationStatus;
import com.microsoft.windowsazure.core.OperationStatusResponse;
import com.microsoft.windowsazure.credentials.TokenCloudCredentials;
import com.microsoft.windowsazure.exception.ServiceException;
import com.microsoft.windowsazure.management.compute.ComputeManagementClient;
import com.microsoft.windowsazure.management.compute.ComputeManagementService;
import com.microsoft.windowsazure.management.compute.models.CertificateFormat;
import com.microsoft.windowsazure.management.compute.models.DeploymentChangeConfigurationMode;
import com.microsoft.windowsazure.management.compute.models.DeploymentChangeConfigurationParameters;
import com.microsoft.windowsazure.management.compute.models.DeploymentGetResponse;
import com.microsoft.windowsazure.management.compute.models.DeploymentRollbackUpdateOrUpgradeParameters;
import com.microsoft.windowsazure.management.compute.models.DeploymentUpgradeMode;
import com.microsoft.windowsazure.management.compute.models.DeploymentUpgradeParameters;
import com.microsoft.windowsazure.management.compute.models.DeploymentUpgradeType;
import com.microsoft.windowsazure.management.compute.models.DeploymentWalkUpgradeDomainParameters;
import com.microsoft.windowsazure.management.compute.models.RollbackUpdateOrUpgradeMode;
import com.microsoft.windowsazure.management.compute.models.ServiceCertificateCreateParameters;
import com.microsoft.windowsazure.management.compute.models.ServiceCertificateDeleteParameters;
import com.microsoft.windowsazure.management.compute.models.ServiceCertificateGetParameters;
import com.microsoft.windowsazure.management.compute.models.UpgradeDomainState;
import com.microsoft.windowsazure.management.compute.models.DeploymentSlot;
import com.microsoft.windowsazure.management.compute.models.DeploymentStatus;
import com.microsoft.windowsazure.management.compute.models.DeploymentUpdateStatusParameters;
import com.microsoft.windowsazure.management.compute.models.HostedServiceGetDetailedResponse;
import com.microsoft.windowsazure.management.compute.models.HostedServiceGetResponse;
import com.microsoft.windowsazure.management.compute.models.HostedServiceListResponse;
import com.microsoft.windowsazure.management.compute.models.RoleInstance;
import com.microsoft.windowsazure.management.compute.models.UpdatedDeploymentStatus;
import com.microsoft.windowsazure.management.configuration.ManagementConfiguration;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.LocalPackServerTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** LocalPack driven by the real legacy Azure SDK for Java (azure-svc-mgmt-compute 0.9.7), with its own polling. */
@LocalPackServerTest
@TestPropertySource(properties = AsmTestSupport.ASM_CONTEXT)
class AzureSdkTest extends AsmTestSupport {

    ComputeManagementClient client;

    @BeforeEach
    void connect() {
        URI base = URI.create("http://localhost:" + port);
        Configuration config = new Configuration();
        config.setProperty(ManagementConfiguration.URI, base);
        config.setProperty(ManagementConfiguration.SUBSCRIPTION_ID, FABRIKAM);
        config.setProperty(ManagementConfiguration.SUBSCRIPTION_CLOUD_CREDENTIALS,
                new TokenCloudCredentials(base, FABRIKAM, "test-token"));
        client = ComputeManagementService.create(config);
        client.setLongRunningOperationInitialTimeout(0);
        client.setLongRunningOperationRetryTimeout(0);
    }

    @Test
    void listsAndGetsHostedServices() throws Exception {
        HostedServiceListResponse list = client.getHostedServicesOperations().list();
        assertThat(list.getStatusCode()).isEqualTo(200);
        assertThat(list.getRequestId()).matches("[0-9a-f]{32}");
        assertThat(list.getHostedServices()).singleElement().satisfies(s -> {
            assertThat(s.getServiceName()).isEqualTo(SERVICE);
            assertThat(s.getProperties().getLabel()).isEqualTo("Fabrikam web front end");
            assertThat(s.getProperties().getLocation()).isEqualTo("West Europe");
        });

        HostedServiceGetResponse get = client.getHostedServicesOperations().get(SERVICE);
        assertThat(get.getServiceName()).isEqualTo(SERVICE);
        assertThat(get.getProperties().getDescription()).isEqualTo("Public web site and order API");
        assertThat(get.getProperties().getDateCreated().getTimeInMillis())
                .isEqualTo(java.time.Instant.parse("2014-10-27T11:24:18Z").toEpochMilli());

        HostedServiceGetDetailedResponse detailed = client.getHostedServicesOperations().getDetailed(SERVICE);
        assertThat(detailed.getDeployments()).extracting(d -> d.getDeploymentSlot())
                .containsExactly(DeploymentSlot.Production, DeploymentSlot.Staging);

        assertThatThrownBy(() -> client.getHostedServicesOperations().get("nope"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(404);
                    assertThat(e.getError().getCode()).isEqualTo("ResourceNotFound");
                });
    }

    @Test
    void getsDeploymentsBySlotAndByName() throws Exception {
        DeploymentGetResponse prod = client.getDeploymentsOperations().getBySlot(SERVICE, DeploymentSlot.Production);
        assertThat(prod.getName()).isEqualTo(PRODUCTION);
        assertThat(prod.getDeploymentSlot()).isEqualTo(DeploymentSlot.Production);
        assertThat(prod.getStatus()).isEqualTo(DeploymentStatus.Running);
        assertThat(prod.getLabel()).isEqualTo("Release 2014-10");
        assertThat(prod.getConfiguration()).contains("ServiceConfiguration");
        assertThat(prod.getUpgradeDomainCount()).isEqualTo(2);
        assertThat(prod.getRoleInstances()).extracting(RoleInstance::getInstanceName)
                .containsExactly("WebRole1_IN_0", "WebRole1_IN_1", "WorkerRole1_IN_0");
        assertThat(prod.getRoles()).extracting(r -> r.getRoleName()).containsExactly("WebRole1", "WorkerRole1");

        DeploymentGetResponse stage = client.getDeploymentsOperations().getByName(SERVICE, STAGING);
        assertThat(stage.getDeploymentSlot()).isEqualTo(DeploymentSlot.Staging);
        assertThat(stage.getStatus()).isEqualTo(DeploymentStatus.Suspended);

        assertThatThrownBy(() -> client.getDeploymentsOperations().getByName(SERVICE, "nope"))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.getError().getMessage()).isEqualTo("No deployments were found."));
    }

    @Test
    void updatesStatusBySlotAndByNameWithTheSdksOwnPolling() throws Exception {
        OperationStatusResponse suspended = client.getDeploymentsOperations().updateStatusByDeploymentSlot(SERVICE,
                DeploymentSlot.Production, parameters(UpdatedDeploymentStatus.Suspended));
        assertThat(suspended.getStatus()).isEqualTo(OperationStatus.Succeeded);
        assertThat(suspended.getHttpStatusCode()).isEqualTo(200);
        DeploymentGetResponse prod = client.getDeploymentsOperations().getBySlot(SERVICE, DeploymentSlot.Production);
        assertThat(prod.getStatus()).isEqualTo(DeploymentStatus.Suspended);
        assertThat(prod.getRoleInstances()).allSatisfy(i -> {
            assertThat(i.getInstanceStatus()).isEqualTo("StoppedVM");
            assertThat(i.getPowerState().toString()).isEqualTo("Stopped");
        });

        OperationStatusResponse running = client.getDeploymentsOperations().updateStatusByDeploymentName(SERVICE,
                PRODUCTION, parameters(UpdatedDeploymentStatus.Running));
        assertThat(running.getStatus()).isEqualTo(OperationStatus.Succeeded);
        assertThat(client.getDeploymentsOperations().getByName(SERVICE, PRODUCTION).getStatus())
                .isEqualTo(DeploymentStatus.Running);

        OperationStatusResponse stage = client.getDeploymentsOperations().updateStatusByDeploymentName(SERVICE,
                STAGING, parameters(UpdatedDeploymentStatus.Running));
        assertThat(stage.getStatus()).isEqualTo(OperationStatus.Succeeded);
        OperationStatusResponse stageBack = client.getDeploymentsOperations().updateStatusByDeploymentSlot(SERVICE,
                DeploymentSlot.Staging, parameters(UpdatedDeploymentStatus.Suspended));
        assertThat(stageBack.getStatus()).isEqualTo(OperationStatus.Succeeded);
        assertThat(deploymentStatus(STAGING)).isEqualTo("Suspended");
    }

    @Test
    void beginUpdateThenGetOperationStatus() throws Exception {
        var accepted = client.getDeploymentsOperations().beginUpdatingStatusByDeploymentSlot(SERVICE,
                DeploymentSlot.Production, parameters(UpdatedDeploymentStatus.Suspended));
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        String requestId = accepted.getRequestId();
        assertThat(requestId).matches("[0-9a-f]{32}");

        OperationStatusResponse status = Await.until("operation " + requestId + " to finish",
                () -> client.getOperationStatus(requestId), read -> read.getStatus() != OperationStatus.InProgress);
        assertThat(status.getStatus()).isEqualTo(OperationStatus.Succeeded);
        assertThat(status.getHttpStatusCode()).isEqualTo(200);
        assertThat(status.getId().replace("-", "")).isEqualTo(requestId);

        assertThatThrownBy(() -> client.getOperationStatus("0".repeat(32)))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.getError().getCode()).isEqualTo("ResourceNotFound"));
    }

    @Test
    void failedOperationSurfacesAsServiceExceptionWithItsError() throws Exception {
        jdbc.update("INSERT INTO job_fault_rules (id, operation, error_code, error_name, message, http_status, "
                        + "at_step, remaining, created_time) VALUES (?, 'asm.deployment.status', 1, 'InternalError', "
                        + "'Injected failure', 500, 0, 1, CURRENT_TIMESTAMP)", java.util.UUID.randomUUID());
        assertThatThrownBy(() -> client.getDeploymentsOperations().updateStatusByDeploymentSlot(SERVICE,
                DeploymentSlot.Production, parameters(UpdatedDeploymentStatus.Suspended)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("Injected failure");
        assertThat(deploymentStatus(PRODUCTION)).isEqualTo("Running");
    }

    @Test
    void walksAManualUpgradeAndChangesTheConfigurationWithTheSdk() throws Exception {
        var deployments = client.getDeploymentsOperations();
        DeploymentUpgradeParameters upgrade = new DeploymentUpgradeParameters();
        upgrade.setMode(DeploymentUpgradeMode.Manual);
        upgrade.setPackageUri(URI.create("https://fabrikam.blob.core.windows.net/packages/fabrikam-web-2014-12.cspkg"));
        upgrade.setConfiguration(AsmUpgradeTest.cscfg(2, 1));
        upgrade.setLabel("Release 2014-12");
        upgrade.setForce(false);
        OperationStatusResponse started = deployments.upgradeBySlot(SERVICE, DeploymentSlot.Production, upgrade);
        assertThat(started.getStatus()).isEqualTo(OperationStatus.Succeeded);

        DeploymentGetResponse d = deployments.getBySlot(SERVICE, DeploymentSlot.Production);
        assertThat(d.getLabel()).isEqualTo("Release 2014-12");
        assertThat(d.getUpgradeStatus().getUpgradeType()).isEqualTo(DeploymentUpgradeType.Manual);
        assertThat(d.getUpgradeStatus().getCurrentUpgradeDomainState()).isEqualTo(UpgradeDomainState.Before);
        assertThat(d.getUpgradeStatus().getCurrentUpgradeDomain()).isZero();
        assertThat(d.isRollbackAllowed()).isTrue();

        for (int domain = 0; domain < d.getUpgradeDomainCount(); domain++) {
            DeploymentWalkUpgradeDomainParameters walk = new DeploymentWalkUpgradeDomainParameters();
            walk.setUpgradeDomain(domain);
            OperationStatusResponse walked = domain % 2 == 0
                    ? deployments.walkUpgradeDomainByDeploymentSlot(SERVICE, DeploymentSlot.Production, walk)
                    : deployments.walkUpgradeDomainByDeploymentName(SERVICE, PRODUCTION, walk);
            assertThat(walked.getStatus()).isEqualTo(OperationStatus.Succeeded);
            DeploymentGetResponse after = deployments.getByName(SERVICE, PRODUCTION);
            if (domain + 1 < d.getUpgradeDomainCount()) {
                assertThat(after.getUpgradeStatus().getCurrentUpgradeDomain()).isEqualTo(domain + 1);
            } else {
                assertThat(after.getUpgradeStatus()).isNull();
                assertThat(after.isRollbackAllowed()).isFalse();
            }
        }

        DeploymentChangeConfigurationParameters change = new DeploymentChangeConfigurationParameters();
        change.setConfiguration(AsmUpgradeTest.cscfg(3, 1));
        change.setMode(DeploymentChangeConfigurationMode.Auto);
        change.setTreatWarningsAsError(false);
        OperationStatusResponse changed = deployments.changeConfigurationByName(SERVICE, PRODUCTION, change);
        assertThat(changed.getStatus()).isEqualTo(OperationStatus.Succeeded);
        DeploymentGetResponse reconfigured = deployments.getBySlot(SERVICE, DeploymentSlot.Production);
        assertThat(reconfigured.getConfiguration()).contains("<Instances count=\"3\" />");
        assertThat(reconfigured.getRoleInstances()).extracting(RoleInstance::getInstanceName)
                .contains("WebRole1_IN_2");
        assertThat(reconfigured.getUpgradeStatus()).isNull();

        // a change in progress is a conflict the SDK surfaces as its ServiceException
        change.setMode(DeploymentChangeConfigurationMode.Manual);
        deployments.changeConfigurationBySlot(SERVICE, DeploymentSlot.Production, change);
        assertThatThrownBy(() -> deployments.beginChangingConfigurationBySlot(SERVICE, DeploymentSlot.Production,
                change))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(409);
                    assertThat(e.getError().getCode()).isEqualTo("ConflictError");
                });
        DeploymentRollbackUpdateOrUpgradeParameters rollback = new DeploymentRollbackUpdateOrUpgradeParameters();
        rollback.setMode(RollbackUpdateOrUpgradeMode.Auto);
        assertThat(deployments.rollbackUpdateOrUpgradeByDeploymentName(SERVICE, PRODUCTION, rollback)
                .getStatusCode()).isEqualTo(200);
        assertThat(Await.until("the rollback", () -> deployments.getBySlot(SERVICE, DeploymentSlot.Production),
                r -> r.getUpgradeStatus() == null).getConfiguration()).contains("<Instances count=\"3\" />");
    }

    @Test
    void serviceCertificatesWithTheSdk() throws Exception {
        var issued = io.localpack.tenancy.auth.SelfSignedCertificates.issue("sdk.cloudapp.net",
                java.time.Duration.ofDays(1));
        ServiceCertificateCreateParameters create = new ServiceCertificateCreateParameters();
        create.setCertificateFormat(CertificateFormat.Pfx);
        create.setData(java.util.Base64.getDecoder().decode(AsmSubscriptionTest.pfx(issued)));
        create.setPassword(new String(AsmSubscriptionTest.PFX_PASSWORD));
        assertThat(client.getServiceCertificatesOperations().create(SERVICE, create).getStatus())
                .isEqualTo(OperationStatus.Succeeded);
        var list = client.getServiceCertificatesOperations().list(SERVICE);
        String thumbprint = io.localpack.tenancy.auth.ManagementCertificates.thumbprint(issued.certificate());
        assertThat(list.getCertificates()).extracting(c -> c.getThumbprint())
                .containsExactly(AsmSubscriptionTest.FIXTURE_SERVICE_CERTIFICATE, thumbprint);
        assertThat(list.getCertificates()).allSatisfy(c -> assertThat(c.getThumbprintAlgorithm()).isEqualTo("sha1"));
        ServiceCertificateGetParameters get = new ServiceCertificateGetParameters();
        get.setServiceName(SERVICE);
        get.setThumbprint(thumbprint);
        get.setThumbprintAlgorithm("sha1");
        assertThat(client.getServiceCertificatesOperations().get(get).getData())
                .isEqualTo(issued.certificate().getEncoded());
        ServiceCertificateDeleteParameters delete = new ServiceCertificateDeleteParameters();
        delete.setServiceName(SERVICE);
        delete.setThumbprint(thumbprint);
        delete.setThumbprintAlgorithm("sha1");
        assertThat(client.getServiceCertificatesOperations().delete(delete).getStatus())
                .isEqualTo(OperationStatus.Succeeded);
        assertThat(client.getServiceCertificatesOperations().list(SERVICE).getCertificates()).hasSize(1);
    }

    private static DeploymentUpdateStatusParameters parameters(UpdatedDeploymentStatus status) {
        DeploymentUpdateStatusParameters p = new DeploymentUpdateStatusParameters();
        p.setStatus(status);
        return p;
    }
}
