package io.localpack.asm.domain;

import io.localpack.tenancy.auth.ManagementCertificates;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscription-level reads of the Service Management API (Get Subscription, List Locations, List Role Sizes)
 * and the subscription's management certificates, kept in the one store ({@link ManagementCertificates}) that
 * certificate-mode authentication and the control plane's registration use.
 */
@Service
public class AsmSubscriptions {

    /**
     * {@code localpack.asm.quotas.*}: the limits Get Subscription shows, Azure's defaults for a pay-as-you-go
     * subscription of the time.
     */
    @ConfigurationProperties("localpack.asm.quotas")
    public record Quotas(Integer maxCoreCount, Integer maxHostedServices, Integer maxStorageAccounts,
                         Integer maxVirtualNetworkSites, Integer maxLocalNetworkSites, Integer maxDnsServers,
                         Integer maxExtraVipCount, Integer maxReservedIps) {
        public Quotas {
            maxCoreCount = maxCoreCount == null ? 20 : maxCoreCount;
            maxHostedServices = maxHostedServices == null ? 20 : maxHostedServices;
            maxStorageAccounts = maxStorageAccounts == null ? 100 : maxStorageAccounts;
            maxVirtualNetworkSites = maxVirtualNetworkSites == null ? 10 : maxVirtualNetworkSites;
            maxLocalNetworkSites = maxLocalNetworkSites == null ? 10 : maxLocalNetworkSites;
            maxDnsServers = maxDnsServers == null ? 9 : maxDnsServers;
            maxExtraVipCount = maxExtraVipCount == null ? 5 : maxExtraVipCount;
            maxReservedIps = maxReservedIps == null ? 20 : maxReservedIps;
        }
    }

    /** Get Subscription: the subscription row, the quotas, and the usage its cloud services make. */
    public record Overview(UUID id, String name, String status, String accountAdmin, Quotas quotas,
                           int currentCoreCount, int currentHostedServices, OffsetDateTime createdTime) {
    }

    public record Location(String name, String displayName, List<String> availableServices) {
    }

    public record RoleSize(String name, String label, int cores, int memoryMb, boolean webWorkerRoles,
                           boolean virtualMachines, int maxDataDisks, int webWorkerDiskMb, int vmDiskMb) {
    }

    private final JdbcTemplate jdbc;
    private final Quotas quotas;
    private final ManagementCertificates certificates;
    private final CloudServices reads;

    AsmSubscriptions(JdbcTemplate jdbc, Quotas quotas, ManagementCertificates certificates, CloudServices reads) {
        this.jdbc = jdbc;
        this.quotas = quotas;
        this.certificates = certificates;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    public Overview get(UUID subscriptionId) {
        reads.requireSubscription(subscriptionId);
        return jdbc.queryForObject("SELECT s.name, s.account_admin, s.state, s.created_time, "
                + "(SELECT COUNT(*) FROM asm_hosted_services h WHERE h.subscription_id = s.id), "
                + "(SELECT COALESCE(SUM(COALESCE(z.cores, 1)), 0) FROM asm_role_instances i "
                + "  JOIN asm_deployments d ON d.id = i.deployment_id "
                + "  JOIN asm_hosted_services h ON h.id = d.hosted_service_id "
                + "  LEFT JOIN asm_role_sizes z ON z.name = i.instance_size WHERE h.subscription_id = s.id) "
                + "FROM subscriptions s WHERE s.id = ?", (rs, n) -> new Overview(subscriptionId, rs.getString(1),
                rs.getInt(3) == 1 ? "Active" : "Disabled", rs.getString(2), quotas, rs.getInt(6), rs.getInt(5),
                rs.getObject(4, OffsetDateTime.class)), subscriptionId);
    }

    @Transactional(readOnly = true)
    public List<Location> locations(UUID subscriptionId) {
        reads.requireSubscription(subscriptionId);
        return jdbc.query("SELECT name, display_name, available_services FROM asm_locations ORDER BY position",
                (rs, n) -> new Location(rs.getString(1), rs.getString(2),
                        Arrays.asList(rs.getString(3).split(","))));
    }

    @Transactional(readOnly = true)
    public List<RoleSize> roleSizes(UUID subscriptionId) {
        reads.requireSubscription(subscriptionId);
        return jdbc.query("SELECT name, label, cores, memory_mb, web_worker_roles, virtual_machines, max_data_disks, "
                + "web_worker_disk_mb, vm_disk_mb FROM asm_role_sizes ORDER BY position", (rs, n) -> new RoleSize(
                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6),
                rs.getInt(7), rs.getInt(8), rs.getInt(9)));
    }

    // ---- management certificates -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ManagementCertificates.Certificate> managementCertificates(UUID subscriptionId) {
        reads.requireSubscription(subscriptionId);
        return certificates.of(subscriptionId);
    }

    @Transactional(readOnly = true)
    public ManagementCertificates.Certificate managementCertificate(UUID subscriptionId, String thumbprint) {
        reads.requireSubscription(subscriptionId);
        return certificates.find(subscriptionId, thumbprint.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> managementCertificateNotFound(thumbprint));
    }

    /**
     * Add Management Certificate: {@code data} (base64 DER) decides the thumbprint and public key; a stated
     * thumbprint or public key that disagrees with it is refused.
     */
    @Transactional
    public ManagementCertificates.Certificate addManagementCertificate(UUID subscriptionId, String publicKey,
                                                                       String thumbprint, String data) {
        if (data == null || data.isBlank()) {
            throw CloudServiceException.badRequest("SubscriptionCertificateData (the base64 X.509 certificate) is "
                    + "required.");
        }
        X509Certificate certificate;
        String body = data.replaceAll("\\s", "");
        try {
            certificate = ManagementCertificates.decode(body);
        } catch (IllegalArgumentException e) {
            throw CloudServiceException.badRequest("SubscriptionCertificateData is not a base64-encoded X.509 "
                    + "certificate.");
        }
        String computed = ManagementCertificates.thumbprint(certificate);
        if (thumbprint != null && !thumbprint.isBlank() && !thumbprint.trim().equalsIgnoreCase(computed)) {
            throw CloudServiceException.badRequest("SubscriptionCertificateThumbprint does not match the certificate "
                    + "in SubscriptionCertificateData (" + computed + ").");
        }
        String key = ManagementCertificates.publicKey(certificate);
        if (publicKey != null && !publicKey.isBlank() && !publicKey.replaceAll("\\s", "").equals(key)) {
            throw CloudServiceException.badRequest("SubscriptionCertificatePublicKey does not match the certificate "
                    + "in SubscriptionCertificateData.");
        }
        reads.requireSubscription(subscriptionId);
        if (!certificates.register(subscriptionId, computed, certificate.getSubjectX500Principal().getName(), key,
                body)) {
            throw CloudServiceException.conflict("The management certificate " + computed
                    + " is registered for the subscription already.");
        }
        return certificates.find(subscriptionId, computed).orElseThrow();
    }

    @Transactional
    public void deleteManagementCertificate(UUID subscriptionId, String thumbprint) {
        reads.requireSubscription(subscriptionId);
        if (!certificates.remove(subscriptionId, thumbprint.toUpperCase(Locale.ROOT))) {
            throw managementCertificateNotFound(thumbprint);
        }
    }

    private static CloudServiceException managementCertificateNotFound(String thumbprint) {
        return CloudServiceException.notFound("The management certificate " + thumbprint + " was not found.");
    }
}
