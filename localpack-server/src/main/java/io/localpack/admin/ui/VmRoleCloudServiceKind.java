package io.localpack.admin.ui;

import io.localpack.vmroles.web.VmRoleApiCalls;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cloud services of the VM Role API (MicrosoftCompute.CloudService), with their VM Roles; the page shows the API's
 * JSON for {@code GET /{subscription}/CloudServices/{name}}.
 */
@Component
class VmRoleCloudServiceKind extends SqlResourceKind<VmRoleCloudServiceKind.Item> {

    record Item(UUID id, UUID subscription, String name, String label, String state, int roles) {
    }

    private final VmRoleCalls api;

    VmRoleCloudServiceKind(NamedParameterJdbcTemplate jdbc, VmRoleCalls api) {
        super(jdbc);
        this.api = api;
    }

    @Override
    public String key() {
        return "vmrole-cloud-services";
    }

    @Override
    public String title() {
        return "VM Role cloud services";
    }

    @Override
    public String api() {
        return "VM_ROLES";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public List<String> columns() {
        return List.of("Label", "VM Roles");
    }

    @Override
    protected String selectFrom() {
        return "SELECT c.id, c.subscription_id, c.name, c.label, c.provisioning_state,"
                + " (SELECT COUNT(*) FROM vm_roles r WHERE r.cloud_service_id = c.id) AS roles FROM cloud_services c";
    }

    @Override
    protected String idColumn() {
        return "c.id";
    }

    @Override
    protected String subscriptionColumn() {
        return "c.subscription_id";
    }

    @Override
    protected String nameColumn() {
        return "c.name";
    }

    @Override
    protected String stateColumn() {
        return "c.provisioning_state";
    }

    @Override
    protected RowMapper<Item> mapper() {
        return (rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6));
    }

    @Override
    protected ResourceRow row(Item c) {
        return new ResourceRow(c.id().toString(), c.subscription(), c.name(), c.state(),
                List.of(text(c.label()), Integer.toString(c.roles())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(Item c, UUID subscription) {
        ResourceDetail.Builder page = ResourceDetail.builder(key(), c.id().toString(), subscription, c.name(),
                        c.state())
                .jobTarget(c.id())
                .journalPathKey("/CloudServices/" + c.name())
                .representedBy((connection, response) -> {
                    VmRoleApiCalls.Answer answer = api.readCloudService(connection, subscription, c.name());
                    return new ResourceDetail.Representation("GET " + VmRoleCalls.cloudServicePath(subscription,
                            c.name()) + "?" + VmRoleCalls.API_VERSION, answer.status(), answer.contentType(),
                            answer.body());
                });
        List<List<String>> roles = jdbc().query("SELECT id, name, provisioning_state, instance_count FROM vm_roles"
                        + " WHERE cloud_service_id = :service AND subscription_id = :subscription ORDER BY name",
                new MapSqlParameterSource("service", c.id()).addValue("subscription", subscription),
                (rs, i) -> List.of(rs.getString(2), text(rs.getString(3)), Integer.toString(rs.getInt(4)),
                        rs.getObject(1, UUID.class).toString()));
        page.section(new ResourceDetail.Section("VM Roles", List.of("Name", "Provisioning state", "Instances"),
                roles.stream().map(r -> r.subList(0, 3)).toList(),
                roles.stream().map(r -> "vm-roles/" + subscription + "/" + r.get(3)).toList()));
        return Optional.of(page);
    }
}
