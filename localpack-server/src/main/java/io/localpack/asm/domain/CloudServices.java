package io.localpack.asm.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobService;
import io.localpack.tenancy.SubscriptionLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ASM API can read about cloud services, free of XML; every query is scoped to the subscription. What it
 * can do is {@link CloudServiceLifecycle}'s.
 */
@Service
public class CloudServices {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final HostedServiceRepository services;
    private final JobService jobs;
    private final SubscriptionLookup subscriptions;
    private final ObjectMapper json;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    CloudServices(HostedServiceRepository services, JobService jobs, SubscriptionLookup subscriptions,
                  ObjectMapper json, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.services = services;
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<Snapshots.CloudService> list(UUID subscriptionId) {
        requireSubscription(subscriptionId);
        return services.findBySubscriptionIdOrderByNameKey(subscriptionId).stream()
                .map(s -> snapshot(s, false)).toList();
    }

    @Transactional(readOnly = true)
    public Snapshots.CloudService get(UUID subscriptionId, String serviceName, boolean withDeployments) {
        return snapshot(service(subscriptionId, serviceName), withDeployments);
    }

    @Transactional(readOnly = true)
    public Snapshots.DeploymentView deployment(UUID subscriptionId, String serviceName, Commands.DeploymentRef ref) {
        return snapshot(deployment(service(subscriptionId, serviceName), ref));
    }

    /** DNS names are global: availability is checked across all subscriptions, as in Azure. */
    @Transactional(readOnly = true)
    public Snapshots.Availability isAvailable(UUID subscriptionId, String serviceName) {
        requireSubscription(subscriptionId);
        String problem = Validation.serviceNameProblem(serviceName);
        if (problem != null) {
            return new Snapshots.Availability(false, problem);
        }
        if (services.existsByNameKey(HostedService.nameKey(serviceName))) {
            return new Snapshots.Availability(false, "The specified DNS name is already taken.");
        }
        return new Snapshots.Availability(true, null);
    }

    /** A job of this subscription (the ASM operation), if any. */
    public Optional<Job> operation(UUID subscriptionId, UUID operationId) {
        requireSubscription(subscriptionId);
        jobs.statusRead(subscriptionId, List.of(operationId)); // advances operations timed by status reads
        return jobs.find(subscriptionId, operationId);
    }

    // ---- service certificates ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Snapshots.ServiceCertificate> certificates(UUID subscriptionId, String serviceName) {
        return jdbc.query("SELECT thumbprint_algorithm, thumbprint, certificate_data, subject, created_time FROM "
                + "asm_service_certificates WHERE hosted_service_id = ? ORDER BY created_time, thumbprint",
                CloudServices::certificate, service(subscriptionId, serviceName).getId());
    }

    @Transactional(readOnly = true)
    public Snapshots.ServiceCertificate certificate(UUID subscriptionId, String serviceName, String algorithm,
                                                    String thumbprint) {
        return certificate(service(subscriptionId, serviceName).getId(), algorithm, thumbprint)
                .orElseThrow(() -> certificateNotFound(algorithm, thumbprint));
    }

    /** Thumbprints are stored upper-case, algorithms lower-case; either comes in any case from a URL. */
    Optional<Snapshots.ServiceCertificate> certificate(UUID serviceId, String algorithm, String thumbprint) {
        return jdbc.query("SELECT thumbprint_algorithm, thumbprint, certificate_data, subject, created_time FROM "
                + "asm_service_certificates WHERE hosted_service_id = ? AND thumbprint_algorithm = ? AND "
                + "thumbprint = ?", CloudServices::certificate, serviceId, algorithm.toLowerCase(java.util.Locale.ROOT),
                thumbprint.toUpperCase(java.util.Locale.ROOT)).stream().findFirst();
    }

    static CloudServiceException certificateNotFound(String algorithm, String thumbprint) {
        return CloudServiceException.notFound("The certificate " + algorithm + "-" + thumbprint
                + " was not found on this hosted service.");
    }

    private static Snapshots.ServiceCertificate certificate(java.sql.ResultSet rs, int row)
            throws java.sql.SQLException {
        return new Snapshots.ServiceCertificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, java.time.OffsetDateTime.class));
    }

    void requireSubscription(UUID subscriptionId) {
        if (!subscriptions.exists(subscriptionId)) {
            throw CloudServiceException.unknownSubscription(subscriptionId);
        }
    }

    HostedService service(UUID subscriptionId, String serviceName) {
        requireSubscription(subscriptionId);
        return services.findBySubscriptionIdAndNameKey(subscriptionId, HostedService.nameKey(serviceName))
                .orElseThrow(() -> CloudServiceException.notFound("The hosted service " + serviceName
                        + " does not exist."));
    }

    static Deployment deployment(HostedService s, Commands.DeploymentRef ref) {
        return s.getDeployments().stream()
                .filter(d -> ref.slot() != null ? d.getSlot() == ref.slot() : d.getName().equals(ref.name()))
                .findFirst()
                .orElseThrow(() -> CloudServiceException.notFound("No deployments were found."));
    }

    private Snapshots.CloudService snapshot(HostedService s, boolean withDeployments) {
        return new Snapshots.CloudService(s.getId(), s.getServiceName(), s.getLabel(), s.getDescription(),
                s.getLocation(), s.getAffinityGroup(), s.getStatus(), s.getDateCreated(), s.getDateLastModified(),
                s.getReverseDnsFqdn(), fromJson(s.getExtendedProperties()),
                withDeployments ? s.getDeployments().stream().map(this::snapshot).toList() : List.of());
    }

    private Snapshots.DeploymentView snapshot(Deployment d) {
        return new Snapshots.DeploymentView(d.getId(), d.getHostedService().getServiceName(), d.getSlot(),
                d.getName(), d.getPrivateId(), d.getStatus(), d.getLabel(), d.getUrl(), d.getConfiguration(),
                d.getUpgradeDomainCount(), d.getSdkVersion(), d.isLocked(), d.isRollbackAllowed(),
                d.getCreatedTime(), d.getLastModifiedTime(), fromJson(d.getExtendedProperties()),
                d.getRoleInstances().stream().map(i -> new Snapshots.Instance(i.getRoleName(), i.getInstanceName(),
                        i.getInstanceStatus(), i.getPowerState(), i.getUpgradeDomain(), i.getFaultDomain(),
                        i.getInstanceSize(), i.getIpAddress(), i.getHostName())).toList(),
                d.upgradeInProgress() ? new Snapshots.UpgradeStatus(d.getUpgradeType(), d.getUpgradeDomainState(),
                        d.getCurrentUpgradeDomain()) : null);
    }

    private Map<String, String> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
