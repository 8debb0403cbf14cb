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
public class VirtualDvdDrive extends VmDevice {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    private Integer bus;
    private Integer lun;
    private String connection;
    @Column(name = "iso_id")
    private UUID isoId;
    @Column(name = "host_drive")
    private String hostDrive;

    protected VirtualDvdDrive() {
    }

    /** The empty DVD drive on IDE 1:0 every new Hyper-V VM has. */
    public static VirtualDvdDrive emptyFor(VirtualMachine vm, OffsetDateTime now) {
        VirtualDvdDrive drive = new VirtualDvdDrive();
        drive.id = UUID.randomUUID();
        drive.stampId = vm.getStampId();
        drive.placeOn(vm, "IDE 1:0", now);
        drive.bus = 1;
        drive.lun = 0;
        drive.connection = "None";
        return drive;
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
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
}
