package io.localpack.vmm.common;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The composite key almost every VMM entity has: its own GUID and the GUID of the stamp (VMM server) it lives on. */
public class VmmKey implements Serializable {

    private UUID id;
    private UUID stampId;

    protected VmmKey() {
    }

    public VmmKey(UUID id, UUID stampId) {
        this.id = id;
        this.stampId = stampId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VmmKey key && Objects.equals(id, key.id) && Objects.equals(stampId, key.stampId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, stampId);
    }

    @Override
    public String toString() {
        return "(ID=" + id + ",StampId=" + stampId + ")";
    }
}
