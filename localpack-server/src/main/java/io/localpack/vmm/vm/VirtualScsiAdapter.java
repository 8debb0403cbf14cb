package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A SCSI controller of a VM (Hyper-V gives a VM up to four). */
@Entity
@Table(name = "virtual_scsi_adapters")
@IdClass(VmmKey.class)
public class VirtualScsiAdapter extends VmDevice {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "adapter_id")
    private Integer adapterId;
    private Boolean shared;
    @Column(name = "is_synthetic")
    private Boolean isSynthetic;
    @Column(name = "scsi_controller_type")
    private String scsiControllerType;

    protected VirtualScsiAdapter() {
    }

    /** The first synthetic SCSI adapter a new VM has. */
    public static VirtualScsiAdapter firstFor(VirtualMachine vm, OffsetDateTime now) {
        VirtualScsiAdapter adapter = new VirtualScsiAdapter();
        adapter.id = UUID.randomUUID();
        adapter.stampId = vm.getStampId();
        adapter.placeOn(vm, "SCSI Adapter 0", now);
        adapter.adapterId = 0;
        adapter.shared = false;
        adapter.isSynthetic = true;
        adapter.scsiControllerType = "DefaultTypeNoType";
        return adapter;
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public Integer getAdapterId() {
        return adapterId;
    }

    public Boolean getShared() {
        return shared;
    }

    public Boolean getIsSynthetic() {
        return isSynthetic;
    }

    public String getScsiControllerType() {
        return scsiControllerType;
    }
}
