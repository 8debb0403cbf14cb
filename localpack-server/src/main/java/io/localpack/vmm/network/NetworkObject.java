package io.localpack.vmm.network;

import java.util.Locale;

/**
 * The kinds of network objects tenants create and remove, each with VMM's names for it (the type a job's target
 * shows, the cmdlets SPF runs) and the job kinds of its writes: {@code vmm.network.<kind>.create|update|delete}.
 */
enum NetworkObject {
    VM_NETWORK("VMNetwork", "VM network", "vm_networks", "New-SCVMNetwork", "Set-SCVMNetwork",
            "Remove-SCVMNetwork"),
    VM_SUBNET("VMSubnet", "VM subnet", "vm_subnets", "New-SCVMSubnet", null, "Remove-SCVMSubnet"),
    STATIC_IP_ADDRESS_POOL("StaticIPAddressPool", "static IP address pool", "static_ip_address_pools",
            "New-SCStaticIPAddressPool", "Set-SCStaticIPAddressPool", "Remove-SCStaticIPAddressPool"),
    VM_NETWORK_GATEWAY("VMNetworkGateway", "VM network gateway", "vm_network_gateways", "Add-SCVMNetworkGateway",
            null, "Remove-SCVMNetworkGateway"),
    NAT_CONNECTION("NATConnection", "NAT connection", "nat_connections", "Add-SCNATConnection", null,
            "Remove-SCNATConnection"),
    NAT_RULE("NATRule", "NAT rule", "nat_rules", "Add-SCNATRule", null, "Remove-SCNATRule");

    enum Action { CREATE, UPDATE, DELETE }

    private final String typeName;
    private final String displayName;
    private final String table;
    private final String createCmdlet;
    private final String updateCmdlet;
    private final String deleteCmdlet;

    NetworkObject(String typeName, String displayName, String table, String createCmdlet, String updateCmdlet,
            String deleteCmdlet) {
        this.typeName = typeName;
        this.displayName = displayName;
        this.table = table;
        this.createCmdlet = createCmdlet;
        this.updateCmdlet = updateCmdlet;
        this.deleteCmdlet = deleteCmdlet;
    }

    /** VMM's object type name, e.g. VMNetwork: the job's TargetObjectType and ResultObjectType. */
    String typeName() {
        return typeName;
    }

    String displayName() {
        return displayName;
    }

    /** The table of its rows: a constant of this enum, never text from a request. */
    String table() {
        return table;
    }

    boolean updatable() {
        return updateCmdlet != null;
    }

    String jobKind(Action action) {
        return "vmm.network." + typeName.toLowerCase(Locale.ROOT) + "." + action.name().toLowerCase(Locale.ROOT);
    }

    /** The job's name as VMM's console shows it, e.g. "Create VM network". */
    String jobName(Action action) {
        return switch (action) {
            case CREATE -> "Create " + displayName;
            case UPDATE -> "Change properties of " + displayName;
            case DELETE -> "Remove " + displayName;
        };
    }

    String cmdlet(Action action) {
        return switch (action) {
            case CREATE -> createCmdlet;
            case UPDATE -> updateCmdlet;
            case DELETE -> deleteCmdlet;
        };
    }
}
