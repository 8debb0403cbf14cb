package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A NAT rule: a protocol and external port of the connection's address forwarded to an address and port inside. */
@Entity
@Table(name = "nat_rules")
@IdClass(VmmKey.class)
public class NatRule {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "nat_connection_id")
    private UUID natConnectionId;
    private String name;
    private String protocol;
    @Column(name = "external_port")
    private Integer externalPort;
    @Column(name = "internal_ip_address")
    private String internalIpAddress;
    @Column(name = "internal_port")
    private Integer internalPort;
    @Column(name = "external_ip_address")
    private String externalIpAddress;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected NatRule() {
    }

    static NatRule create(NatConnection connection, String name, String protocol, int externalPort,
            String internalIpAddress, int internalPort, OffsetDateTime now) {
        NatRule r = new NatRule();
        r.id = UUID.randomUUID();
        r.stampId = connection.getStampId();
        r.subscriptionId = connection.getSubscriptionId();
        r.natConnectionId = connection.getId();
        r.name = name;
        r.protocol = protocol;
        r.externalPort = externalPort;
        r.internalIpAddress = internalIpAddress;
        r.internalPort = internalPort;
        r.externalIpAddress = connection.getExternalIpAddress();
        r.addedTime = now;
        r.modifiedTime = now;
        return r;
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

    public UUID getNatConnectionId() {
        return natConnectionId;
    }

    public String getName() {
        return name;
    }

    public String getProtocol() {
        return protocol;
    }

    public Integer getExternalPort() {
        return externalPort;
    }

    public String getInternalIpAddress() {
        return internalIpAddress;
    }

    public Integer getInternalPort() {
        return internalPort;
    }

    public String getExternalIpAddress() {
        return externalIpAddress;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
