package io.localpack.vmm.network;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobFailedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where virtual machines meet tenant networks: which VM network a create's adapter input names, and the addresses
 * static IP address pools hand to adapters. This is the one door other features use (stand-alone VMs, VM roles):
 * save the VM's adapters connected to their networks first, then {@link #allocateFor}; {@link #releaseFor} before
 * or with the VM's removal.
 *
 * <p>An adapter connected to a VM network that has static IP address pools gets the next free address of the first
 * pool (subnet by subnet, oldest first) that has one, into its IPv4Addresses, with IPv4AddressType Static and its
 * VMSubnetId: VMM assigns addresses from the pool to every adapter on a network-virtualized VM network
 * [INFER, spec 3.8]. A network without pools leaves the adapter's addresses empty (DHCP, outside VMM's view).
 * Each address handed out is a row keyed by pool and address, inserted while the pool's row is locked: two
 * allocations (threads or instances on one database) never hand out the same address.
 */
@Service
public class NetworkAddresses {

    /**
     * The job error when every pool of the network is out of addresses. No source shows VMM's number for it
     * (shared/spec/vmm-vms-networks-vmroles.md 6.6); 99201 is LocalPack's, in its private range like 99001.
     */
    public static final int POOL_EXHAUSTED = 99201;
    public static final String POOL_EXHAUSTED_CODE = "IPAddressPoolExhausted";

    private final VmNetworkRepository networks;
    private final StaticIpAddressPoolRepository pools;
    private final RowLocks locks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NetworkAddresses(VmNetworkRepository networks, StaticIpAddressPoolRepository pools, RowLocks locks,
            JdbcTemplate jdbc, Clock clock) {
        this.networks = networks;
        this.pools = pools;
        this.locks = locks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A VM network a machine of the subscription may join. */
    public record JoinableNetwork(UUID id, String name) {
    }

    /**
     * The VM network a create's adapter input names, by id or else by name, among the subscription's own networks
     * and the provider's networks shared with it on the stamp; empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<JoinableNetwork> joinable(UUID subscriptionId, UUID stampId, UUID vmNetworkId,
            String vmNetworkName) {
        Optional<VmNetwork> network = vmNetworkId != null
                ? networks.findVisible(subscriptionId, vmNetworkId, stampId)
                : networks.findVisibleByName(subscriptionId, stampId, vmNetworkName).stream().findFirst();
        return network.map(n -> new JoinableNetwork(n.getId(), n.getName()));
    }

    /** An address the VM's adapter got. */
    public record Assigned(UUID adapterId, UUID poolId, String address) {
    }

    /**
     * Gives each connected adapter of the VM that has no address yet the next free address of its network's pools.
     * Joins the caller's transaction (a VM create job's step).
     *
     * @throws JobFailedException with {@link #POOL_EXHAUSTED} when a network's pools have no address left
     */
    @Transactional
    public List<Assigned> allocateFor(UUID vmId, UUID stampId) {
        List<Assigned> assigned = new ArrayList<>();
        for (var adapter : jdbc.queryForList("SELECT id, vm_network_id, subscription_id FROM virtual_network_adapters"
                + " WHERE vm_id = ? AND stamp_id = ? AND vm_network_id IS NOT NULL AND ipv4_addresses IS NULL"
                + " ORDER BY slot_id", vmId, stampId)) {
            UUID adapterId = (UUID) adapter.get("ID");
            UUID networkId = (UUID) adapter.get("VM_NETWORK_ID");
            UUID subscriptionId = (UUID) adapter.get("SUBSCRIPTION_ID");
            // the adapter's row lock: a second allocation for the same machine waits, then finds it served
            if (jdbc.queryForList("SELECT ipv4_addresses FROM virtual_network_adapters WHERE id = ? AND stamp_id = ?"
                    + " AND ipv4_addresses IS NULL FOR UPDATE", Object.class, adapterId, stampId).isEmpty()) {
                continue;
            }
            List<StaticIpAddressPool> candidates = pools.ofNetwork(networkId, stampId);
            if (candidates.isEmpty()) {
                continue;
            }
            allocate(candidates, adapterId, vmId, subscriptionId, networkId, stampId).ifPresent(assigned::add);
        }
        return assigned;
    }

    /**
     * Returns the VM's addresses to their pools. Deleting the VM's adapters does the same (the rows go with them);
     * this is for callers that remove machines otherwise.
     */
    @Transactional
    public int releaseFor(UUID vmId, UUID stampId) {
        jdbc.update("UPDATE virtual_network_adapters SET ipv4_addresses = NULL WHERE vm_id = ? AND stamp_id = ?"
                + " AND id IN (SELECT adapter_id FROM ip_address_assignments WHERE vm_id = ? AND stamp_id = ?)",
                vmId, stampId, vmId, stampId);
        return jdbc.update("DELETE FROM ip_address_assignments WHERE vm_id = ? AND stamp_id = ?", vmId, stampId);
    }

    /** The adapter's new address; empty when another allocation gave it one meanwhile. */
    private Optional<Assigned> allocate(List<StaticIpAddressPool> candidates, UUID adapterId, UUID vmId,
            UUID subscriptionId, UUID networkId, UUID stampId) {
        for (StaticIpAddressPool pool : candidates) {
            if (!locks.lock(RowLocks.Table.STATIC_IP_ADDRESS_POOLS, pool.getId(), pool.getStampId())) {
                continue;
            }
            // read under the pool's lock, so after any allocation for this adapter that held it has committed
            List<String> held = jdbc.queryForList("SELECT address FROM ip_address_assignments WHERE adapter_id = ?"
                    + " AND stamp_id = ?", String.class, adapterId, pool.getStampId());
            if (!held.isEmpty()) {
                return Optional.empty();
            }
            List<Long> taken = jdbc.queryForList("SELECT address_value FROM ip_address_assignments WHERE pool_id = ?"
                    + " AND stamp_id = ? ORDER BY address_value", Long.class, pool.getId(), pool.getStampId());
            OptionalLong free = nextFree(pool.range(), pool.excluded(), taken);
            if (free.isEmpty()) {
                continue;
            }
            String address = Ipv4.format(free.getAsLong());
            try {
                jdbc.update("INSERT INTO ip_address_assignments (pool_id, stamp_id, address_value, address,"
                        + " subscription_id, vm_id, adapter_id, assigned_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        pool.getId(), pool.getStampId(), free.getAsLong(), address, subscriptionId, vmId, adapterId,
                        OffsetDateTime.now(clock));
            } catch (DuplicateKeyException e) {
                // only without the lock (a database that ignored FOR UPDATE): the keys still refuse a second holder
                // of the address, or a second address for the adapter
                throw new IllegalStateException("Address " + address + " of pool " + pool.getId() + " or adapter "
                        + adapterId + " was taken meanwhile", e);
            }
            jdbc.update("UPDATE virtual_network_adapters SET ipv4_addresses = ?, ipv4_address_type = 'Static',"
                    + " vm_subnet_id = ?, modified_time = ? WHERE id = ? AND stamp_id = ?", address,
                    pool.getVmSubnetId(), OffsetDateTime.now(clock), adapterId, pool.getStampId());
            return Optional.of(new Assigned(adapterId, pool.getId(), address));
        }
        throw exhausted(networkId, stampId);
    }

    /** The lowest address of the range that is neither excluded nor taken. */
    static OptionalLong nextFree(Ipv4.Range range, List<Ipv4.Range> excluded, List<Long> taken) {
        List<Ipv4.Range> blocked = new ArrayList<>(excluded);
        taken.forEach(address -> blocked.add(new Ipv4.Range(address, address)));
        blocked.sort(Comparator.comparingLong(Ipv4.Range::first));
        long candidate = range.first();
        for (Ipv4.Range b : blocked) {
            if (b.first() > candidate) {
                break;
            }
            candidate = Math.max(candidate, b.last() + 1);
        }
        return candidate <= range.last() ? OptionalLong.of(candidate) : OptionalLong.empty();
    }

    private JobFailedException exhausted(UUID networkId, UUID stampId) {
        String name = networks.findById(new io.localpack.vmm.common.VmmKey(networkId, stampId))
                .map(VmNetwork::getName).orElse(networkId.toString());
        return new JobFailedException(new JobError(POOL_EXHAUSTED, POOL_EXHAUSTED_CODE,
                "Unable to allocate an IP address for the virtual network adapter: the static IP address pools of"
                        + " VM network '" + name + "' have no free address left.",
                "Add a static IP address pool to a subnet of the VM network, or widen a pool's range, or remove"
                        + " virtual machines that use its addresses, and then try again.",
                "Error", "None", "", true, 409));
    }
}
