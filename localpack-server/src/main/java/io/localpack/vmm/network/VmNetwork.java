package io.localpack.vmm.network;

import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/**
 * A VM network: a tenant's own (created through the API, owned by its subscription) or the provider's (no
 * subscription; shared through grants, read-only to tenants).
 */
@Entity
@Table(name = "vm_networks")
@IdClass(VmmKey.class)
public class VmNetwork {

    /** VMM's isolation of a network on a logical network with network virtualization. */
    public static final String NETWORK_VIRTUALIZATION = "WindowsNetworkVirtualization";
    public static final String NO_ISOLATION = "NoIsolation";

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "logical_network_id")
    private UUID logicalNetworkId;
    @Formula("(SELECT l.name FROM logical_networks l WHERE l.id = logical_network_id AND l.stamp_id = stamp_id)")
    private String logicalNetworkName;
    private String name;
    private String description;
    @Column(name = "isolation_type")
    private String isolationType;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "userName", column = @Column(name = "owner_user_name")),
        @AttributeOverride(name = "roleName", column = @Column(name = "owner_role_name")),
        @AttributeOverride(name = "roleId", column = @Column(name = "owner_role_id"))})
    private UserAndRole owner;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VmNetwork() {
    }

    /** A tenant's new network on a logical network, isolated by network virtualization. */
    static VmNetwork create(UUID stampId, UUID subscriptionId, LogicalNetwork logicalNetwork, String name,
            String description, UserAndRole owner, OffsetDateTime now) {
        VmNetwork network = new VmNetwork();
        network.id = UUID.randomUUID();
        network.stampId = stampId;
        network.subscriptionId = subscriptionId;
        network.logicalNetworkId = logicalNetwork.getId();
        network.logicalNetworkName = logicalNetwork.getName();
        network.name = name;
        network.description = description;
        network.isolationType = Boolean.TRUE.equals(logicalNetwork.getNetworkVirtualizationEnabled())
                ? NETWORK_VIRTUALIZATION : NO_ISOLATION;
        network.owner = owner;
        network.addedTime = now;
        network.modifiedTime = now;
        return network;
    }

    void rename(String newName, String newDescription, OffsetDateTime now) {
        if (newName != null) {
            name = newName;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        modifiedTime = now;
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

    public UUID getLogicalNetworkId() {
        return logicalNetworkId;
    }

    public String getLogicalNetworkName() {
        return logicalNetworkName;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getIsolationType() {
        return isolationType;
    }

    public UserAndRole getOwner() {
        return owner;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
