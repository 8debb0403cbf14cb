package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/** A VM template of the library: OS disk, hardware and guest settings a new VM starts from; its NICs are
 * {@link io.localpack.vmm.vm.VirtualNetworkAdapter} rows with its id as TemplateId. */
@Entity
@Table(name = "vm_templates")
@IdClass(VmmKey.class)
public class VmTemplate extends LibraryHardware {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "os_type")
    private String osType;
    @Column(name = "operating_system")
    private String operatingSystem;
    @Column(name = "computer_name")
    private String computerName;
    @Column(name = "cpu_type")
    private String cpuType;
    @Column(name = "dynamic_memory_enabled")
    private Boolean dynamicMemoryEnabled;
    @Column(name = "dynamic_memory_minimum_mb")
    private Integer dynamicMemoryMinimumMb;
    @Column(name = "dynamic_memory_maximum_mb")
    private Integer dynamicMemoryMaximumMb;
    @Column(name = "dynamic_memory_buffer_percentage")
    private Integer dynamicMemoryBufferPercentage;
    @Column(name = "virtual_hard_disk_id")
    private UUID virtualHardDiskId;
    @Column(name = "hardware_profile_id")
    private UUID hardwareProfileId;
    @Column(name = "boot_order")
    private String bootOrder;
    @Column(name = "is_customizable")
    private Boolean isCustomizable;
    @Column(name = "admin_password_has_value")
    private Boolean adminPasswordHasValue;
    @Column(name = "product_key_has_value")
    private Boolean productKeyHasValue;
    @Column(name = "time_zone")
    private Integer timeZone;
    private String status;
    /** Counted by the database when the row is read: the template's adapters are rows of their own. */
    @Formula("(SELECT COUNT(*) FROM virtual_network_adapters a WHERE a.template_id = id AND a.stamp_id = stamp_id)")
    private Integer nicCount;

    public Integer getNicCount() {
        return nicCount;
    }

    protected VmTemplate() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public String getOsType() {
        return osType;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public String getComputerName() {
        return computerName;
    }

    public String getCpuType() {
        return cpuType;
    }

    public Boolean getDynamicMemoryEnabled() {
        return dynamicMemoryEnabled;
    }

    public Integer getDynamicMemoryMinimumMb() {
        return dynamicMemoryMinimumMb;
    }

    public Integer getDynamicMemoryMaximumMb() {
        return dynamicMemoryMaximumMb;
    }

    public Integer getDynamicMemoryBufferPercentage() {
        return dynamicMemoryBufferPercentage;
    }

    public UUID getVirtualHardDiskId() {
        return virtualHardDiskId;
    }

    public UUID getHardwareProfileId() {
        return hardwareProfileId;
    }

    public String getBootOrder() {
        return bootOrder;
    }

    public Boolean getIsCustomizable() {
        return isCustomizable;
    }

    public Boolean getAdminPasswordHasValue() {
        return adminPasswordHasValue;
    }

    public Boolean getProductKeyHasValue() {
        return productKeyHasValue;
    }

    public Integer getTimeZone() {
        return timeZone;
    }

    public String getStatus() {
        return status;
    }
}
