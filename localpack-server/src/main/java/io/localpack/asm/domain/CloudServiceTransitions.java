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
}
