package io.localpack.asm.web;

import java.util.Set;

/**
 * The Service Management operation a request is, by method, path and {@code comp}, named as the reference pages
 * name them (List Subscription Operations shows it as OperationName).
 */
final class AsmOperationNames {

    private static final String HOSTED_SERVICE = "/services/hostedservices/";
    private static final Set<String> DEPLOYMENTS = Set.of("deploymentslots", "deployments");

    private AsmOperationNames() {
    }

    static String of(String method, String uri, String comp) {
        String rest = afterSubscription(uri);
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
        if (!rest.startsWith(HOSTED_SERVICE)) {
            return "Unknown";
        }
        // a hosted service's name, then what of it: segments split by hand, not by patterns (they were 3 % of a
        // polled deployment read's samples); a name or a deployment is never empty
        String[] s = rest.substring(HOSTED_SERVICE.length()).split("/", -1);
        if (s[0].isEmpty()) {
            return "Unknown";
        }
        if (s.length == 2 && s[1].equals("certificates")) {
            return method.equals("POST") ? "AddServiceCertificate" : "ListServiceCertificates";
        }
        if (s.length >= 3 && s[1].equals("certificates") && !(s.length == 3 && s[2].isEmpty())) {
            return method.equals("DELETE") ? "DeleteServiceCertificate" : "GetServiceCertificate";
        }
        boolean deployment = s.length >= 3 && DEPLOYMENTS.contains(s[1]) && !s[2].isEmpty();
        if (deployment && s.length >= 5 && s[3].equals("roleinstances")) {
            return c.equals("reimage") ? "ReimageRoleInstance" : "RebootRoleInstance";
        }
        if (deployment && s.length == 3) {
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
        if (s.length == 1) {
            return switch (method) {
                case "GET" -> "GetHostedServiceProperties";
                case "PUT" -> "UpdateHostedService";
                case "DELETE" -> c.equals("media") ? "DeleteHostedServiceAndAllContents" : "DeleteHostedService";
                default -> "SwapDeployment";
            };
        }
        return "Unknown";
    }

    /**
     * The path after the subscription's segment, without one trailing slash (but "/" stays "/"); "" when there is
     * nothing after it or the path does not start with a segment.
     */
    private static String afterSubscription(String uri) {
        if (uri.length() < 2 || uri.charAt(0) != '/' || uri.charAt(1) == '/') {
            return "";
        }
        int slash = uri.indexOf('/', 1);
        if (slash < 0) {
            return "";
        }
        String rest = uri.substring(slash);
        return rest.length() > 1 && rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }
}
