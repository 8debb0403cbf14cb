package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.network.NetworkJobs.Ticket;
import io.localpack.vmm.network.NetworkObject.Action;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NAT chain of a tenant's VM network (spec 2.10, 3.8): a gateway on the network, a NAT connection on the gateway
 * with an external address, NAT rules forwarding the connection's external ports to addresses inside. Each create
 * writes its row and queues its job in one transaction; each delete is refused while the next link of the chain
 * exists.
 */
@Service
public class NetworkAddressTranslation {

    static final String PORT_TAKEN = "ExternalPortInUse";
    static final String NO_EXTERNAL_ADDRESS = "NoExternalAddress";

    private final VmNetworkRepository networks;
    private final LogicalNetworkRepository logicalNetworks;
    private final VmSubnetRepository subnets;
    private final VmNetworkGatewayRepository gateways;
    private final NatConnectionRepository connections;
    private final NatRuleRepository rules;
    private final RowLocks locks;
    private final NetworkJobs jobs;
    private final Clock clock;

    NetworkAddressTranslation(VmNetworkRepository networks, LogicalNetworkRepository logicalNetworks,
            VmSubnetRepository subnets, VmNetworkGatewayRepository gateways, NatConnectionRepository connections,
            NatRuleRepository rules, RowLocks locks, NetworkJobs jobs, Clock clock) {
        this.networks = networks;
        this.logicalNetworks = logicalNetworks;
        this.subnets = subnets;
        this.gateways = gateways;
        this.connections = connections;
        this.rules = rules;
        this.locks = locks;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Add-SCVMNetworkGateway: one per VM network of the subscription, whose logical network has a gateway service
     * (here: external addresses for NAT) [WAPDOC dn750761]. The autonomous system number is 1-65534 [SPFDOC mt742010].
     */
    @Transactional
    public Ticket createGateway(UUID subscriptionId, UUID stampId, UUID vmNetworkId, String name, String description,
            Boolean requiresNat, Boolean requiresVpn, Boolean enableBgp, Long asn, String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(vmNetworkId, "VMNetworkId");
        String checkedName = Checks.name(name);
        if (asn != null && (asn < 1 || asn > 65534)) {
            throw VmmRequestException.invalid("AutonomousSystemNumber " + asn + " is outside 1-65534");
        }
        if (Boolean.TRUE.equals(enableBgp) && asn == null) {
            throw VmmRequestException.invalid("EnableBGP needs an AutonomousSystemNumber (1-65534)");
        }
        VmNetwork network = networks.findOwned(subscriptionId, vmNetworkId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("VMNetworkId " + vmNetworkId + " does not name a VM network of this"
                        + " subscription on stamp " + stampId));
        LogicalNetwork logical = logicalNetworks.findById(new VmmKey(network.getLogicalNetworkId(), stampId))
                .orElseThrow();
        if (!logical.hasGatewayService()) {
            throw VmmRequestException.invalid("Logical network '" + logical.getName() + "' of VM network '"
                    + network.getName() + "' has no gateway service");
        }
        locks.lock(RowLocks.Table.VM_NETWORKS, vmNetworkId, stampId);
        if (gateways.countInNetwork(vmNetworkId, stampId) > 0) {
            throw new VmmRequestException(VmmRequestException.Kind.CONFLICT, TenantNetworks.NAME_TAKEN, "VM network '"
                    + network.getName() + "' already has a VM network gateway");
        }
        VmNetworkGateway gateway = gateways.saveAndFlush(VmNetworkGateway.create(network, checkedName, description,
                requiresNat, requiresVpn, enableBgp, asn, now()));
        return jobs.submit(subscriptionId, NetworkObject.VM_NETWORK_GATEWAY, Action.CREATE, gateway.key(),
                checkedName, principal, Map.of());
    }

    @Transactional
    public Ticket deleteGateway(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        VmNetworkGateway gateway = gateways.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                TenantNetworks.notFound("VMNetworkGateway", id, stampId));
        if (connections.countOfGateway(id, stampId) > 0) {
            throw TenantNetworks.inUse("VM network gateway '" + gateway.getName() + "' has a NAT connection; remove"
                    + " it first");
        }
        return jobs.submit(subscriptionId, NetworkObject.VM_NETWORK_GATEWAY, Action.DELETE, gateway.key(),
                gateway.getName(), principal, Map.of());
    }

    /**
     * Add-SCNATConnection: one per gateway, with the next free external address of the logical network's range
     * (taken under the logical network's row lock: two connections never share one).
     */
    @Transactional
    public Ticket createNatConnection(UUID subscriptionId, UUID stampId, UUID gatewayId, String name,
            String description, BigDecimal inboundKbps, BigDecimal outboundKbps, String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(gatewayId, "VMNetworkGatewayId");
        for (BigDecimal kbps : new BigDecimal[] {inboundKbps, outboundKbps}) {
            if (kbps != null && (kbps.signum() < 0 || kbps.stripTrailingZeros().scale() > 0)) {
                throw VmmRequestException.invalid("MaximumBandwidthInboundKbps and MaximumBandwidthOutboundKbps are"
                        + " whole numbers of 0 or more");
            }
        }
        VmNetworkGateway gateway = gateways.findOwned(subscriptionId, gatewayId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("VMNetworkGatewayId " + gatewayId + " does not name a VM network gateway"
                        + " of this subscription on stamp " + stampId));
        VmNetwork network = networks.findById(new VmmKey(gateway.getVmNetworkId(), stampId)).orElseThrow();
        String checkedName = name == null || name.isBlank() ? gateway.getName() + " NAT" : Checks.name(name);
        locks.lock(RowLocks.Table.LOGICAL_NETWORKS, network.getLogicalNetworkId(), stampId);
        if (connections.countOfGateway(gatewayId, stampId) > 0) {
            throw new VmmRequestException(VmmRequestException.Kind.CONFLICT, TenantNetworks.NAME_TAKEN,
                    "VM network gateway '" + gateway.getName() + "' already has a NAT connection");
        }
        LogicalNetwork logical = logicalNetworks.findById(new VmmKey(network.getLogicalNetworkId(), stampId))
                .orElseThrow();
        List<Long> taken = connections.externalAddressesTaken(logical.getId(), stampId);
        long external = NetworkAddresses.nextFree(new Ipv4.Range(logical.getExternalFirst(),
                logical.getExternalLast()), List.of(), taken).orElseThrow(() -> new VmmRequestException(
                        VmmRequestException.Kind.CONFLICT, NO_EXTERNAL_ADDRESS, "Logical network '"
                                + logical.getName() + "' has no external address left for a NAT connection"));
        NatConnection connection = connections.saveAndFlush(NatConnection.create(gateway, logical.getId(), external,
                checkedName, description, inboundKbps, outboundKbps, now()));
        return jobs.submit(subscriptionId, NetworkObject.NAT_CONNECTION, Action.CREATE, connection.key(),
                checkedName, principal, Map.of());
    }

    @Transactional
    public Ticket deleteNatConnection(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        NatConnection connection = connections.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                TenantNetworks.notFound("NATConnection", id, stampId));
        long ruleCount = rules.countOfConnection(id, stampId);
        if (ruleCount > 0) {
            throw TenantNetworks.inUse("NAT connection '" + connection.getName() + "' has " + ruleCount
                    + " NAT rule(s); remove them first");
        }
        return jobs.submit(subscriptionId, NetworkObject.NAT_CONNECTION, Action.DELETE, connection.key(),
                connection.getName(), principal, Map.of());
    }

    /**
     * Add-SCNATRule: a protocol (TCP unless sent, TCP or UDP) and external port of the connection's address, free on
     * that connection, forwarded to a host address inside a subnet of the gateway's VM network (spec 2.10).
     */
    @Transactional
    public Ticket createNatRule(UUID subscriptionId, UUID stampId, UUID connectionId, String name, String protocol,
            Integer externalPort, String internalAddress, Integer internalPort, String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(connectionId, "NATConnectionId");
        String checkedName = Checks.name(name);
        String checkedProtocol = protocol == null || protocol.isBlank() ? "TCP"
                : protocol.trim().toUpperCase(Locale.ROOT);
        if (!checkedProtocol.equals("TCP") && !checkedProtocol.equals("UDP")) {
            throw VmmRequestException.invalid("Protocol '" + protocol + "' is not supported; accepted values: TCP,"
                    + " UDP");
        }
        int external = port("ExternalPort", externalPort);
        int internal = port("InternalPort", internalPort);
        if (internalAddress == null || internalAddress.isBlank()) {
            throw VmmRequestException.invalid("InternalIPAddress is required");
        }
        long inside = Ipv4.required("InternalIPAddress", internalAddress);
        NatConnection connection = connections.findOwned(subscriptionId, connectionId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("NATConnectionId " + connectionId + " does not name a NAT connection of"
                        + " this subscription on stamp " + stampId));
        VmNetworkGateway gateway = gateways.findById(new VmmKey(connection.getVmNetworkGatewayId(), stampId))
                .orElseThrow();
        if (!subnets.hostInNetwork(gateway.getVmNetworkId(), stampId, inside)) {
            throw VmmRequestException.invalid("InternalIPAddress " + internalAddress.trim() + " is not a host address"
                    + " of a subnet of the gateway's VM network");
        }
        locks.lock(RowLocks.Table.NAT_CONNECTIONS, connectionId, stampId);
        rules.forwarding(connectionId, stampId, checkedProtocol, external).ifPresent(other -> {
            throw new VmmRequestException(VmmRequestException.Kind.CONFLICT, PORT_TAKEN, checkedProtocol + " port "
                    + external + " of " + connection.getExternalIpAddress() + " already forwards to "
                    + other.getInternalIpAddress() + ":" + other.getInternalPort() + " (NAT rule '" + other.getName()
                    + "')");
        });
        NatRule rule = rules.saveAndFlush(NatRule.create(connection, checkedName, checkedProtocol, external,
                Ipv4.format(inside), internal, now()));
        return jobs.submit(subscriptionId, NetworkObject.NAT_RULE, Action.CREATE, rule.key(), checkedName, principal,
                Map.of());
    }

    @Transactional
    public Ticket deleteNatRule(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        NatRule rule = rules.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                TenantNetworks.notFound("NATRule", id, stampId));
        return jobs.submit(subscriptionId, NetworkObject.NAT_RULE, Action.DELETE, rule.key(), rule.getName(),
                principal, Map.of());
    }

    private static int port(String member, Integer port) {
        if (port == null) {
            throw VmmRequestException.invalid(member + " is required");
        }
        if (port < 1 || port > 65535) {
            throw VmmRequestException.invalid(member + " " + port + " is outside 1-65535");
        }
        return port;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
