package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/** A subnet of a tenant's VM network, in CIDR form, with its first and last address as numbers. */
@Entity
@Table(name = "vm_subnets")
@IdClass(VmmKey.class)
public class VmSubnet {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_network_id")
    private UUID vmNetworkId;
    @Formula("(SELECT n.name FROM vm_networks n WHERE n.id = vm_network_id AND n.stamp_id = stamp_id)")
    private String vmNetworkName;
    private String name;
    private String subnet;
    @Column(name = "first_address")
    private Long firstAddress;
    @Column(name = "last_address")
    private Long lastAddress;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VmSubnet() {
    }

    static VmSubnet create(VmNetwork network, String name, Ipv4.Cidr cidr, OffsetDateTime now) {
        VmSubnet s = new VmSubnet();
        s.id = UUID.randomUUID();
        s.stampId = network.getStampId();
        s.subscriptionId = network.getSubscriptionId();
        s.vmNetworkId = network.getId();
        s.vmNetworkName = network.getName();
        s.name = name;
        s.subnet = cidr.toString();
        s.firstAddress = cidr.first();
        s.lastAddress = cidr.last();
        s.addedTime = now;
        s.modifiedTime = now;
        return s;
    }

    Ipv4.Cidr cidr() {
        return Ipv4.Cidr.parse("Subnet", subnet);
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

    public String getVmNetworkName() {
        return vmNetworkName;
    }

    public String getName() {
        return name;
    }

    public String getSubnet() {
        return subnet;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
