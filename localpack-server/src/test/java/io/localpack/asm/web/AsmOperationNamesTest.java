package io.localpack.asm.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operation name List Subscription Operations can show, from method, path and comp. */
class AsmOperationNamesTest {

    private static final String SUB = "/86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "GET, '', -, GetSubscription",
            "GET, /, -, Unknown",
            "GET, /locations, -, ListLocations",
            "GET, /locations/, -, ListLocations",
            "GET, /rolesizes, -, ListRoleSizes",
            "GET, /operations, -, ListSubscriptionOperations",
            "GET, /operations/0f1e2d3c4b5a69788796a5b4c3d2e1f0, -, GetOperationStatus",
            "POST, /certificates, -, AddManagementCertificate",
            "GET, /certificates, -, ListManagementCertificates",
            "DELETE, /certificates/AB12, -, DeleteManagementCertificate",
            "GET, /certificates/AB12, -, GetManagementCertificate",
            "POST, /services/hostedservices, -, CreateHostedService",
            "GET, /services/hostedservices/, -, ListHostedServices",
            "GET, /services/hostedservices/operations/isavailable/web, -, CheckHostedServiceNameAvailability",
            "POST, /services/hostedservices/web/certificates, -, AddServiceCertificate",
            "GET, /services/hostedservices/web/certificates, -, ListServiceCertificates",
            "DELETE, /services/hostedservices/web/certificates/sha1-AB12, -, DeleteServiceCertificate",
            "GET, /services/hostedservices/web/certificates/sha1-AB12, -, GetServiceCertificate",
            "GET, /services/hostedservices/web/certificates//, -, Unknown",
            "POST, /services/hostedservices/web/deploymentslots/Production/roleinstances/WebRole_IN_0, reimage, "
                    + "ReimageRoleInstance",
            "POST, /services/hostedservices/web/deployments/d1/roleinstances/WebRole_IN_0, reboot, RebootRoleInstance",
            "POST, /services/hostedservices/web/deployments/d1/roleinstances/, -, Unknown",
            "GET, /services/hostedservices/web/deploymentslots/Production, -, GetDeployment",
            "GET, /services/hostedservices/web/deploymentslots/Production/, -, GetDeployment",
            "DELETE, /services/hostedservices/web/deployments/d1, -, DeleteDeployment",
            "POST, /services/hostedservices/web/deploymentslots/Staging, -, CreateDeployment",
            "POST, /services/hostedservices/web/deploymentslots/Staging, status, UpdateDeploymentStatus",
            "POST, /services/hostedservices/web/deploymentslots/Staging, config, ChangeDeploymentConfiguration",
            "POST, /services/hostedservices/web/deploymentslots/Staging, upgrade, UpgradeDeployment",
            "POST, /services/hostedservices/web/deploymentslots/Staging, walkupgradedomain, WalkUpgradeDomain",
            "POST, /services/hostedservices/web/deploymentslots/Staging, rollback, RollbackUpdateOrUpgrade",
            "POST, /services/hostedservices/web/deploymentslots/Staging, other, DeploymentOperation",
            "GET, /services/hostedservices/web/deploymentslots//roleinstances/x, -, Unknown",
            "GET, /services/hostedservices/web/other/Staging, -, Unknown",
            "GET, /services/hostedservices/web, -, GetHostedServiceProperties",
            "PUT, /services/hostedservices/web, -, UpdateHostedService",
            "DELETE, /services/hostedservices/web, -, DeleteHostedService",
            "DELETE, /services/hostedservices/web, media, DeleteHostedServiceAndAllContents",
            "POST, /services/hostedservices/web, -, SwapDeployment",
            "GET, /services/hostedservices//deploymentslots/Production, -, Unknown",
            "GET, /services/other, -, Unknown",
    })
    void namesTheOperation(String method, String path, String comp, String expected) {
        assertThat(AsmOperationNames.of(method, SUB + path, comp)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "/", "//operations", "no-slash"})
    void aPathWithoutASubscriptionSegmentIsTheSubscription(String uri) {
        assertThat(AsmOperationNames.of("GET", uri, null)).isEqualTo("GetSubscription");
    }
}
