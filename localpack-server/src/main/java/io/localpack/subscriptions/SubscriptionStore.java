package io.localpack.subscriptions;

import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.AddOnReference;
import io.localpack.subscriptions.Models.CloudGrant;
import io.localpack.subscriptions.Models.Plan;
import io.localpack.subscriptions.Models.QuotaLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The subscription API's rows, by SQL with bind parameters: subscriptions with their plan, state, co-admins and
 * add-ons; plans and add-ons (shared rows); the grants subscribing copies from a plan.
 */
@Repository
public class SubscriptionStore {

    /** A subscription row. */
    public record Row(UUID id, String name, String accountAdmin, String planId, int state, OffsetDateTime created) {
    }

    private static final String ROW = "SELECT id, name, account_admin, plan_id, state, created_time FROM subscriptions";
    private static final String PLAN = "SELECT p.id, p.display_name, p.description, p.state, "
            + "p.max_subscriptions_per_account, p.invitation_code, p.price, p.vm_limit, p.core_limit, p.memory_mb_limit, "
            + "p.cloud_service_limit, (SELECT COUNT(*) FROM subscriptions s WHERE s.plan_id = p.id) FROM plans p";
    private static final String ADD_ON = "SELECT a.id, a.display_name, a.description, a.state, "
            + "a.max_occurrences_per_plan, a.price, (SELECT COUNT(DISTINCT r.subscription_id) FROM subscription_add_ons r "
            + "WHERE r.add_on_id = a.id) FROM add_ons a";

    private final JdbcTemplate jdbc;

    SubscriptionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.query(ROW + " WHERE id = ?", SubscriptionStore::row, id).stream().findFirst();
    }

    /** The subscriptions a user administers or co-administers, oldest first. */
    public List<Row> administeredBy(String principal) {
        return jdbc.query(ROW + " WHERE LOWER(account_admin) = LOWER(?) OR id IN (SELECT subscription_id FROM "
                + "subscription_co_admins WHERE LOWER(name) = LOWER(?)) ORDER BY created_time, id",
                SubscriptionStore::row, principal, principal);
    }

    public List<String> coAdmins(UUID id) {
        return jdbc.queryForList("SELECT name FROM subscription_co_admins WHERE subscription_id = ? ORDER BY position",
                String.class, id);
    }

    public List<AddOnReference> addOnReferences(UUID id) {
        return jdbc.query("SELECT add_on_id, add_on_instance_id, acquisition_time FROM subscription_add_ons "
                + "WHERE subscription_id = ? ORDER BY acquisition_time, add_on_instance_id",
                (rs, n) -> new AddOnReference(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class)), id);
    }

    /** The clouds granted to the subscription (by a plan or a fixture). */
    public List<CloudGrant> grantedClouds(UUID id) {
        return jdbc.query("SELECT cloud_id, stamp_id FROM subscription_clouds WHERE subscription_id = ? "
                + "ORDER BY cloud_id, stamp_id", SubscriptionStore::cloud, id);
    }

    public Optional<Plan> plan(String id) {
        return jdbc.query(PLAN + " WHERE p.id = ?", (rs, n) -> plan(rs), id).stream().findFirst();
    }

    public List<Plan> publicPlans() {
        return jdbc.query(PLAN + " WHERE p.state = 1 ORDER BY p.display_name, p.id", (rs, n) -> plan(rs));
    }

    /** Holds the plan's row until the transaction ends, so that two subscribes cannot both pass the limit. */
    public void lockPlan(String id) {
        jdbc.queryForList("SELECT id FROM plans WHERE id = ? FOR UPDATE", String.class, id);
    }

    public long subscriptionsOfAccountToPlan(String planId, String accountAdmin) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM subscriptions WHERE plan_id = ? "
                + "AND LOWER(account_admin) = LOWER(?)", Long.class, planId, accountAdmin);
        return n == null ? 0 : n;
    }

    public Optional<AddOn> addOn(String id) {
        return jdbc.query(ADD_ON + " WHERE a.id = ?", (rs, n) -> addOn(rs), id).stream().findFirst();
    }

    public List<AddOn> publicAddOns() {
        return jdbc.query(ADD_ON + " WHERE a.state = 1 ORDER BY a.display_name, a.id", (rs, n) -> addOn(rs));
    }

    public boolean exists(UUID id) {
        return !jdbc.queryForList("SELECT 1 FROM subscriptions WHERE id = ?", Integer.class, id).isEmpty();
    }

    public void insert(UUID id, String name, String accountAdmin, String planId, OffsetDateTime created) {
        jdbc.update("INSERT INTO subscriptions (id, name, account_admin, plan_id, state, created_time) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, name, accountAdmin, planId, Models.ACTIVE, created);
    }

    /**
     * A grant table of the VMM API (what a subscription may use) and the plan table it is copied from: clouds,
     * service templates, and the VM library (templates, hardware profiles, disks).
     */
    private record Grant(String subscriptionTable, String planTable, String column) {
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant("subscription_clouds", "plan_clouds", "cloud_id"),
            new Grant("subscription_service_templates", "plan_service_templates", "template_id"),
            new Grant("subscription_vm_templates", "plan_vm_templates", "template_id"),
            new Grant("subscription_hardware_profiles", "plan_hardware_profiles", "profile_id"),
            new Grant("subscription_virtual_hard_disks", "plan_virtual_hard_disks", "disk_id"));

    /** The quota dimensions of a VMM cloud (vmm/quota) with the plan column that limits each; StorageGB has none. */
    private static final List<String[]> QUOTA_DIMENSIONS = List.of(new String[] {"VMCount", "vm_limit"},
            new String[] {"CpuCount", "core_limit"}, new String[] {"MemoryMB", "memory_mb_limit"},
            new String[] {"StorageGB", "CAST(NULL AS INTEGER)"});

    /**
     * What a fixture subscription has, copied from the plan where the subscription lacks it: the grant tables the
     * VMM API scopes by, and a quota per plan cloud holding the plan's limits, which the VMM quota checks enforce
     * (a plan's VMM quota is per cloud, as in WAP's plan settings). The cloud-service API needs no grant: it serves
     * every existing subscription. Table and column names are the constants above, never input.
     */
    public void grantPlan(UUID id, String planId) {
        for (Grant grant : GRANTS) {
            jdbc.update("INSERT INTO " + grant.subscriptionTable() + " (subscription_id, " + grant.column()
                    + ", stamp_id) SELECT ?, p." + grant.column() + ", p.stamp_id FROM " + grant.planTable()
                    + " p WHERE p.plan_id = ? AND NOT EXISTS (SELECT 1 FROM " + grant.subscriptionTable()
                    + " g WHERE g.subscription_id = ? AND g." + grant.column() + " = p." + grant.column()
                    + " AND g.stamp_id = p.stamp_id)", id, planId, id);
        }
        for (String[] dimension : QUOTA_DIMENSIONS) {
            List<Map<String, Object>> missing = jdbc.queryForList("SELECT c.cloud_id, c.stamp_id, " + dimension[1]
                    + " AS quota FROM plan_clouds c JOIN plans p ON p.id = c.plan_id WHERE c.plan_id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM cloud_quotas q WHERE q.subscription_id = ? AND q.cloud_id = c.cloud_id "
                    + "AND q.stamp_id = c.stamp_id AND q.quota_dimension = ?)", planId, id, dimension[0]);
            for (Map<String, Object> cloud : missing) {
                jdbc.update("INSERT INTO cloud_quotas (id, stamp_id, subscription_id, cloud_id, quota_dimension, "
                        + "user_role_quota) VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), cloud.get("stamp_id"), id,
                        cloud.get("cloud_id"), dimension[0], cloud.get("quota"));
            }
        }
    }

    public void rename(UUID id, String name) {
        jdbc.update("UPDATE subscriptions SET name = ? WHERE id = ?", name, id);
    }

    public void replaceCoAdmins(UUID id, List<String> names) {
        jdbc.update("DELETE FROM subscription_co_admins WHERE subscription_id = ?", id);
        for (int i = 0; i < names.size(); i++) {
            jdbc.update("INSERT INTO subscription_co_admins (subscription_id, position, name) VALUES (?, ?, ?)",
                    id, i, names.get(i));
        }
    }

    public long addOnOccurrences(UUID id, String addOnId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM subscription_add_ons WHERE subscription_id = ? "
                + "AND add_on_id = ?", Long.class, id, addOnId);
        return n == null ? 0 : n;
    }

    public void attachAddOn(UUID id, AddOnReference reference) {
        jdbc.update("INSERT INTO subscription_add_ons (subscription_id, add_on_instance_id, add_on_id, acquisition_time) "
                + "VALUES (?, ?, ?, ?)", id, reference.addOnInstanceId(), reference.addOnId(),
                reference.acquisitionTime());
    }

    public boolean detachAddOn(UUID id, String addOnId, UUID instanceId) {
        return jdbc.update("DELETE FROM subscription_add_ons WHERE subscription_id = ? AND add_on_id = ? "
                + "AND add_on_instance_id = ?", id, addOnId, instanceId) == 1;
    }

    /** @return false when another request changed the state first */
    public boolean changeState(UUID id, int from, int to) {
        return jdbc.update("UPDATE subscriptions SET state = ? WHERE id = ? AND state = ?", to, id, from) == 1;
    }

    public void setState(UUID id, int state) {
        jdbc.update("UPDATE subscriptions SET state = ? WHERE id = ?", state, id);
    }

    // ---- deletion (SubscriptionDeletion's steps) -----------------------------------------------------------------

    /** The VMM side: machines, tiers and services (their settings, grants and properties cascade). */
    void deleteVmmResources(UUID id) {
        jdbc.update("DELETE FROM virtual_machines WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM computer_tiers WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM services WHERE subscription_id = ?", id);
    }

    /**
     * The Service Management side: hosted services (deployments and role instances cascade), and the records of
     * its reads (they have no foreign key to cascade by: see migration 18).
     */
    void deleteCloudServices(UUID id) {
        jdbc.update("DELETE FROM asm_hosted_services WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM asm_read_requests WHERE subscription_id = ?", id);
    }

    /** The subscription row; grants, certificates, co-admins and add-ons cascade. Its jobs stay as history. */
    void deleteSubscription(UUID id) {
        jdbc.update("DELETE FROM subscriptions WHERE id = ?", id);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getObject(6, OffsetDateTime.class));
    }

    private static CloudGrant cloud(ResultSet rs, int n) throws SQLException {
        return new CloudGrant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
    }

    private Plan plan(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        QuotaLimits limits = new QuotaLimits(integer(rs, 8), integer(rs, 9), integer(rs, 10), integer(rs, 11));
        List<String> services = jdbc.queryForList("SELECT service_name FROM plan_services WHERE plan_id = ? "
                + "ORDER BY service_name DESC", String.class, id); // systemcenter first, as WAP lists VM clouds first
        List<CloudGrant> clouds = jdbc.query("SELECT cloud_id, stamp_id FROM plan_clouds WHERE plan_id = ? "
                + "ORDER BY cloud_id, stamp_id", SubscriptionStore::cloud, id);
        return new Plan(id, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getLong(12), services, clouds, limits);
    }

    private AddOn addOn(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<String> plans = jdbc.queryForList("SELECT plan_id FROM add_on_plans WHERE add_on_id = ? ORDER BY plan_id",
                String.class, id);
        return new AddOn(id, rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getLong(7), plans);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
