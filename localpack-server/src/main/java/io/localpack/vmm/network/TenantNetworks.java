package io.localpack.vmm.network;

import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.network.NetworkJobs.Ticket;
import io.localpack.vmm.network.NetworkObject.Action;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life cycle of tenants' VM networks, VM subnets and static IP address pools (spec 2.9, 3.8): each request is
 * checked, its row written (a create) and its job queued in one transaction, so a refused request changes nothing.
 * A create's row is there at once (RunAsynchronously answers with it); its job failing takes it away again. Updates
 * and deletes happen in their jobs ({@link NetworkJobHandlers}). Deletes are refused while something uses the object,
 * and the database refuses them too (foreign keys) should something start using it meanwhile.
 */
@Service
public class TenantNetworks {

    /** The refusal of an object still in use. No source shows VMM's text or number; the code is LocalPack's. */
    static final String IN_USE = "ObjectInUse";
    static final String NAME_TAKEN = "NameInUse";

    private final LogicalNetworkRepository logicalNetworks;
    private final VmNetworkRepository networks;
    private final VmSubnetRepository subnets;
    private final StaticIpAddressPoolRepository pools;
    private final VmNetworkGatewayRepository gateways;
    private final SubscriptionRepository subscriptions;
    private final RowLocks locks;
    private final NetworkJobs jobs;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;

    TenantNetworks(LogicalNetworkRepository logicalNetworks, VmNetworkRepository networks, VmSubnetRepository subnets,
            StaticIpAddressPoolRepository pools, VmNetworkGatewayRepository gateways,
            SubscriptionRepository subscriptions, RowLocks locks, NetworkJobs jobs,
            org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock) {
        this.logicalNetworks = logicalNetworks;
        this.networks = networks;
        this.subnets = subnets;
        this.pools = pools;
        this.gateways = gateways;
        this.subscriptions = subscriptions;
        this.locks = locks;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- VM networks -------------------------------------------------------------------------------------------

    /**
     * New-SCVMNetwork for a tenant: on a logical network granted to the subscription that has network virtualization
     * (self-service users can only create isolated networks [INFER]); the name is the subscription's only one on
     * the stamp, since VM creates join networks by name.
     */
    @Transactional
    public Ticket createVmNetwork(UUID subscriptionId, UUID stampId, UUID logicalNetworkId, String name,
            String description, String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(logicalNetworkId, "LogicalNetworkId");
        String checkedName = Checks.name(name);
        LogicalNetwork logical = logicalNetworks.findGranted(subscriptionId, logicalNetworkId, stampId)
                .orElseThrow(() -> VmmRequestException.invalid("LogicalNetworkId " + logicalNetworkId
                        + " does not name a logical network available to this subscription on stamp " + stampId));
        if (!Boolean.TRUE.equals(logical.getNetworkVirtualizationEnabled())) {
            throw VmmRequestException.invalid("Logical network '" + logical.getName() + "' (LogicalNetworkId "
                    + logicalNetworkId + ") does not allow network virtualization; tenants create VM networks only"
                    + " on logical networks that do");
        }
        refuseTakenName(subscriptionId, stampId, checkedName);
        String role = subscriptions.findById(subscriptionId).map(s -> s.tenantRoleName()).orElse(null);
        VmNetwork network = networks.saveAndFlush(VmNetwork.create(stampId, subscriptionId, logical, checkedName,
                description, new UserAndRole(principal, role, subscriptionId), now()));
        return jobs.submit(subscriptionId, NetworkObject.VM_NETWORK, Action.CREATE, network.key(), checkedName,
                principal, Map.of());
    }

    /** Set-SCVMNetwork: Name and Description; members not sent (null) stay as they are. */
    @Transactional
    public Ticket updateVmNetwork(UUID subscriptionId, UUID id, UUID stampId, String name, String description,
            String principal) {
        VmNetwork network = writableNetwork(subscriptionId, id, stampId);
        Map<String, String> changes = new LinkedHashMap<>();
        if (name != null && !name.equals(network.getName())) {
            String checkedName = Checks.name(name);
            refuseTakenName(subscriptionId, stampId, checkedName);
            changes.put(NetworkJobHandlers.NAME, checkedName);
        }
        if (description != null) {
            changes.put(NetworkJobHandlers.DESCRIPTION, Checks.length("Description", description, 4000));
        }
        return jobs.submit(subscriptionId, NetworkObject.VM_NETWORK, Action.UPDATE, network.key(), network.getName(),
                principal, changes);
    }

    /** Remove-SCVMNetwork: refused while it has subnets or a gateway, or machines' adapters are connected to it. */
    @Transactional
    public Ticket deleteVmNetwork(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        VmNetwork network = writableNetwork(subscriptionId, id, stampId);
        long subnetCount = subnets.countInNetwork(id, stampId);
        Integer adapters = jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters WHERE vm_network_id = ?"
                + " AND stamp_id = ?", Integer.class, id, stampId);
        if (adapters != null && adapters > 0) {
            throw inUse("VM network '" + network.getName() + "' is used by " + adapters + " virtual network"
                    + " adapter(s); remove the virtual machines or disconnect them first");
        }
        if (gateways.countInNetwork(id, stampId) > 0) {
            throw inUse("VM network '" + network.getName() + "' has a VM network gateway; remove it first");
        }
        if (subnetCount > 0) {
            throw inUse("VM network '" + network.getName() + "' has " + subnetCount + " VM subnet(s); remove them"
                    + " first");
        }
        return jobs.submit(subscriptionId, NetworkObject.VM_NETWORK, Action.DELETE, network.key(), network.getName(),
                principal, Map.of());
    }

    // ---- VM subnets --------------------------------------------------------------------------------------------

    /**
     * New-SCVMSubnet: a subnet in CIDR form in one of the subscription's VM networks, overlapping none of that
     * network's other subnets (networks are isolated from each other, so theirs may overlap). The check runs under
     * the network's row lock: two creates at once cannot both pass it.
     */
    @Transactional
    public Ticket createSubnet(UUID subscriptionId, UUID stampId, UUID vmNetworkId, String name, String subnet,
            String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(vmNetworkId, "VMNetworkId");
        String checkedName = Checks.name(name);
        if (subnet == null || subnet.isBlank()) {
            throw VmmRequestException.invalid("Subnet is required, in CIDR form, e.g. 10.0.0.0/24");
        }
        Ipv4.Cidr cidr = Ipv4.Cidr.parse("Subnet", subnet);
        VmNetwork network = networks.findOwned(subscriptionId, vmNetworkId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("VMNetworkId " + vmNetworkId + " does not name a VM network of this"
                        + " subscription on stamp " + stampId));
        locks.lock(RowLocks.Table.VM_NETWORKS, vmNetworkId, stampId);
        List<VmSubnet> overlapping = subnets.overlapping(vmNetworkId, stampId, cidr.first(), cidr.last());
        if (!overlapping.isEmpty()) {
            VmSubnet other = overlapping.get(0);
            throw VmmRequestException.invalid("Subnet " + cidr + " overlaps subnet " + other.getSubnet() + " ('"
                    + other.getName() + "') of VM network '" + network.getName() + "'");
        }
        VmSubnet created = subnets.saveAndFlush(VmSubnet.create(network, checkedName, cidr, now()));
        return jobs.submit(subscriptionId, NetworkObject.VM_SUBNET, Action.CREATE, created.key(), checkedName,
                principal, Map.of());
    }

    /** Remove-SCVMSubnet: refused while pools are in it or adapters are on it. */
    @Transactional
    public Ticket deleteSubnet(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        VmSubnet subnet = subnets.findOwned(subscriptionId, id, stampId).orElseThrow(() -> notFound("VMSubnet", id,
                stampId));
        long poolCount = pools.countInSubnet(id, stampId);
        if (poolCount > 0) {
            throw inUse("VM subnet '" + subnet.getName() + "' has " + poolCount + " static IP address pool(s);"
                    + " remove them first");
        }
        Integer adapters = jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters WHERE vm_subnet_id = ?"
                + " AND stamp_id = ?", Integer.class, id, stampId);
        if (adapters != null && adapters > 0) {
            throw inUse("VM subnet '" + subnet.getName() + "' is used by " + adapters + " virtual network"
                    + " adapter(s)");
        }
        return jobs.submit(subscriptionId, NetworkObject.VM_SUBNET, Action.DELETE, subnet.key(), subnet.getName(),
                principal, Map.of());
    }

    // ---- static IP address pools -------------------------------------------------------------------------------

    /** What a pool request sends besides its keys; addresses as text, checked here. */
    public record PoolRequest(String name, String description, String subnet, String rangeStart, String rangeEnd,
            List<String> defaultGateways, List<String> dnsServers, String dnsSuffix, List<String> dnsSearchSuffixes,
            List<String> winsServers, Boolean enableNetBios, String reservedSet, String vipSet) {
    }

    /**
     * New-SCStaticIPAddressPool in a VM subnet of the subscription. The range defaults to the subnet's host
     * addresses (spec 2.9); it must lie among them and overlap no other pool of the subnet. On a network-virtualized
     * network without a default gateway given, the subnet's first host address is the gateway [INFER: VMM keeps
     * .1 for the network virtualization gateway], so machines get addresses from the second on.
     */
    @Transactional
    public Ticket createPool(UUID subscriptionId, UUID stampId, UUID vmSubnetId, PoolRequest request,
            String principal) {
        Checks.required(stampId, "StampId");
        Checks.required(vmSubnetId, "VMSubnetId");
        String checkedName = Checks.name(request.name());
        VmSubnet subnet = subnets.findOwned(subscriptionId, vmSubnetId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("VMSubnetId " + vmSubnetId + " does not name a VM subnet of this"
                        + " subscription on stamp " + stampId));
        Ipv4.Cidr cidr = subnet.cidr();
        if (request.subnet() != null && !request.subnet().isBlank()
                && !Ipv4.Cidr.parse("Subnet", request.subnet()).equals(cidr)) {
            throw VmmRequestException.invalid("Subnet " + request.subnet().trim() + " is not the subnet of VM subnet '"
                    + subnet.getName() + "' (" + cidr + ")");
        }
        Ipv4.Range range = range(cidr, request.rangeStart(), request.rangeEnd(),
                new Ipv4.Range(cidr.firstHost(), cidr.lastHost()));
        List<String> gateways = request.defaultGateways();
        if ((gateways == null || gateways.isEmpty()) && networkVirtualized(subnet)) {
            gateways = List.of(Ipv4.format(cidr.firstHost()));
        }
        PoolSettings settings = settings(cidr, checkedName, request, range, gateways);
        locks.lock(RowLocks.Table.VM_SUBNETS, vmSubnetId, stampId);
        refuseOverlappingPool(subnet, null, range);
        StaticIpAddressPool pool = pools.saveAndFlush(StaticIpAddressPool.create(subnet, settings, now()));
        return jobs.submit(subscriptionId, NetworkObject.STATIC_IP_ADDRESS_POOL, Action.CREATE, pool.key(),
                checkedName, principal, Map.of());
    }

    /**
     * Set-SCStaticIPAddressPool (the PUT WTPA sends: Name, Description, DNS, WINS, NetBIOS, reserved set; and the
     * range). A new range must keep every address the pool has handed out, and overlap no other pool.
     */
    @Transactional
    public Ticket updatePool(UUID subscriptionId, UUID id, UUID stampId, PoolRequest request, String principal) {
        StaticIpAddressPool pool = pools.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                notFound("StaticIPAddressPool", id, stampId));
        VmSubnet subnet = subnets.findOwned(subscriptionId, pool.getVmSubnetId(), stampId).orElseThrow();
        Ipv4.Cidr cidr = subnet.cidr();
        String name = request.name() == null ? null : Checks.name(request.name());
        Ipv4.Range range = request.rangeStart() == null && request.rangeEnd() == null ? null
                : range(cidr, request.rangeStart(), request.rangeEnd(), pool.range());
        PoolSettings settings = settings(cidr, name, request, range, request.defaultGateways());
        Map<String, String> parameters = NetworkJobHandlers.poolParameters(settings);
        if (range != null) {
            locks.lock(RowLocks.Table.VM_SUBNETS, subnet.getId(), stampId);
            refuseOverlappingPool(subnet, id, range);
            Integer outside = jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE pool_id = ?"
                    + " AND stamp_id = ? AND (address_value < ? OR address_value > ?)", Integer.class, id, stampId,
                    range.first(), range.last());
            if (outside != null && outside > 0) {
                throw inUse("Range " + Ipv4.format(range.first()) + "-" + Ipv4.format(range.last()) + " leaves out "
                        + outside + " address(es) pool '" + pool.getName() + "' has handed out");
            }
        }
        return jobs.submit(subscriptionId, NetworkObject.STATIC_IP_ADDRESS_POOL, Action.UPDATE, pool.key(),
                pool.getName(), principal, parameters);
    }

    /** Remove-SCStaticIPAddressPool: refused while any of its addresses is handed out. */
    @Transactional
    public Ticket deletePool(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        StaticIpAddressPool pool = pools.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                notFound("StaticIPAddressPool", id, stampId));
        Integer assigned = jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE pool_id = ?"
                + " AND stamp_id = ?", Integer.class, id, stampId);
        if (assigned != null && assigned > 0) {
            throw inUse("Static IP address pool '" + pool.getName() + "' has handed out " + assigned
                    + " address(es) to virtual network adapters; remove those virtual machines first");
        }
        return jobs.submit(subscriptionId, NetworkObject.STATIC_IP_ADDRESS_POOL, Action.DELETE, pool.key(),
                pool.getName(), principal, Map.of());
    }

    // ---- shared checks -----------------------------------------------------------------------------------------

    private PoolSettings settings(Ipv4.Cidr cidr, String name, PoolRequest r, Ipv4.Range range,
            List<String> gateways) {
        List<String> checkedGateways = gateways == null ? null : gateways.stream().map(g -> {
            long address = Ipv4.required("DefaultGatewayIPAddresses", g);
            if (!cidr.containsHost(address)) {
                throw VmmRequestException.invalid("DefaultGatewayIPAddresses " + g + " is not a host address of"
                        + " subnet " + cidr);
            }
            return Ipv4.format(address);
        }).toList();
        List<String> dns = addresses("DNSServers", r.dnsServers());
        List<String> wins = addresses("WINSServers", r.winsServers());
        for (String member : new String[] {"IPAddressReservedSet", "VIPAddressSet"}) {
            String set = member.equals("VIPAddressSet") ? r.vipSet() : r.reservedSet();
            for (Ipv4.Range reserved : Ipv4.Range.parseSet(member, set)) {
                if (!cidr.containsHost(reserved.first()) || !cidr.containsHost(reserved.last())) {
                    throw VmmRequestException.invalid(member + " " + set + " reaches outside the host addresses of"
                            + " subnet " + cidr);
                }
            }
        }
        return new PoolSettings(name, r.description() == null ? null
                : Checks.length("Description", r.description(), 4000), range, checkedGateways, dns,
                r.dnsSuffix(), r.dnsSearchSuffixes(), wins, r.enableNetBios(), r.reservedSet(), r.vipSet());
    }

    private static List<String> addresses(String member, List<String> values) {
        return values == null ? null : values.stream().map(v -> Ipv4.format(Ipv4.required(member, v))).toList();
    }

    /** A pool's range from its ends as sent (either may be left out: it keeps {@code otherwise}'s). */
    private static Ipv4.Range range(Ipv4.Cidr cidr, String start, String end, Ipv4.Range otherwise) {
        long first = start == null || start.isBlank() ? otherwise.first() : Ipv4.required("IPAddressRangeStart",
                start);
        long last = end == null || end.isBlank() ? otherwise.last() : Ipv4.required("IPAddressRangeEnd", end);
        if (!cidr.containsHost(first)) {
            throw VmmRequestException.invalid("IPAddressRangeStart " + Ipv4.format(first) + " is not a host address of"
                    + " subnet " + cidr);
        }
        if (!cidr.containsHost(last)) {
            throw VmmRequestException.invalid("IPAddressRangeEnd " + Ipv4.format(last) + " is not a host address of"
                    + " subnet " + cidr);
        }
        if (last < first) {
            throw VmmRequestException.invalid("IPAddressRangeEnd " + Ipv4.format(last) + " comes before"
                    + " IPAddressRangeStart " + Ipv4.format(first));
        }
        return new Ipv4.Range(first, last);
    }

    private void refuseOverlappingPool(VmSubnet subnet, UUID exceptId, Ipv4.Range range) {
        List<StaticIpAddressPool> overlapping = pools.overlapping(subnet.getId(), subnet.getStampId(),
                exceptId == null ? new UUID(0, 0) : exceptId, range.first(), range.last());
        if (!overlapping.isEmpty()) {
            StaticIpAddressPool other = overlapping.get(0);
            throw VmmRequestException.invalid("Range " + Ipv4.format(range.first()) + "-" + Ipv4.format(range.last())
                    + " overlaps pool '" + other.getName() + "' (" + other.getRangeStart() + "-" + other.getRangeEnd()
                    + ") of VM subnet '" + subnet.getName() + "'");
        }
    }

    private boolean networkVirtualized(VmSubnet subnet) {
        return networks.findById(new io.localpack.vmm.common.VmmKey(subnet.getVmNetworkId(), subnet.getStampId()))
                .map(n -> VmNetwork.NETWORK_VIRTUALIZATION.equals(n.getIsolationType())).orElse(false);
    }

    private void refuseTakenName(UUID subscriptionId, UUID stampId, String name) {
        if (networks.nameTaken(subscriptionId, stampId, name)) {
            throw new VmmRequestException(VmmRequestException.Kind.CONFLICT, NAME_TAKEN, "This subscription already"
                    + " has a VM network named '" + name + "' on stamp " + stampId);
        }
    }

    /** A network the subscription may change: its own. A provider's network shared with it reads, not writes. */
    private VmNetwork writableNetwork(UUID subscriptionId, UUID id, UUID stampId) {
        return networks.findOwned(subscriptionId, id, stampId).orElseThrow(() ->
                networks.findVisible(subscriptionId, id, stampId).isPresent()
                        ? VmmRequestException.invalid("VM network (ID=" + id + ",StampId=" + stampId + ") is the"
                                + " provider's, shared with this subscription; tenants cannot change or remove it")
                        : notFound("VMNetwork", id, stampId));
    }

    static VmmRequestException inUse(String message) {
        return new VmmRequestException(VmmRequestException.Kind.CONFLICT, IN_USE, message);
    }

    static VmmRequestException notFound(String type, UUID id, UUID stampId) {
        return VmmRequestException.notFound(type + " (ID=" + id + ",StampId=" + stampId + ") not found");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
