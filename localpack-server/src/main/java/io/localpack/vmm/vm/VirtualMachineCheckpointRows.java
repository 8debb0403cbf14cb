package io.localpack.vmm.vm;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What checkpoint jobs do to the {@code vm_checkpoints} table besides saving new rows ({@link VmCheckpoint#of}):
 * plain parameterized SQL joining the caller's transaction.
 */
@Repository
class VirtualMachineCheckpointRows {

    private final JdbcTemplate jdbc;

    VirtualMachineCheckpointRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The parent of a machine's next checkpoint: the one it was last restored to, else its newest (Hyper-V's tree). */
    UUID parentOfNext(VirtualMachine vm) {
        if (vm.getLastRestoredCheckpointId() != null) {
            return vm.getLastRestoredCheckpointId();
        }
        List<UUID> latest = jdbc.queryForList("SELECT id FROM vm_checkpoints WHERE vm_id = ? AND stamp_id = ?"
                + " ORDER BY added_time DESC FETCH FIRST 1 ROWS ONLY", UUID.class, vm.getId(), vm.getStampId());
        return latest.isEmpty() ? null : latest.get(0);
    }

    void rename(UUID id, UUID stampId, String name, String description, OffsetDateTime now) {
        jdbc.update("UPDATE vm_checkpoints SET name = COALESCE(?, name), description = COALESCE(?, description),"
                + " modified_time = ? WHERE id = ? AND stamp_id = ?", name, description, now, id, stampId);
    }

    /** Removes a checkpoint; the ones taken after it now follow its parent, as Hyper-V merges it into them. */
    void delete(UUID id, UUID stampId) {
        jdbc.update("UPDATE vm_checkpoints SET parent_checkpoint_id = (SELECT c.parent_checkpoint_id FROM"
                + " vm_checkpoints c WHERE c.id = ? AND c.stamp_id = ?) WHERE parent_checkpoint_id = ?"
                + " AND stamp_id = ?", id, stampId, id, stampId);
        jdbc.update("DELETE FROM vm_checkpoints WHERE id = ? AND stamp_id = ?", id, stampId);
    }
}
