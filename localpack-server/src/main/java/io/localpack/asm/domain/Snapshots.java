package io.localpack.asm.domain;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read models of cloud services, detached from JPA so adapters render them outside a transaction. */
public final class Snapshots {

    private Snapshots() {
    }

    public record CloudService(UUID id, String serviceName, String label, String description, String location,
                               String affinityGroup, String status, OffsetDateTime dateCreated,
                               OffsetDateTime dateLastModified, String reverseDnsFqdn,
                               Map<String, String> extendedProperties, List<DeploymentView> deployments) {
    }

    public record DeploymentView(UUID id, String serviceName, DeploymentSlot slot, String name, String privateId,
                                 String status, String label, String url, String configuration,
                                 int upgradeDomainCount, String sdkVersion, boolean locked, boolean rollbackAllowed,
                                 OffsetDateTime createdTime, OffsetDateTime lastModifiedTime,
                                 Map<String, String> extendedProperties, List<Instance> roleInstances,
                                 UpgradeStatus upgradeStatus) {

        /** The roles of the deployment in first-appearance order (ASM RoleList). */
        public List<String> roleNames() {
            Map<String, Boolean> names = new LinkedHashMap<>();
            roleInstances.forEach(i -> names.put(i.roleName(), true));
            return List.copyOf(names.keySet());
        }
    }

    public record Instance(String roleName, String instanceName, String instanceStatus, String powerState,
                           int upgradeDomain, int faultDomain, String instanceSize, String ipAddress,
                           String hostName) {
    }

    /** An upgrade or configuration change that has domains left to walk (null on a deployment without one). */
    public record UpgradeStatus(String upgradeType, String currentUpgradeDomainState, int currentUpgradeDomain) {
    }

    public record ServiceCertificate(String thumbprintAlgorithm, String thumbprint, String data, String subject,
                                     OffsetDateTime createdTime) {
    }

    public record Availability(boolean available, String reason) {
    }
}
