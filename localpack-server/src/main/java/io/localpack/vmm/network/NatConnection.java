package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A NAT connection of a gateway: the external address its NAT rules forward from. */
@Entity
@Table(name = "nat_connections")
@IdClass(VmmKey.class)
public class NatConnection {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_network_gateway_id")
    private UUID vmNetworkGatewayId;
    private String name;
    private String description;
    @Column(name = "external_ip_address")
    private String externalIpAddress;
    @Column(name = "external_address_value")
    private Long externalAddressValue;
    @Column(name = "logical_network_id")
    private UUID logicalNetworkId;
    @Column(name = "maximum_bandwidth_inbound_kbps")
    private BigDecimal maximumBandwidthInboundKbps;
    @Column(name = "maximum_bandwidth_outbound_kbps")
    private BigDecimal maximumBandwidthOutboundKbps;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected NatConnection() {
    }

    static NatConnection create(VmNetworkGateway gateway, UUID logicalNetworkId, long externalAddress, String name,
            String description, BigDecimal inbound, BigDecimal outbound, OffsetDateTime now) {
        NatConnection c = new NatConnection();
        c.id = UUID.randomUUID();
        c.stampId = gateway.getStampId();
        c.subscriptionId = gateway.getSubscriptionId();
        c.vmNetworkGatewayId = gateway.getId();
        c.name = name;
        c.description = description;
        c.externalAddressValue = externalAddress;
        c.externalIpAddress = Ipv4.format(externalAddress);
        c.logicalNetworkId = logicalNetworkId;
        c.maximumBandwidthInboundKbps = inbound;
        c.maximumBandwidthOutboundKbps = outbound;
        c.addedTime = now;
        c.modifiedTime = now;
        return c;
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

    public UUID getVmNetworkGatewayId() {
        return vmNetworkGatewayId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getExternalIpAddress() {
        return externalIpAddress;
    }

    public BigDecimal getMaximumBandwidthInboundKbps() {
        return maximumBandwidthInboundKbps;
    }

    public BigDecimal getMaximumBandwidthOutboundKbps() {
        return maximumBandwidthOutboundKbps;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
