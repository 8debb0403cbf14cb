package io.localpack.vmm.library;

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

/** A hardware profile of the library: the CPU, memory and generation a VM made from a disk gets. */
@Entity
@Table(name = "hardware_profiles")
@IdClass(VmmKey.class)
public class HardwareProfile {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    private String name;
    private String description;
    @Column(name = "cpu_count")
    private Integer cpuCount;
    @Column(name = "cpu_max")
    private Integer cpuMax;
    @Column(name = "cpu_reserve")
    private Integer cpuReserve;
    @Column(name = "relative_weight")
    private Integer relativeWeight;
    @Column(name = "memory_mb")
    private Integer memoryMb;
    private Integer generation;
    @Column(name = "total_vhd_capacity")
    private Long totalVhdCapacity;
    @Column(name = "limit_cpu_for_migration")
    private Boolean limitCpuForMigration;
    @Column(name = "limit_cpu_functionality")
    private Boolean limitCpuFunctionality;
    private String accessibility;
    private Boolean enabled;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "userName", column = @Column(name = "owner_user_name")),
        @AttributeOverride(name = "roleName", column = @Column(name = "owner_role_name")),
        @AttributeOverride(name = "roleId", column = @Column(name = "owner_role_id"))})
    private UserAndRole owner;

    public UserAndRole getOwner() {
        return owner;
    }

    protected HardwareProfile() {
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

    public Integer getCpuCount() {
        return cpuCount;
    }

    public Integer getCpuMax() {
        return cpuMax;
    }

    public Integer getCpuReserve() {
        return cpuReserve;
    }

    public Integer getRelativeWeight() {
        return relativeWeight;
    }

    public Integer getMemoryMb() {
        return memoryMb;
    }

    public Integer getGeneration() {
        return generation;
    }

    public Long getTotalVhdCapacity() {
        return totalVhdCapacity;
    }

    public Boolean getLimitCpuForMigration() {
        return limitCpuForMigration;
    }

    public Boolean getLimitCpuFunctionality() {
        return limitCpuFunctionality;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
