package io.localpack.subscriptions;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a subscription holds, counted by the database in one statement of aggregates: VMM services, virtual
 * machines with their cores and memory, and cloud services with their role instances.
 *
 * <p>The VMM quota checks (package {@code vmm/quota}, being written alongside) count the same rows; once both exist
 * this should become one query both use (see docs/subscriptions.md).
 */
@Component
public class SubscriptionUsage {

    /** The figures of one subscription. */
    public record Held(long services, long virtualMachines, long cores, long memoryMb, long cloudServices,
                       long roleInstances) {
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
                + "(SELECT COUNT(*) FROM asm_hosted_services WHERE subscription_id = ?), "
                + "(SELECT COUNT(*) FROM asm_role_instances r JOIN asm_deployments d ON d.id = r.deployment_id "
                + "JOIN asm_hosted_services h ON h.id = d.hosted_service_id WHERE h.subscription_id = ?)",
                (rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)),
                subscriptionId, subscriptionId, subscriptionId, subscriptionId, subscriptionId, subscriptionId);
    }
}
