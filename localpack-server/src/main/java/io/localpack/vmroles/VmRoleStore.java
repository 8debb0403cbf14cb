package io.localpack.vmroles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.vmroles.Models.CloudService;
import io.localpack.vmroles.Models.GalleryItem;
import io.localpack.vmroles.Models.VmRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The VM Role API's rows, by parameterized SQL: gallery items and their grants, size profiles, cloud services and
 * VM Roles. Every tenant read names the subscription, so another tenant's row is as absent as a missing one.
 */
@Component
class VmRoleStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM_COLUMNS = "i.publisher, i.name, i.version, i.publisher_label, i.label,"
            + " i.description, i.publish_date, i.icon_url";
    private static final String GRANTED_ITEMS = " FROM gallery_items i JOIN subscription_gallery_items g"
            + " ON g.publisher = i.publisher AND g.name = i.name AND g.version = i.version AND g.subscription_id = ?";
    private static final String ROLE_COLUMNS = "id, subscription_id, cloud_service_id, name, label,"
            + " resource_definition, configuration_version, parameter_values, provisioning_state, instance_count,"
            + " next_instance_number, stamp_id, cloud_id, substate_qualifier, substate_message, most_recent_job_id";

    private final JdbcTemplate jdbc;

    VmRoleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- gallery -------------------------------------------------------------------------------------------------

    List<GalleryItem> grantedItems(UUID subscriptionId) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + GRANTED_ITEMS + " ORDER BY i.publisher, i.name, i.version",
                VmRoleStore::item, subscriptionId);
    }

    Optional<GalleryItem> grantedItem(UUID subscriptionId, String publisher, String name, String version) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + GRANTED_ITEMS + " WHERE i.publisher = ? AND i.name = ?"
                + " AND i.version = ?", VmRoleStore::item, subscriptionId, publisher, name, version).stream()
                .findFirst();
    }

    /** The item's resource or view definition document (column resource_definition or view_definition). */
    Optional<String> definition(UUID subscriptionId, String publisher, String name, String version, boolean view) {
        return jdbc.queryForList("SELECT " + (view ? "i.view_definition" : "i.resource_definition") + GRANTED_ITEMS
                + " WHERE i.publisher = ? AND i.name = ? AND i.version = ?", String.class, subscriptionId, publisher,
                name, version).stream().findFirst();
    }

    /** A size profile's CPU count and memory (MB), by its name as VMSize gives it. */
    Optional<int[]> sizeProfile(String name) {
        return jdbc.query("SELECT cpu_count, memory_mb FROM vm_role_size_profiles WHERE LOWER(name) = LOWER(?)",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, name).stream().findFirst();
    }

    /** The cloud a subscription's VM Roles go to: the first of its plan's clouds, as clients take the first. */
    Optional<UUID[]> firstCloud(UUID subscriptionId) {
        return jdbc.query("SELECT cloud_id, stamp_id FROM subscription_clouds WHERE subscription_id = ?"
                + " ORDER BY cloud_id, stamp_id FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, subscriptionId)
                .stream().findFirst();
    }

    // ---- cloud services ------------------------------------------------------------------------------------------

    List<CloudService> cloudServices(UUID subscriptionId) {
        return jdbc.query("SELECT id, subscription_id, name, label, provisioning_state FROM cloud_services"
                + " WHERE subscription_id = ? ORDER BY name", VmRoleStore::cloudService, subscriptionId);
    }

    /** A cloud service by name, whatever its case. */
    Optional<CloudService> cloudService(UUID subscriptionId, String name) {
        return jdbc.query("SELECT id, subscription_id, name, label, provisioning_state FROM cloud_services"
                + " WHERE subscription_id = ? AND LOWER(name) = LOWER(?)", VmRoleStore::cloudService, subscriptionId,
                name).stream().findFirst();
    }

    Optional<CloudService> cloudService(UUID id) {
        return jdbc.query("SELECT id, subscription_id, name, label, provisioning_state FROM cloud_services"
                + " WHERE id = ?", VmRoleStore::cloudService, id).stream().findFirst();
    }

    void insertCloudService(CloudService service, OffsetDateTime now) {
        jdbc.update("INSERT INTO cloud_services (id, subscription_id, name, label, provisioning_state, created_time,"
                + " modified_time) VALUES (?, ?, ?, ?, ?, ?, ?)", service.id(), service.subscriptionId(),
                service.name(), service.label(), service.provisioningState(), now, now);
    }

    void setCloudServiceState(UUID id, String state, OffsetDateTime now) {
        jdbc.update("UPDATE cloud_services SET provisioning_state = ?, modified_time = ? WHERE id = ?", state, now,
                id);
    }

    void deleteCloudService(UUID id) {
        jdbc.update("DELETE FROM cloud_services WHERE id = ?", id);
    }

    // ---- VM Roles ------------------------------------------------------------------------------------------------

    List<VmRole> roles(UUID subscriptionId, UUID cloudServiceId) {
        return jdbc.query("SELECT " + ROLE_COLUMNS + " FROM vm_roles WHERE subscription_id = ?"
                + " AND cloud_service_id = ? ORDER BY name", VmRoleStore::role, subscriptionId, cloudServiceId);
    }

    /** A role of a cloud service by name, whatever its case. */
    Optional<VmRole> role(UUID subscriptionId, UUID cloudServiceId, String name) {
        return jdbc.query("SELECT " + ROLE_COLUMNS + " FROM vm_roles WHERE subscription_id = ?"
                + " AND cloud_service_id = ? AND LOWER(name) = LOWER(?)", VmRoleStore::role, subscriptionId,
                cloudServiceId, name).stream().findFirst();
    }

    Optional<VmRole> role(UUID id) {
        return jdbc.query("SELECT " + ROLE_COLUMNS + " FROM vm_roles WHERE id = ?", VmRoleStore::role, id).stream()
                .findFirst();
    }

    void insertRole(VmRole role, OffsetDateTime now) {
        jdbc.update("INSERT INTO vm_roles (" + ROLE_COLUMNS + ", created_time, modified_time) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", role.id(), role.subscriptionId(),
                role.cloudServiceId(), role.name(), role.label(), role.resourceDefinitionJson(),
                role.configurationVersion(), role.parameterValuesJson(), role.provisioningState(),
                role.instanceCount(), role.nextInstanceNumber(), role.stampId(), role.cloudId(),
                role.substateQualifier(), role.substateMessage(), role.mostRecentJobId(), now, now);
    }

    /** A request on the role: its new state, instance count, next number and job; the last failure is cleared. */
    void roleRequested(UUID id, String state, int instanceCount, int nextInstanceNumber, UUID jobId,
            OffsetDateTime now) {
        jdbc.update("UPDATE vm_roles SET provisioning_state = ?, instance_count = ?, next_instance_number = ?,"
                + " most_recent_job_id = ?, substate_qualifier = NULL, substate_message = NULL, modified_time = ?"
                + " WHERE id = ?", state, instanceCount, nextInstanceNumber, jobId, now, id);
    }

    void setRoleState(UUID id, String state, String qualifier, String message, OffsetDateTime now) {
        jdbc.update("UPDATE vm_roles SET provisioning_state = ?, substate_qualifier = ?, substate_message = ?,"
                + " modified_time = ? WHERE id = ?", state, qualifier, message, now, id);
    }

    /** An update asked for: its values wait beside the role's until its job completes; the role is Updating. */
    void updateRequested(UUID id, String label, String definitionJson, String configurationVersion,
            String parameterValuesJson, UUID jobId, OffsetDateTime now) {
        jdbc.update("UPDATE vm_roles SET pending_label = ?, pending_resource_definition = ?,"
                + " pending_configuration_version = ?, pending_parameter_values = ?, provisioning_state = ?,"
                + " most_recent_job_id = ?, substate_qualifier = NULL, substate_message = NULL, modified_time = ?"
                + " WHERE id = ?", label, definitionJson, configurationVersion, parameterValuesJson,
                VmRoleLifecycle.UPDATING, jobId, now, id);
    }

    /** The waiting update becomes the role's (a role without one is left alone). */
    void applyPendingUpdate(UUID id, OffsetDateTime now) {
        jdbc.update("UPDATE vm_roles SET label = pending_label, resource_definition = pending_resource_definition,"
                + " configuration_version = pending_configuration_version,"
                + " parameter_values = pending_parameter_values, pending_label = NULL,"
                + " pending_resource_definition = NULL, pending_configuration_version = NULL,"
                + " pending_parameter_values = NULL, modified_time = ? WHERE id = ?"
                + " AND pending_resource_definition IS NOT NULL", now, id);
    }

    void dropPendingUpdate(UUID id) {
        jdbc.update("UPDATE vm_roles SET pending_label = NULL, pending_resource_definition = NULL,"
                + " pending_configuration_version = NULL, pending_parameter_values = NULL WHERE id = ?", id);
    }

    void deleteRole(UUID id) {
        jdbc.update("DELETE FROM vm_roles WHERE id = ?", id);
    }

    static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GalleryItem item(ResultSet rs, int row) throws SQLException {
        return new GalleryItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8));
    }

    private static CloudService cloudService(ResultSet rs, int row) throws SQLException {
        return new CloudService(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5));
    }

    private static VmRole role(ResultSet rs, int row) throws SQLException {
        return new VmRole(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getInt(10), rs.getInt(11), rs.getObject(12, UUID.class), rs.getObject(13, UUID.class),
                rs.getString(14), rs.getString(15), rs.getObject(16, UUID.class));
    }

}
