package io.localpack.admin.ui;

import io.localpack.vmm.vm.VirtualMachine;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import io.localpack.vmroles.web.VmRoleApiCalls;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * VM Roles (MicrosoftCompute.VMRole) with their machines, which are VMM virtual machines; the page shows the API's
 * JSON for the role and offers Scale (to a number of instances the user gives) and Delete, both through the VM Role
 * API's own handlers.
 */
@Component
class VmRoleKind extends SqlResourceKind<VmRoleKind.Item> {

    record Item(UUID id, UUID subscription, String name, String state, int instances, String cloudService,
                UUID cloudServiceId, UUID stampId) {
    }

    /** The most the Scale field offers; the role's definition sets the real bounds, and the API checks them. */
    private static final int MOST_INSTANCES = 1000;

    private final VmRoleCalls api;
    private final VirtualMachinesOfRoles machines;

    VmRoleKind(NamedParameterJdbcTemplate jdbc, VmRoleCalls api, VirtualMachinesOfRoles machines) {
        super(jdbc);
        this.api = api;
        this.machines = machines;
    }

    @Override
    public String key() {
        return "vm-roles";
    }

    @Override
    public String title() {
        return "VM Roles";
    }

    @Override
    public String api() {
        return "VM_ROLES";
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public List<String> columns() {
        return List.of("Cloud service", "Instances", "Stamp");
    }

    @Override
    protected String selectFrom() {
        return "SELECT r.id, r.subscription_id, r.name, r.provisioning_state, r.instance_count, c.name, c.id,"
                + " r.stamp_id FROM vm_roles r JOIN cloud_services c ON c.id = r.cloud_service_id";
    }

    @Override
    protected String idColumn() {
        return "r.id";
    }

    @Override
    protected String subscriptionColumn() {
        return "r.subscription_id";
    }

    @Override
    protected String nameColumn() {
        return "r.name";
    }

    @Override
    protected String stateColumn() {
        return "r.provisioning_state";
    }

    @Override
    protected RowMapper<Item> mapper() {
        return (rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class));
    }

    @Override
    protected ResourceRow row(Item r) {
        return new ResourceRow(r.id().toString(), r.subscription(), r.name(), r.state(),
                List.of(r.cloudService(), Integer.toString(r.instances()), text(r.stampId())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(Item r, UUID subscription) {
        String action = "vmroles/" + subscription + "/" + r.cloudService() + "/" + r.name() + "/";
        ResourceDetail.Builder page = ResourceDetail.builder(key(), r.id().toString(), subscription, r.name(),
                        r.state())
                .jobTarget(r.id())
                .journalPathKey("/CloudServices/" + r.cloudService() + "/Resources/MicrosoftCompute/VMRoles/"
                        + r.name())
                .journalPathKey("/actions/" + action)
                .representedBy((connection, response) -> {
                    VmRoleApiCalls.Answer answer = api.readRole(connection, subscription, r.cloudService(), r.name());
                    return new ResourceDetail.Representation("GET " + VmRoleCalls.rolePath(subscription,
                            r.cloudService(), r.name()) + "?" + VmRoleCalls.API_VERSION, answer.status(),
                            answer.contentType(), answer.body());
                })
                .operation("Scale", action + "scale", null, ResourceDetail.Choice.number("InstanceCount",
                        "Instances", 0, MOST_INSTANCES, r.instances()))
                .operation("Delete", action + "delete", null);
        List<VirtualMachine> instances = machines.instances(subscription, r.id());
        page.section(new ResourceDetail.Section("Virtual machines", List.of("Name", "Status", "Computer name",
                        "CPU", "Memory MB"),
                instances.stream().map(v -> List.of(text(v.getName()), text(v.getStatus()), text(v.getComputerName()),
                        text(v.getCpuCount()), text(v.getMemoryMb()))).toList(),
                instances.stream().map(v -> "virtual-machines/" + subscription + "/" + v.getId()).toList()));
        page.section(new ResourceDetail.Section("Cloud service", List.of("Name"), List.of(List.of(r.cloudService())),
                List.of("vmrole-cloud-services/" + subscription + "/" + r.cloudServiceId())));
        return Optional.of(page);
    }
}
