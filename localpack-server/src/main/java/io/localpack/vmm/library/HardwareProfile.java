package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A hardware profile of the library: the CPU, memory and generation a VM made from a disk gets. */
@Entity
@Table(name = "hardware_profiles")
@IdClass(VmmKey.class)
public class HardwareProfile extends LibraryHardware {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;
    @Column(name = "relative_weight")
    private Integer relativeWeight;

    protected HardwareProfile() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public Integer getRelativeWeight() {
        return relativeWeight;
    }
}
