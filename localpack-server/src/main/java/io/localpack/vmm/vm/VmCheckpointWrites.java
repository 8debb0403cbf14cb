package io.localpack.vmm.vm;

import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * Tenants' writes to {@code VMCheckPoints} (spec 3.7): POST {StampId, VMId, Name, Description} takes a checkpoint,
 * PUT/MERGE {"VMCheckPointAction":"Restore"} returns the machine to it (without an action: Name and Description
 * change), DELETE removes it; each a job on the checkpoint's machine. {@code Confirm} is accepted either way (the
 * WAP and SPF pages disagree on it).
 */
@Component
public class VmCheckpointWrites implements WritableEntitySet {

    private final VirtualMachineLifecycle lifecycle;

    public VmCheckpointWrites(VirtualMachineLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        return outcome(lifecycle.createCheckpoint(subscriptionId, given(in.guid("StampId")), given(in.guid("VMId")),
                in.string("Name"), in.string("Description"), principal));
    }

    @Override
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        return outcome(lifecycle.changeCheckpoint(subscriptionId, id, stampId, in.string("VMCheckPointAction"),
                in.string("Name"), in.string("Description"), principal));
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        return outcome(lifecycle.deleteCheckpoint(subscriptionId, id, stampId, principal));
    }

    private static UUID given(UUID value) {
        return EntityReader.isEmptyGuid(value) ? null : value;
    }

    private static WriteOutcome outcome(VirtualMachineLifecycle.CheckpointTicket ticket) {
        return new WriteOutcome(ticket.checkpoint(), ticket.jobId());
    }
}
