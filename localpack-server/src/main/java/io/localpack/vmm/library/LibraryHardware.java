package io.localpack.vmm.library;

import io.localpack.vmm.common.UserAndRole;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/**
 * The columns a hardware profile and a VM template share: name, CPU, memory, generation, library flags and owner.
 * Each entity keeps its own key and table.
 */
@MappedSuperclass
public abstract class LibraryHardware {

    private String name;
    private String description;
    @Column(name = "cpu_count")
    private Integer cpuCount;
    @Column(name = "cpu_max")
    private Integer cpuMax;
    @Column(name = "cpu_reserve")
    private Integer cpuReserve;
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

    protected LibraryHardware() {
    }

    public UserAndRole getOwner() {
        return owner;
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
