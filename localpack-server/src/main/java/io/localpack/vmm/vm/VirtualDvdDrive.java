package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A DVD drive of a VM, on the IDE bus, empty or holding an ISO image or a host drive. */
@Entity
@Table(name = "virtual_dvd_drives")
@IdClass(VmmKey.class)
public class VirtualDvdDrive {

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
    private Integer bus;
    private Integer lun;
    private String connection;
    @Column(name = "iso_id")
    private UUID isoId;
    @Column(name = "host_drive")
    private String hostDrive;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VirtualDvdDrive() {
    }

    /** The empty DVD drive on IDE 1:0 every new Hyper-V VM has. */
    public static VirtualDvdDrive emptyFor(VirtualMachine vm, OffsetDateTime now) {
        VirtualDvdDrive drive = new VirtualDvdDrive();
        drive.id = UUID.randomUUID();
        drive.stampId = vm.getStampId();
        drive.subscriptionId = vm.getSubscriptionId();
        drive.vmId = vm.getId();
        drive.name = "IDE 1:0";
        drive.bus = 1;
        drive.lun = 0;
        drive.connection = "None";
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

    public Integer getBus() {
        return bus;
    }

    public Integer getLun() {
        return lun;
    }

    public String getConnection() {
        return connection;
    }

    public UUID getIsoId() {
        return isoId;
    }

    public String getHostDrive() {
        return hostDrive;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
