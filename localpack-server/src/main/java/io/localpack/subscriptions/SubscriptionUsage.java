package io.localpack.subscriptions;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a subscription holds, counted by the database in one statement of aggregates: VMM services, virtual
 * machines with their cores, memory and disk storage, and cloud services with their role instances.
 *
 * <p>The VMM quota of each cloud ({@code quota_and_usage_components}, vmm/quota) counts the same rows per cloud
 * with the same rounding (storage: the disks' maximum sizes, rounded up to whole GB), so these figures are the sums
 * of the clouds' usage.
 */
@Component
public class SubscriptionUsage {

    /** The figures of one subscription. */
    public record Held(long services, long virtualMachines, long cores, long memoryMb, long storageGb,
                       long cloudServices, long roleInstances) {
    }

    private final JdbcTemplate jdbc;

    SubscriptionUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Held of(UUID subscriptionId) {
        return jdbc.queryForObject("SELECT "
                + "(SELECT COUNT(*) FROM services WHERE subscription_id = ?), "
                + "(SELECT COUNT(*) FROM virtual_machines WHERE subscription_id = ?), "
                + "(SELECT COALESCE(SUM(cpu_count), 0) FROM virtual_machines WHERE subscription_id = ?), "
                + "(SELECT COALESCE(SUM(memory_mb), 0) FROM virtual_machines WHERE subscription_id = ?), "
                + "(SELECT CAST(CEILING(COALESCE(SUM(d.maximum_size), 0) / 1073741824.0) AS BIGINT) "
                + "FROM virtual_hard_disks d JOIN virtual_machines v ON v.id = d.vm_id AND v.stamp_id = d.stamp_id "
                + "WHERE v.subscription_id = ?), "
                + "(SELECT COUNT(*) FROM asm_hosted_services WHERE subscription_id = ?), "
                + "(SELECT COUNT(*) FROM asm_role_instances r JOIN asm_deployments d ON d.id = r.deployment_id "
                + "JOIN asm_hosted_services h ON h.id = d.hosted_service_id WHERE h.subscription_id = ?)",
                (rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)),
                subscriptionId, subscriptionId, subscriptionId, subscriptionId, subscriptionId, subscriptionId,
                subscriptionId);
    }
}
