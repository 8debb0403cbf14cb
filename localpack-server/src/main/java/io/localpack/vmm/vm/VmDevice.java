package io.localpack.vmm.vm;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The columns a VM's DVD drive and SCSI adapter share: whose VM it is, its name and its times. Each entity keeps its
 * own key and table.
 */
@MappedSuperclass
public abstract class VmDevice {

    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "vm_id")
    private UUID vmId;
    private String name;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VmDevice() {
    }

    /** A new device of {@code vm}, named as Hyper-V names it. */
    protected void placeOn(VirtualMachine vm, String deviceName, OffsetDateTime now) {
        subscriptionId = vm.getSubscriptionId();
        vmId = vm.getId();
        name = deviceName;
        addedTime = now;
        modifiedTime = now;
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

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
