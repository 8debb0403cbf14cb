package io.localpack.vmm.vm;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A subscription's CpuCount quota in one cloud, read and set in the database, for tests that go over it. */
record CloudCpuQuota(JdbcTemplate jdbc, UUID subscriptionId, UUID cloudId) {

    CloudCpuQuota(JdbcTemplate jdbc, String subscriptionId, String cloudId) {
        this(jdbc, UUID.fromString(subscriptionId), UUID.fromString(cloudId));
    }

    Integer limit() {
        return jdbc.queryForObject("SELECT user_role_quota FROM cloud_quotas WHERE subscription_id = ?"
                + " AND cloud_id = ? AND quota_dimension = 'CpuCount'", Integer.class, subscriptionId, cloudId);
    }

    long used() {
        return jdbc.queryForObject("SELECT user_role_usage FROM quota_and_usage_components WHERE subscription_id"
                + " = ? AND cloud_id = ? AND quota_dimension = 'CpuCount'", Long.class, subscriptionId, cloudId);
    }

    void setLimit(Integer limit) {
        jdbc.update("UPDATE cloud_quotas SET user_role_quota = ? WHERE subscription_id = ? AND cloud_id = ?"
                + " AND quota_dimension = 'CpuCount'", limit, subscriptionId, cloudId);
    }
}
