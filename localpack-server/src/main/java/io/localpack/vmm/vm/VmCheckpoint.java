package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A checkpoint of a VM; each names the one taken before it, so a VM's checkpoints form a chain. */
@Entity
@Table(name = "vm_checkpoints")
@IdClass(VmmKey.class)
public class VmCheckpoint {

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
    private String description;
    @Column(name = "parent_checkpoint_id")
    private UUID parentCheckpointId;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;

    protected VmCheckpoint() {
    }

    /**
     * A new checkpoint of a VM, after {@code parentCheckpointId} (its latest checkpoint; null for the first).
     */
    public static VmCheckpoint of(VirtualMachine vm, String name, String description, UUID parentCheckpointId,
            OffsetDateTime now) {
        VmCheckpoint checkpoint = new VmCheckpoint();
        checkpoint.id = UUID.randomUUID();
        checkpoint.stampId = vm.getStampId();
        checkpoint.subscriptionId = vm.getSubscriptionId();
        checkpoint.vmId = vm.getId();
        checkpoint.name = name;
        checkpoint.description = description;
        checkpoint.parentCheckpointId = parentCheckpointId;
        checkpoint.addedTime = now;
        checkpoint.modifiedTime = now;
        return checkpoint;
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

    public String getDescription() {
        return description;
    }

    public UUID getParentCheckpointId() {
        return parentCheckpointId;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }
}
