package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A virtual hard disk: in the library (no VM, no subscription; visible through grants) or attached to a VM (owned by
 * the VM's subscription). Tags are stored as values separated by ';'.
 */
@Entity
@Table(name = "virtual_hard_disks")
@IdClass(VmmKey.class)
public class VirtualHardDisk {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_id")
    private UUID vmId;
    @Column(name = "cloud_id")
    private UUID cloudId;
    private String name;
    private String description;
    private String directory;
    @Column(name = "share_path")
    private String sharePath;
    @Column(name = "family_name")
    private String familyName;
    private String release;
    @Column(name = "release_time")
    private OffsetDateTime releaseTime;
    @Column(name = "operating_system")
    private String operatingSystem;
    @Column(name = "vhd_type")
    private String vhdType;
    @Column(name = "vhd_format")
    private String vhdFormat;
    private Long size;
    @Column(name = "maximum_size")
    private Long maximumSize;
    private String state;
    private String tags;
    @Column(name = "parent_disk_id")
    private UUID parentDiskId;
    @Column(name = "library_share_id")
    private UUID libraryShareId;
    private String accessibility;
    private Boolean enabled;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VirtualHardDisk() {
    }

    /**
     * A VM's own copy of a library disk, as VMM makes it when it creates a VM from a template or a disk: same size,
     * capacity, family, release and operating system, owned by the VM's subscription.
     *
     * @param directory the VM's folder on its host, e.g. C:\ClusterStorage\Volume1\&lt;VM name&gt;
     */
    public static VirtualHardDisk copyFor(VirtualHardDisk source, UUID vmId, UUID subscriptionId, UUID cloudId,
            String fileName, String directory, OffsetDateTime now) {
        VirtualHardDisk disk = new VirtualHardDisk();
        disk.id = UUID.randomUUID();
        disk.stampId = source.stampId;
        disk.subscriptionId = subscriptionId;
        disk.vmId = vmId;
        disk.cloudId = cloudId;
        disk.name = fileName;
        disk.directory = directory;
        disk.sharePath = directory == null ? fileName : directory + "\\" + fileName;
        disk.familyName = source.familyName;
        disk.release = source.release;
        disk.operatingSystem = source.operatingSystem;
        disk.vhdType = source.vhdType;
        disk.vhdFormat = source.vhdFormat;
        disk.size = source.size;
        disk.maximumSize = source.maximumSize;
        disk.state = "Normal";
        disk.accessibility = "Public";
        disk.enabled = true;
        disk.addedTime = now;
        disk.modifiedTime = now;
        return disk;
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

    public UUID getVmId() {
        return vmId;
    }

    public UUID getCloudId() {
        return cloudId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getDirectory() {
        return directory;
    }

    public String getSharePath() {
        return sharePath;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getRelease() {
        return release;
    }

    public OffsetDateTime getReleaseTime() {
        return releaseTime;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public String getVhdType() {
        return vhdType;
    }

    public String getVhdFormat() {
        return vhdFormat;
    }

    public Long getSize() {
        return size;
    }

    public Long getMaximumSize() {
        return maximumSize;
    }

    public String getState() {
        return state;
    }

    public String getTags() {
        return tags;
    }

    public UUID getParentDiskId() {
        return parentDiskId;
    }

    public UUID getLibraryShareId() {
        return libraryShareId;
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
