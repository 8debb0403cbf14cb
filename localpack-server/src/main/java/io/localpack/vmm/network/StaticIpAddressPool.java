package io.localpack.vmm.network;

import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/**
 * A static IP address pool in a VM subnet: the range it hands addresses out of, the addresses it never hands out
 * (reserved set, default gateways) and the settings a guest gets with its address (DNS, WINS). Lists are stored as
 * values separated by ';'.
 */
@Entity
@Table(name = "static_ip_address_pools")
@IdClass(VmmKey.class)
public class StaticIpAddressPool {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_subnet_id")
    private UUID vmSubnetId;
    @Formula("(SELECT s.subnet FROM vm_subnets s WHERE s.id = vm_subnet_id AND s.stamp_id = stamp_id)")
    private String subnet;
    private String name;
    private String description;
    @Column(name = "range_start")
    private String rangeStart;
    @Column(name = "range_end")
    private String rangeEnd;
    @Column(name = "range_first")
    private Long rangeFirst;
    @Column(name = "range_last")
    private Long rangeLast;
    @Column(name = "default_gateways")
    private String defaultGateways;
    @Column(name = "dns_servers")
    private String dnsServers;
    @Column(name = "dns_suffix")
    private String dnsSuffix;
    @Column(name = "dns_search_suffixes")
    private String dnsSearchSuffixes;
    @Column(name = "wins_servers")
    private String winsServers;
    @Column(name = "enable_netbios")
    private Boolean enableNetBios;
    @Column(name = "reserved_set")
    private String reservedSet;
    @Column(name = "vip_set")
    private String vipSet;
    @Formula("(SELECT COUNT(*) FROM ip_address_assignments a WHERE a.pool_id = id AND a.stamp_id = stamp_id)")
    private Long assignedCount;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected StaticIpAddressPool() {
    }

    static StaticIpAddressPool create(VmSubnet subnet, PoolSettings settings, OffsetDateTime now) {
        StaticIpAddressPool pool = new StaticIpAddressPool();
        pool.id = UUID.randomUUID();
        pool.stampId = subnet.getStampId();
        pool.subscriptionId = subnet.getSubscriptionId();
        pool.vmSubnetId = subnet.getId();
        pool.subnet = subnet.getSubnet();
        pool.assignedCount = 0L;
        pool.addedTime = now;
        pool.apply(settings, now);
        return pool;
    }

    /** Settings of a create or a change, checked already; null members leave the pool's as they are. */
    void apply(PoolSettings s, OffsetDateTime now) {
        if (s.name() != null) {
            name = s.name();
        }
        if (s.description() != null) {
            description = s.description();
        }
        if (s.range() != null) {
            rangeFirst = s.range().first();
            rangeLast = s.range().last();
            rangeStart = Ipv4.format(rangeFirst);
            rangeEnd = Ipv4.format(rangeLast);
        }
        if (s.defaultGateways() != null) {
            defaultGateways = String.join(";", s.defaultGateways());
        }
        if (s.dnsServers() != null) {
            dnsServers = String.join(";", s.dnsServers());
        }
        if (s.dnsSuffix() != null) {
            dnsSuffix = s.dnsSuffix();
        }
        if (s.dnsSearchSuffixes() != null) {
            dnsSearchSuffixes = String.join(";", s.dnsSearchSuffixes());
        }
        if (s.winsServers() != null) {
            winsServers = String.join(";", s.winsServers());
        }
        if (s.enableNetBios() != null) {
            enableNetBios = s.enableNetBios();
        } else if (enableNetBios == null) {
            enableNetBios = false;
        }
        if (s.reservedSet() != null) {
            reservedSet = s.reservedSet();
        }
        if (s.vipSet() != null) {
            vipSet = s.vipSet();
        }
        modifiedTime = now;
    }

    Ipv4.Range range() {
        return new Ipv4.Range(rangeFirst, rangeLast);
    }

    /** The addresses of its range it never hands out: the reserved set, the VIP set and the default gateways. */
    List<Ipv4.Range> excluded() {
        List<Ipv4.Range> excluded = new ArrayList<>(Ipv4.Range.parseSet("IPAddressReservedSet", reservedSet));
        excluded.addAll(Ipv4.Range.parseSet("VIPAddressSet", vipSet));
        for (String gateway : SeparatedValues.of(defaultGateways)) {
            long address = Ipv4.required("DefaultGatewayIPAddresses", gateway);
            excluded.add(new Ipv4.Range(address, address));
        }
        return excluded;
    }

    /** Addresses of the range still free: its size less those excluded and those handed out. */
    public long availableAddresses() {
        if (rangeFirst == null) {
            return 0;
        }
        Ipv4.Range range = range();
        long excluded = 0;
        long previousEnd = -1;
        for (Ipv4.Range r : excluded().stream().sorted(java.util.Comparator.comparingLong(Ipv4.Range::first))
                .toList()) {
            long first = Math.max(Math.max(r.first(), range.first()), previousEnd + 1);
            long last = Math.min(r.last(), range.last());
            if (first <= last) {
                excluded += last - first + 1;
            }
            previousEnd = Math.max(previousEnd, r.last());
        }
        return Math.max(0, range.size() - excluded - (assignedCount == null ? 0 : assignedCount));
    }

    public VmmKey key() {
        return new VmmKey(id, stampId);
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public UUID getVmSubnetId() {
        return vmSubnetId;
    }

    public String getSubnet() {
        return subnet;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getRangeStart() {
        return rangeStart;
    }

    public String getRangeEnd() {
        return rangeEnd;
    }

    public String getDefaultGateways() {
        return defaultGateways;
    }

    public String getDnsServers() {
        return dnsServers;
    }

    public String getDnsSuffix() {
        return dnsSuffix;
    }

    public String getDnsSearchSuffixes() {
        return dnsSearchSuffixes;
    }

    public String getWinsServers() {
        return winsServers;
    }

    public Boolean getEnableNetBios() {
        return enableNetBios;
    }

    public String getReservedSet() {
        return reservedSet;
    }

    public String getVipSet() {
        return vipSet;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
