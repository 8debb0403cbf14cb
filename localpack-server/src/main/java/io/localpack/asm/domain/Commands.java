package io.localpack.asm.domain;

import java.util.Map;

/** Inputs of cloud-service operations, already decoded from the wire (labels and configuration as text). */
public final class Commands {

    private Commands() {
    }

    public record CreateHostedService(String serviceName, String label, String description, String location,
                                      String affinityGroup, String reverseDnsFqdn, Map<String, String> extendedProperties) {
    }

    /** Null members are left unchanged. */
    public record UpdateHostedService(String label, String description, String reverseDnsFqdn,
                                      Map<String, String> extendedProperties) {
    }

    public record CreateDeployment(String name, String packageUrl, String label, String configuration,
                                   boolean startDeployment, Map<String, String> extendedProperties) {
    }

    /** A deployment addressed by slot or by name (exactly one is set). */
    public record DeploymentRef(DeploymentSlot slot, String name) {
        public static DeploymentRef bySlot(DeploymentSlot slot) {
            return new DeploymentRef(slot, null);
        }

        public static DeploymentRef byName(String name) {
            return new DeploymentRef(null, name);
        }
    }

    /** The two statuses Update Deployment Status accepts. */
    public enum RequestedStatus { Running, Suspended }

    public enum RoleInstanceAction { Reboot, Reimage }
}
