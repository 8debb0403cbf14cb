package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import java.util.List;
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

    /**
     * The guest customisation members (LocalAdminUserName, LocalAdminPassword, ProductKey, the SSH keys, domain join
     * credentials) are accepted and not read: LocalPack has no guest to customise, so they are never stored, logged
     * (the request journal masks them) or read back.
     */
    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        List<NewVirtualMachine.NewAdapter> adapters = in.complexCollection("NewVirtualNetworkAdapterInput").stream()
                .map(value -> EntityReader.of(value, "NewVirtualNetworkAdapterInput"))
                .map(a -> new NewVirtualMachine.NewAdapter(a.string("VMNetworkName"), given(a.guid("VMNetworkId")),
                        a.string("MACAddressType"), a.string("MACAddress"), a.string("IPv4AddressType"),
                        a.string("IPv6AddressType"), a.bool("VLanEnabled"), integer(a.value("VLanId"))))
                .toList();
        NewVirtualMachine request = new NewVirtualMachine(given(in.guid("StampId")), given(in.guid("CloudId")),
                in.string("Name"), in.string("Description"), in.string("ComputerName"), given(in.guid("VMTemplateId")),
                given(in.guid("HardwareProfileId")), given(in.guid("VirtualHardDiskId")), integer(in.value("CPUCount")),
                integer(in.value("Memory")), in.bool("DynamicMemoryEnabled"), integer(in.value("DynamicMemoryMinimumMB")),
                integer(in.value("DynamicMemoryMaximumMB")), Boolean.TRUE.equals(in.bool("StartVM")), adapters);
        return outcome(lifecycle.create(subscriptionId, request, principal));
    }

    @Override
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        VirtualMachineUpdate update = new VirtualMachineUpdate(in.string("Name"), in.string("Description"),
                integer(in.value("CPUCount")), integer(in.value("Memory")), in.bool("DynamicMemoryEnabled"),
                integer(in.value("DynamicMemoryMinimumMB")), integer(in.value("DynamicMemoryMaximumMB")),
                given(in.guid("HardwareProfileId")));
        VirtualMachineLifecycle.RepairFlags repair = new VirtualMachineLifecycle.RepairFlags(in.bool("Retry"),
                in.bool("Undo"), in.bool("Dismiss"), in.bool("Agent"));
        return outcome(lifecycle.update(subscriptionId, id, stampId, update, in.string("Operation"), repair,
                principal));
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        return outcome(lifecycle.delete(subscriptionId, id, stampId, principal));
    }

    /** A GUID clients send all zeros to mean none. */
    private static UUID given(UUID value) {
        return EntityReader.isEmptyGuid(value) ? null : value;
    }

    /** Edm.Byte arrives as a Short, Edm.Int32 as an Integer. */
    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static WriteOutcome outcome(VirtualMachineLifecycle.Ticket ticket) {
        return new WriteOutcome(new VmmKey(ticket.machine().getId(), ticket.machine().getStampId()), ticket.jobId());
    }
}
