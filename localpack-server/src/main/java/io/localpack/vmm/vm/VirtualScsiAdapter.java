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
public class VirtualScsiAdapter {

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
    @Column(name = "adapter_id")
    private Integer adapterId;
    private Boolean shared;
    @Column(name = "is_synthetic")
    private Boolean isSynthetic;
    @Column(name = "scsi_controller_type")
    private String scsiControllerType;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VirtualScsiAdapter() {
    }

    /** The first synthetic SCSI adapter a new VM has. */
    public static VirtualScsiAdapter firstFor(VirtualMachine vm, OffsetDateTime now) {
        VirtualScsiAdapter adapter = new VirtualScsiAdapter();
        adapter.id = UUID.randomUUID();
        adapter.stampId = vm.getStampId();
        adapter.subscriptionId = vm.getSubscriptionId();
        adapter.vmId = vm.getId();
        adapter.name = "SCSI Adapter 0";
        adapter.adapterId = 0;
        adapter.shared = false;
        adapter.isSynthetic = true;
        adapter.scsiControllerType = "DefaultTypeNoType";
        adapter.addedTime = now;
        adapter.modifiedTime = now;
        return adapter;
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

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
