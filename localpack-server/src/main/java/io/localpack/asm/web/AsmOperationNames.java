package io.localpack.asm.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Service Management operation a request is, by method, path and {@code comp}, named as the reference pages
 * name them (List Subscription Operations shows it as OperationName).
 */
final class AsmOperationNames {

    private static final Pattern PATH = Pattern.compile("^/[^/]+(/.*?)?/?$");
    private static final String DEPLOYMENT = "/services/hostedservices/[^/]+/(deploymentslots|deployments)/[^/]+";
    // compiled once: String.matches compiles its pattern at every call (2.5 % of a B5 profile)
    private static final Pattern SERVICE_CERTIFICATES = Pattern.compile("/services/hostedservices/[^/]+/certificates");
    private static final Pattern SERVICE_CERTIFICATE = Pattern.compile("/services/hostedservices/[^/]+/certificates/.+");
    private static final Pattern ROLE_INSTANCE = Pattern.compile(DEPLOYMENT + "/roleinstances/.*");
    private static final Pattern DEPLOYMENT_PATH = Pattern.compile(DEPLOYMENT);
    private static final Pattern SERVICE = Pattern.compile("/services/hostedservices/[^/]+");

    private AsmOperationNames() {
    }

    static String of(String method, String uri, String comp) {
        Matcher m = PATH.matcher(uri);
        String rest = m.matches() && m.group(1) != null ? m.group(1) : "";
        String c = comp == null ? "" : comp;
        if (rest.isEmpty()) {
            return "GetSubscription";
        }
        if (rest.equals("/locations")) {
            return "ListLocations";
        }
        if (rest.equals("/rolesizes")) {
            return "ListRoleSizes";
        }
        if (rest.equals("/operations")) {
            return "ListSubscriptionOperations";
        }
        if (rest.startsWith("/operations/")) {
            return "GetOperationStatus";
        }
        if (rest.equals("/certificates")) {
            return method.equals("POST") ? "AddManagementCertificate" : "ListManagementCertificates";
        }
        if (rest.startsWith("/certificates/")) {
            return method.equals("DELETE") ? "DeleteManagementCertificate" : "GetManagementCertificate";
        }
        if (rest.equals("/services/hostedservices")) {
            return method.equals("POST") ? "CreateHostedService" : "ListHostedServices";
        }
        if (rest.startsWith("/services/hostedservices/operations/isavailable/")) {
            return "CheckHostedServiceNameAvailability";
        }
        if (SERVICE_CERTIFICATES.matcher(rest).matches()) {
            return method.equals("POST") ? "AddServiceCertificate" : "ListServiceCertificates";
        }
        if (SERVICE_CERTIFICATE.matcher(rest).matches()) {
            return method.equals("DELETE") ? "DeleteServiceCertificate" : "GetServiceCertificate";
        }
        if (ROLE_INSTANCE.matcher(rest).matches()) {
            return c.equals("reimage") ? "ReimageRoleInstance" : "RebootRoleInstance";
        }
        if (DEPLOYMENT_PATH.matcher(rest).matches()) {
            return switch (method) {
                case "GET" -> "GetDeployment";
                case "DELETE" -> "DeleteDeployment";
                default -> switch (c) {
                    case "" -> "CreateDeployment";
                    case "status" -> "UpdateDeploymentStatus";
                    case "config" -> "ChangeDeploymentConfiguration";
                    case "upgrade" -> "UpgradeDeployment";
                    case "walkupgradedomain" -> "WalkUpgradeDomain";
                    case "rollback" -> "RollbackUpdateOrUpgrade";
                    default -> "DeploymentOperation";
                };
            };
        }
        if (SERVICE.matcher(rest).matches()) {
            return switch (method) {
                case "GET" -> "GetHostedServiceProperties";
                case "PUT" -> "UpdateHostedService";
                case "DELETE" -> c.equals("media") ? "DeleteHostedServiceAndAllContents" : "DeleteHostedService";
                default -> "SwapDeployment";
            };
        }
        return "Unknown";
    }
}
