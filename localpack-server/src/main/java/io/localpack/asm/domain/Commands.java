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

    /** How an upgrade or configuration change walks the upgrade domains (Simultaneous: all at once). */
    public enum UpgradeMode { Auto, Manual, Simultaneous }

    /** Upgrade Deployment: a new package and configuration; {@code roleToUpgrade} null for every role. */
    public record Upgrade(UpgradeMode mode, String packageUrl, String configuration, String label,
                          String roleToUpgrade, boolean force, Map<String, String> extendedProperties) {
    }

    /** Change Deployment Configuration: a new .cscfg for the same roles. */
    public record ChangeConfiguration(String configuration, UpgradeMode mode, Map<String, String> extendedProperties) {
    }

    /** Rollback Update Or Upgrade (Simultaneous is not a rollback mode). */
    public record Rollback(UpgradeMode mode, boolean force) {
    }

    /**
     * A certificate file as Add Service Certificate sends it: the bytes, {@code pfx} or {@code cer}, and for a PFX
     * its password (used to open it, never kept).
     */
    public record CertificateFile(byte[] data, String format, char[] password) {
    }
}
