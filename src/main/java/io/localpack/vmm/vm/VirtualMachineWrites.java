package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * Tenants' writes to the {@code VirtualMachines} entity set: request bodies read into the virtual machine life cycle's
 * requests. The members read here are the ones {@link VirtualMachineEntitySet} declares writable; every other member
 * of the full object clients send back is ignored.
 */
@Component
public class VirtualMachineWrites implements WritableEntitySet {

    private final VirtualMachineLifecycle lifecycle;

    public VirtualMachineWrites(VirtualMachineLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        throw VmmRequestException.notAllowed("Creating virtual machines is not available yet in this LocalPack"
                + " version: they are created with the services that hold them");
    }

    @Override
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        VirtualMachineUpdate update = new VirtualMachineUpdate(in.string("Name"), in.string("Description"),
                integer(in.value("CPUCount")), integer(in.value("Memory")));
        VirtualMachineLifecycle.RepairFlags repair = new VirtualMachineLifecycle.RepairFlags(in.bool("Retry"),
                in.bool("Undo"), in.bool("Dismiss"), in.bool("Agent"));
        return outcome(lifecycle.update(subscriptionId, id, stampId, update, in.string("Operation"), repair,
                principal));
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        return outcome(lifecycle.delete(subscriptionId, id, stampId, principal));
    }

    /** Edm.Byte arrives as a Short, Edm.Int32 as an Integer. */
    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static WriteOutcome outcome(VirtualMachineLifecycle.Ticket ticket) {
        return new WriteOutcome(new VmmKey(ticket.machine().getId(), ticket.machine().getStampId()), ticket.jobId());
    }
}
