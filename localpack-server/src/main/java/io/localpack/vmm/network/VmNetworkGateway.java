package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The gateway of a tenant's VM network (at most one), which NAT connections go through. */
@Entity
@Table(name = "vm_network_gateways")
@IdClass(VmmKey.class)
public class VmNetworkGateway {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_network_id")
    private UUID vmNetworkId;
    private String name;
    private String description;
    @Column(name = "requires_nat")
    private Boolean requiresNat;
    @Column(name = "requires_vpn")
    private Boolean requiresVpn;
    @Column(name = "enable_bgp")
    private Boolean enableBgp;
    @Column(name = "autonomous_system_number")
    private Long autonomousSystemNumber;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VmNetworkGateway() {
    }

    static VmNetworkGateway create(VmNetwork network, String name, String description, Boolean requiresNat,
            Boolean requiresVpn, Boolean enableBgp, Long asn, OffsetDateTime now) {
        VmNetworkGateway g = new VmNetworkGateway();
        g.id = UUID.randomUUID();
        g.stampId = network.getStampId();
        g.subscriptionId = network.getSubscriptionId();
        g.vmNetworkId = network.getId();
        g.name = name;
        g.description = description;
        g.requiresNat = requiresNat == null || requiresNat;
        g.requiresVpn = Boolean.TRUE.equals(requiresVpn);
        g.enableBgp = Boolean.TRUE.equals(enableBgp);
        g.autonomousSystemNumber = asn;
        g.addedTime = now;
        g.modifiedTime = now;
        return g;
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

    public UUID getVmNetworkId() {
        return vmNetworkId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Boolean getRequiresNat() {
        return requiresNat;
    }

    public Boolean getRequiresVpn() {
        return requiresVpn;
    }

    public Boolean getEnableBgp() {
        return enableBgp;
    }

    public Long getAutonomousSystemNumber() {
        return autonomousSystemNumber;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
