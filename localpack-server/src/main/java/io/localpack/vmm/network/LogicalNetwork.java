package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A logical network of the fabric (admin-made, read-only to tenants, visible through grants). Its external range is
 * where NAT connections on its VM networks take their external address from.
 */
@Entity
@Table(name = "logical_networks")
@IdClass(VmmKey.class)
public class LogicalNetwork {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    private String name;
    private String description;
    @Column(name = "network_virtualization_enabled")
    private Boolean networkVirtualizationEnabled;
    @Column(name = "external_range_start")
    private String externalRangeStart;
    @Column(name = "external_range_end")
    private String externalRangeEnd;
    @Column(name = "external_first")
    private Long externalFirst;
    @Column(name = "external_last")
    private Long externalLast;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected LogicalNetwork() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Boolean getNetworkVirtualizationEnabled() {
        return networkVirtualizationEnabled;
    }

    /** Whether a gateway can serve its VM networks: it has external addresses for NAT. */
    public boolean hasGatewayService() {
        return externalFirst != null && externalLast != null;
    }

    public Long getExternalFirst() {
        return externalFirst;
    }

    public Long getExternalLast() {
        return externalLast;
    }

    public String getExternalRangeStart() {
        return externalRangeStart;
    }

    public String getExternalRangeEnd() {
        return externalRangeEnd;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
