package io.localpack.asm.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The state changes cloud-service jobs make, one transaction each (called from job steps). */
@Component
@Transactional
class CloudServiceTransitions {

    private final HostedServiceRepository services;
    private final DeploymentRepository deployments;
    private final ServiceConfiguration configurations;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CloudServiceTransitions(HostedServiceRepository services, DeploymentRepository deployments,
                          ServiceConfiguration configurations, JdbcTemplate jdbc, ObjectMapper json) {
        this.services = services;
        this.deployments = deployments;
        this.configurations = configurations;
        this.jdbc = jdbc;
        this.json = json;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    String toJson(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void createHostedService(UUID id, UUID subscriptionId, Commands.CreateHostedService c) {
        if (services.existsByNameKey(HostedService.nameKey(c.serviceName()))) {
            throw CloudServiceException.conflict("The specified DNS name is already taken.");
        }
        services.saveAndFlush(new HostedService(id, subscriptionId, c.serviceName(), c.label(), c.description(),
                c.location(), c.affinityGroup(), c.reverseDnsFqdn(), toJson(c.extendedProperties()), now()));
    }

    void updateHostedService(UUID id, Commands.UpdateHostedService c) {
        services.findById(id).orElseThrow().update(c.label(), c.description(), c.reverseDnsFqdn(),
                toJson(c.extendedProperties()), now());
    }

    void deleteHostedService(UUID id) {
        services.findById(id).ifPresent(services::delete);
    }

    void setHostedServiceStatus(UUID id, String status) {
        jdbc.update("UPDATE asm_hosted_services SET status = ?, date_last_modified = ? WHERE id = ?",
                status, now(), id);
    }

    void createDeployment(UUID id, UUID serviceId, DeploymentSlot slot, Commands.CreateDeployment c) {
        HostedService service = services.findById(serviceId).orElseThrow();
        if (service.getDeployments().stream().anyMatch(d -> d.getSlot() == slot)) {
            throw CloudServiceException.conflict("The specified deployment slot " + slot + " is occupied.");
        }
        if (service.getDeployments().stream().anyMatch(d -> d.getName().equals(c.name()))) {
            throw CloudServiceException.conflict("A deployment named " + c.name() + " already exists.");
        }
        String privateId = id.toString().replace("-", "");
        Deployment d = new Deployment(id, service, slot, c.name(), c.label(), url(service, slot, privateId),
                c.configuration(), c.packageUrl(), "Deploying", toJson(c.extendedProperties()), now());
        int position = 0;
        int maxIndex = 0;
        for (Map.Entry<String, Integer> role : configurations.roles(c.configuration()).entrySet()) {
            for (int i = 0; i < role.getValue(); i++) {
                d.getRoleInstances().add(new RoleInstance(d, position, role.getKey(), i, "CreatingVM", "Starting",
                        "10.0.0." + (4 + position)));
                position++;
                maxIndex = Math.max(maxIndex, i);
            }
        }
        d.setUpgradeDomainCount(Math.min(5, maxIndex + 1));
        service.getDeployments().add(d);
        service.touch(now());
        services.saveAndFlush(service);
    }

    static String url(HostedService service, DeploymentSlot slot, String privateId) {
        return slot == DeploymentSlot.Production
                ? "http://" + service.getServiceName() + ".cloudapp.net/"
                : "http://" + privateId + ".cloudapp.net/";
    }

    /** Deployment status and, when given, every role instance's status and power state. */
    void setDeploymentState(UUID deploymentId, String status, String instanceStatus, String powerState) {
        deployments.findById(deploymentId).ifPresent(d -> {
            d.setStatus(status, now());
            if (instanceStatus != null) {
                d.getRoleInstances().forEach(i -> i.setState(instanceStatus, powerState));
            }
        });
    }

    void setInstanceState(UUID deploymentId, String instanceName, String instanceStatus, String powerState) {
        deployments.findById(deploymentId).ifPresent(d -> d.getRoleInstances().stream()
                .filter(i -> i.getInstanceName().equals(instanceName))
                .forEach(i -> i.setState(instanceStatus, powerState)));
    }

    void deleteDeployment(UUID deploymentId) {
        deployments.findById(deploymentId).ifPresent(d -> {
            d.getHostedService().getDeployments().remove(d);
            d.getHostedService().touch(now());
        });
    }

    /**
     * Exchange the slots of a service's deployments. Plain SQL through distinct parking values: a unique (service, slot)
     * index is checked row by row on PostgreSQL, so a one-statement swap would collide with itself.
     */
    void swap(UUID serviceId) {
        HostedService service = services.findById(serviceId).orElseThrow();
        OffsetDateTime now = now();
        int parking = 0;
        for (Deployment d : service.getDeployments()) {
            jdbc.update("UPDATE asm_deployments SET slot = ? WHERE id = ?", "Swapping" + parking++, d.getId());
        }
        for (Deployment d : service.getDeployments()) {
            DeploymentSlot to = d.getSlot().other();
            jdbc.update("UPDATE asm_deployments SET slot = ?, url = ?, last_modified_time = ? WHERE id = ?",
                    to.name(), url(service, to, d.getPrivateId()), now, d.getId());
        }
    }

    // ---- upgrades and configuration changes -------------------------------------------------------------

    /**
     * Writes the new configuration (and package and label for an upgrade), keeps the old one for a rollback, adds
     * or removes role instances to match the new instance counts, and opens the upgrade at domain 0, Before.
     *
     * @return the number of upgrade domains the upgrade walks
     */
    int startUpgrade(UUID deploymentId, Commands.Upgrade c, String stableStatus) {
        Deployment d = deployments.findById(deploymentId).orElseThrow();
        boolean running = "Running".equals(stableStatus);
        matchInstances(d, configurations.roles(c.configuration()), running);
        d.startUpgrade(c.mode().name(), c.configuration(), c.packageUrl(), c.label(), c.roleToUpgrade(), now());
        if (c.extendedProperties() != null && !c.extendedProperties().isEmpty()) {
            d.setExtendedProperties(toJson(c.extendedProperties()));
        }
        return d.getUpgradeDomainsToWalk();
    }

    /** New instances for higher counts and new roles, the highest-numbered ones gone for lower counts. */
    private void matchInstances(Deployment d, Map<String, Integer> roles, boolean running) {
        d.getRoleInstances().removeIf(i -> !roles.containsKey(i.getRoleName())
                || i.index() >= roles.get(i.getRoleName()));
        java.util.List<RoleInstance> ordered = new java.util.ArrayList<>();
        int maxIndex = 0;
        for (Map.Entry<String, Integer> role : roles.entrySet()) {
            for (int n = 0; n < role.getValue(); n++) {
                final int index = n;
                RoleInstance instance = d.getRoleInstances().stream()
                        .filter(i -> i.getRoleName().equals(role.getKey()) && i.index() == index).findFirst()
                        .orElse(null);
                if (instance == null) {
                    instance = new RoleInstance(d, ordered.size(), role.getKey(), n,
                            running ? "ReadyRole" : "StoppedVM", running ? "Started" : "Stopped",
                            "10.0.0." + (4 + d.getRoleInstances().size() + ordered.size()));
                    d.getRoleInstances().add(instance);
                }
                ordered.add(instance);
                maxIndex = Math.max(maxIndex, n);
            }
        }
        for (int p = 0; p < ordered.size(); p++) {
            ordered.get(p).setPosition(p);
        }
        d.getRoleInstances().sort(java.util.Comparator.comparingInt(RoleInstance::getPosition));
        d.setUpgradeDomainCount(Math.min(5, maxIndex + 1));
    }

    /** One upgrade domain (or, with {@code domain} -1, all of them) is being upgraded: its instances stop. */
    void upgradeDomainDuring(UUID deploymentId, int domain, String stableStatus) {
        deployments.findById(deploymentId).ifPresent(d -> {
            d.setUpgradeDomainState(Math.max(domain, 0), "During", now());
            d.setStatus(stableStatus + "Transitioning", now());
            boolean running = "Running".equals(stableStatus);
            instancesOf(d, domain).forEach(i -> i.setState(running ? "StoppingRole" : "StoppedVM",
                    running ? "Stopping" : "Stopped"));
        });
    }

    /**
     * The domain is done: its instances run the new version, the next domain is Before; after the last one the
     * upgrade is over.
     *
     * @return true when that was the last domain
     */
    boolean upgradeDomainDone(UUID deploymentId, int domain, String stableStatus) {
        Deployment d = deployments.findById(deploymentId).orElseThrow();
        boolean running = "Running".equals(stableStatus);
        instancesOf(d, domain).forEach(i -> i.setState(running ? "ReadyRole" : "StoppedVM",
                running ? "Started" : "Stopped"));
        d.setStatus(stableStatus, now());
        if (domain < 0 || domain + 1 >= d.getUpgradeDomainsToWalk()) {
            d.finishUpgrade(now());
            return true;
        }
        d.setUpgradeDomainState(domain + 1, "Before", now());
        return false;
    }

    /** A walk that failed: the domain is Before again, its instances as they were. */
    void upgradeDomainBack(UUID deploymentId, int domain, String stableStatus) {
        deployments.findById(deploymentId).ifPresent(d -> {
            boolean running = "Running".equals(stableStatus);
            instancesOf(d, domain).forEach(i -> i.setState(running ? "ReadyRole" : "StoppedVM",
                    running ? "Started" : "Stopped"));
            d.setStatus(stableStatus, now());
            if (d.upgradeInProgress()) {
                d.setUpgradeDomainState(Math.max(domain, 0), "Before", now());
            }
        });
    }

    /** The job that started an upgrade failed: the old configuration is back and nothing is in progress. */
    void abandonUpgrade(UUID deploymentId, String stableStatus) {
        deployments.findById(deploymentId).ifPresent(d -> {
            if (d.getPreviousConfiguration() != null && d.upgradeInProgress() && !d.isUpgradeRollback()) {
                d.abandonUpgrade(now());
            }
            d.setStatus(stableStatus, now());
        });
    }

    /**
     * Starts a rollback: the previous configuration is back at once; the domains already upgraded (those before
     * the current one, and the current one when it is During) are walked again.
     *
     * @return how many domains the rollback walks (0: nothing was upgraded yet, so it is over already)
     */
    int startRollback(UUID deploymentId, Commands.UpgradeMode mode) {
        Deployment d = deployments.findById(deploymentId).orElseThrow();
        int upgraded = d.getCurrentUpgradeDomain() + ("During".equals(d.getUpgradeDomainState()) ? 1 : 0);
        d.startRollback(mode.name(), upgraded, now());
        if (upgraded == 0) {
            d.finishUpgrade(now());
        }
        return upgraded;
    }

    /** The instances an upgrade step touches: one domain (all for -1), only the role being upgraded if one is. */
    private static java.util.List<RoleInstance> instancesOf(Deployment d, int domain) {
        return d.getRoleInstances().stream()
                .filter(i -> domain < 0 || i.getUpgradeDomain() == domain)
                .filter(i -> d.getUpgradeRole() == null || d.getUpgradeRole().equals(i.getRoleName()))
                .toList();
    }

    // ---- service certificates ----------------------------------------------------------------------------

    void addCertificate(UUID serviceId, String algorithm, String thumbprint, String certificate, String subject) {
        if (!jdbc.queryForList("SELECT 1 FROM asm_service_certificates WHERE hosted_service_id = ? AND "
                + "thumbprint_algorithm = ? AND thumbprint = ?", Integer.class, serviceId, algorithm, thumbprint)
                .isEmpty()) {
            throw CloudServiceException.conflict("The certificate " + algorithm + "-" + thumbprint
                    + " already exists on this hosted service.");
        }
        jdbc.update("INSERT INTO asm_service_certificates (hosted_service_id, thumbprint_algorithm, thumbprint, "
                + "certificate_data, subject, created_time) VALUES (?, ?, ?, ?, ?, ?)", serviceId, algorithm,
                thumbprint, certificate, subject, now());
    }

    void deleteCertificate(UUID serviceId, String algorithm, String thumbprint) {
        jdbc.update("DELETE FROM asm_service_certificates WHERE hosted_service_id = ? AND thumbprint_algorithm = ? "
                + "AND thumbprint = ?", serviceId, algorithm, thumbprint);
    }
}
