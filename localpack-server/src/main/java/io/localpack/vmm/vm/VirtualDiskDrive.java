package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.library.VirtualHardDisk;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A disk drive of a VM: where (IDE or SCSI bus, LUN) one of its virtual hard disks is attached. */
@Entity
@Table(name = "virtual_disk_drives")
@IdClass(VmmKey.class)
public class VirtualDiskDrive {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_id")
    private UUID vmId;
    private String name;
    @Column(name = "bus_type")
    private String busType;
    private Integer bus;
    private Integer lun;
    @Column(name = "virtual_hard_disk_id")
    private UUID virtualHardDiskId;
    @Column(name = "volume_type")
    private String volumeType;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VirtualDiskDrive() {
    }

    /**
     * The drive a VM's disk is attached by.
     *
     * @param busType IDE or SCSI
     * @param volumeType BootAndSystem for the OS disk, None for a data disk
     */
    public static VirtualDiskDrive attaching(VirtualMachine vm, VirtualHardDisk disk, String busType, int bus, int lun,
            String volumeType, OffsetDateTime now) {
        VirtualDiskDrive drive = new VirtualDiskDrive();
        drive.id = UUID.randomUUID();
        drive.stampId = vm.getStampId();
        drive.subscriptionId = vm.getSubscriptionId();
        drive.vmId = vm.getId();
        drive.name = busType + " " + bus + ":" + lun;
        drive.busType = busType;
        drive.bus = bus;
        drive.lun = lun;
        drive.virtualHardDiskId = disk.getId();
        drive.volumeType = volumeType;
        drive.addedTime = now;
        drive.modifiedTime = now;
        return drive;
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

    public String getName() {
        return name;
    }

    public String getBusType() {
        return busType;
    }

    public Integer getBus() {
        return bus;
    }

    public Integer getLun() {
        return lun;
    }

    public UUID getVirtualHardDiskId() {
        return virtualHardDiskId;
    }

    public String getVolumeType() {
        return volumeType;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
