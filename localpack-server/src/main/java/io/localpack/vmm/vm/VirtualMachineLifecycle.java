package io.localpack.vmm.vm;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.quota.CloudQuotas;
import io.localpack.vmm.quota.QuotaDimension;
import io.localpack.vmm.service.ServiceManager;
import io.localpack.vmm.vm.VirtualMachineTransitions.Move;
import io.localpack.vmm.vm.VirtualMachineTransitions.Plan;
import io.localpack.vmm.vm.VirtualMachineTransitions.RepairAction;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns tenant requests on virtual machines into jobs, as SPF hands them to VMM: the request is checked, the machine
 * shows the state its job passes through first, and the job is queued, in one transaction, so a request refused here
 * changes nothing. What VMM refuses by the machine's state ({@link VirtualMachineTransitions}) is not refused here:
 * it becomes a job that fails with error 1730 and leaves the machine as it is. The jobs
 * ({@link VirtualMachineJobHandlers}) do the rest through {@link VirtualMachineJobEffects}.
 */
@Service
public class VirtualMachineLifecycle {

    public static final String CREATE = "vmm.vm.create";
    public static final String UPDATE = "vmm.vm.update";
    public static final String DELETE = "vmm.vm.delete";
    public static final String CHECKPOINT_CREATE = "vmm.vm.checkpoint.create";
    public static final String CHECKPOINT_RESTORE = "vmm.vm.checkpoint.restore";
    public static final String CHECKPOINT_UPDATE = "vmm.vm.checkpoint.update";
    public static final String CHECKPOINT_DELETE = "vmm.vm.checkpoint.delete";
    /** The one VMCheckPointAction SPF supports. */
    public static final String RESTORE = "Restore";

    /** Job parameters: why VMM refuses the request (the job fails with 1730), absent when it accepts it. */
    static final String REFUSAL = "Refusal";
    /** Job parameters: where the machine was when the request came, to plan the steps and to go back on failure. */
    static final String FROM_STATUS = "FromStatus";
    static final String FROM_STATUS_STRING = "FromStatusString";
    static final String FROM_VIRTUAL_MACHINE_STATE = "FromVirtualMachineState";
    /** Job parameters: the Repair action. */
    static final String REPAIR_ACTION = "RepairAction";
    /** Job parameters: the checkpoint a checkpoint job works on, and its new name and description. */
    static final String CHECKPOINT_ID = "CheckpointId";
    static final String CHECKPOINT_NAME = "CheckpointName";
    static final String CHECKPOINT_DESCRIPTION = "CheckpointDescription";
    /** Job parameters: whether a new machine ends running. */
    static final String START_VM = "StartVM";

    /**
     * The refusal of a create or resize over the cloud's quota. No source shows VMM's number for it
     * (shared/spec/vmm-states.md 3.5), so the code is the symbolic "QuotaExceeded", LocalPack's [INFER].
     */
    public static final String QUOTA_EXCEEDED = "QuotaExceeded";
    /** Hyper-V's defaults for a machine made from a disk without a profile or hardware of its own [INFER]. */
    static final int DEFAULT_CPU_COUNT = 1;
    static final int DEFAULT_MEMORY_MB = 1024;

    private final VirtualMachineRepository machines;
    private final ServiceManager services;
    private final VmCheckpointRepository checkpoints;
    private final VirtualMachineCheckpointRows checkpointRows;
    private final VirtualMachineSources sources;
    private final NewVirtualMachineDevices devices;
    private final CloudQuotas quotas;
    private final JobService jobs;
    private final Clock clock;

    VirtualMachineLifecycle(VirtualMachineRepository machines, ServiceManager services,
            VmCheckpointRepository checkpoints,
            VirtualMachineCheckpointRows checkpointRows, VirtualMachineSources sources,
            NewVirtualMachineDevices devices, CloudQuotas quotas, JobService jobs, Clock clock) {
        this.machines = machines;
        this.services = services;
        this.checkpoints = checkpoints;
        this.checkpointRows = checkpointRows;
        this.sources = sources;
        this.devices = devices;
        this.quotas = quotas;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * A new stand-alone machine from a template, or from a library disk with a hardware profile (or hardware of its
     * own): checked, recorded UnderCreation with its disk, drives and adapters, and its "Create virtual machine" job
     * queued, in one transaction. Over the cloud's quota it is refused before anything is written.
     */
    @Transactional
    public Ticket create(UUID subscriptionId, NewVirtualMachine request, String principal) {
        requireGiven(request.stampId(), "StampId");
        requireGiven(request.cloudId(), "CloudId");
        if (request.name() == null || request.name().isBlank()) {
            throw VmmRequestException.invalid("Name is required");
        }
        VirtualMachineSources.Resolved source = sources.resolve(subscriptionId, request);
        VirtualMachine.Blueprint blueprint = source.blueprint();
        QuotaDimension over = quotas.exceededBy(subscriptionId, request.cloudId(), request.stampId(),
                blueprint.cpuCount(), blueprint.memoryMb(), CloudQuotas.storageGb(source.disk().getMaximumSize()));
        if (over != null) {
            throw overQuota(over, request.cloudId());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        VirtualMachine machine = machines.saveAndFlush(VirtualMachine.standAlone(UUID.randomUUID(),
                request.stampId(), subscriptionId, request.cloudId(), blueprint, sources.owner(subscriptionId,
                        principal), now));
        devices.save(VirtualMachineDevices.forNewVm(machine, source.disk(), source.adapters(), now));
        Plan plan = VirtualMachineTransitions.create(request.startVm());
        return submit(machine, plan, CREATE, "Create virtual machine", "New-SCVirtualMachine", principal,
                Map.of(START_VM, Boolean.toString(request.startVm())));
    }

    /** A queued job and the machine it works on. */
    public record Ticket(VmmKey machine, UUID jobId) {
    }

    /** Repair-SCVirtualMachine's switches as sent; null members are false. */
    public record RepairFlags(Boolean retry, Boolean undo, Boolean dismiss, Boolean agent) {
        public static final RepairFlags NONE = new RepairFlags(null, null, null, null);

        boolean anySet() {
            return Boolean.TRUE.equals(retry) || Boolean.TRUE.equals(undo) || Boolean.TRUE.equals(dismiss)
                    || Boolean.TRUE.equals(agent);
        }
    }

    /**
     * An update: property changes, plus at most one {@code Operation}. Members equal to the machine's are no change
     * (clients send the whole object back).
     *
     * @param operation null for a change of properties only
     */
    @Transactional
    public Ticket update(UUID subscriptionId, UUID id, UUID stampId, VirtualMachineUpdate requested, String operation,
            RepairFlags repairFlags, String principal) {
        VirtualMachine machine = owned(subscriptionId, id, stampId);
        requested.validate();
        if (requested.hardwareProfileId() != null && !requested.hardwareProfileId().equals(
                machine.getHardwareProfileId())) {
            requested = sources.withProfile(subscriptionId, machine.getStampId(), requested);
        }
        VirtualMachineUpdate changes = requested.differencesFrom(machine);
        VirtualMachineOperation verb = operation == null || operation.isBlank() ? null
                : VirtualMachineOperation.of(operation).orElseThrow(() -> VmmRequestException.invalid("Operation '"
                        + operation + "' is not supported; accepted values: "
                        + String.join(", ", VirtualMachineOperation.wireNames())));
        RepairAction repair = null;
        if (verb == VirtualMachineOperation.REPAIR) {
            repair = RepairAction.of(repairFlags.retry(), repairFlags.undo(), repairFlags.dismiss(),
                    repairFlags.agent());
        } else if (repairFlags.anySet()) {
            throw VmmRequestException.invalid("Retry, Undo, Dismiss and Agent go with Operation Repair only");
        }
        if (verb != null && changes.changesHardware()) {
            throw VmmRequestException.invalid("Send an Operation and hardware changes (CPUCount, Memory) in"
                    + " separate requests");
        }
        changes.validateAgainst(machine);
        refuseGrowthOverQuota(machine, changes);
        refuseWhileItsServiceIsBusy(machine);
        Plan plan = verb != null
                ? VirtualMachineTransitions.operation(verb, machine.getStatus(), machine.getVirtualMachineState(), repair)
                : VirtualMachineTransitions.update(changes.changesHardware(), machine.getStatus());
        Map<String, String> parameters = new LinkedHashMap<>(changes.toParameters());
        if (repair != null) {
            parameters.put(REPAIR_ACTION, repair.name());
        }
        if (repair == RepairAction.RETRY && machine.getFailedJobId() != null) {
            // Retry does the failed job's work again: its hardware changes, which it had not applied yet.
            jobs.find(subscriptionId, machine.getFailedJobId()).ifPresent(failed -> parameters.putAll(
                    VirtualMachineUpdate.fromParameters(failed.parameters()).hardwareOnly().toParameters()));
        }
        return verb != null
                ? submit(machine, plan, verb.jobKind(), verb.jobName(), verb.cmdlet(), principal, parameters)
                : submit(machine, plan, UPDATE, "Change properties of virtual machine", "Set-SCVirtualMachine",
                        principal, parameters);
    }

    /**
     * Removes a machine through a job. A machine of a service is refused before any job: VMM removes those with their
     * service (Remove-SCService).
     */
    @Transactional
    public Ticket delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        VirtualMachine machine = owned(subscriptionId, id, stampId);
        if (machine.getServiceId() != null) {
            throw VmmRequestException.invalid("Virtual machine '" + machine.getName() + "' belongs to service "
                    + machine.getServiceId() + "; it is removed with its service (DELETE the service)");
        }
        if (machine.getVmRoleId() != null) {
            throw VmmRequestException.invalid("Virtual machine '" + machine.getName() + "' is an instance of VM Role '"
                    + machine.getCloudVmRoleName() + "'; scale the role or delete it instead");
        }
        return submit(machine, VirtualMachineTransitions.delete(machine.getStatus()), DELETE,
                "Remove virtual machine", "Remove-SCVirtualMachine", principal, Map.of());
    }

    /** A checkpoint job and the checkpoint it is about. */
    public record CheckpointTicket(VmmKey checkpoint, UUID jobId) {
    }

    /**
     * A new checkpoint of a machine (POST VMCheckPoints): the row appears at once, its job shows CreatingCheckpoint on
     * the machine; a job that fails (VMM's 1730 refusal included) takes the row away again.
     */
    @Transactional
    public CheckpointTicket createCheckpoint(UUID subscriptionId, UUID stampId, UUID vmId, String name,
            String description, String principal) {
        requireGiven(stampId, "StampId");
        requireGiven(vmId, "VMId");
        VirtualMachine machine = machines.findOwned(subscriptionId, vmId, stampId).orElseThrow(() ->
                VmmRequestException.invalid("VMId " + vmId + " does not name a virtual machine of this subscription"
                        + " on stamp " + stampId));
        refuseWhileItsServiceIsBusy(machine);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // VMM's default name: the machine's, with the time taken
        VmCheckpoint checkpoint = VmCheckpoint.of(machine, name == null || name.isBlank() ? machine.getName()
                + " - (" + now.toLocalDateTime().withNano(0) + ")" : name, description,
                checkpointRows.parentOfNext(machine), now);
        Plan plan = VirtualMachineTransitions.checkpoint(VirtualMachineTransitions.CheckpointAction.CREATE,
                machine.getStatus(), machine.getVirtualMachineState());
        Ticket ticket = submit(machine, plan, CHECKPOINT_CREATE, "Create checkpoint", "New-SCVMCheckpoint",
                principal, Map.of(CHECKPOINT_ID, checkpoint.getId().toString()));
        checkpoints.save(checkpoint);
        return new CheckpointTicket(new VmmKey(checkpoint.getId(), stampId), ticket.jobId());
    }

    /**
     * A change of a checkpoint (PUT/MERGE VMCheckPoints): {@code VMCheckPointAction} "Restore" returns the machine to
     * it (LastRestoredCheckpointId), without one the Name and Description change.
     */
    @Transactional
    public CheckpointTicket changeCheckpoint(UUID subscriptionId, UUID id, UUID stampId, String action, String name,
            String description, String principal) {
        VmCheckpoint checkpoint = ownedCheckpoint(subscriptionId, id, stampId);
        boolean restore = action != null && !action.isBlank();
        if (restore && !RESTORE.equalsIgnoreCase(action.trim())) {
            throw VmmRequestException.invalid("VMCheckPointAction '" + action + "' is not supported; accepted value: "
                    + RESTORE);
        }
        if (name != null && name.isBlank()) {
            throw VmmRequestException.invalid("Name cannot be empty");
        }
        VirtualMachine machine = owned(subscriptionId, checkpoint.getVmId(), stampId);
        refuseWhileItsServiceIsBusy(machine);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(CHECKPOINT_ID, id.toString());
        if (name != null) {
            parameters.put(CHECKPOINT_NAME, name);
        }
        if (description != null) {
            parameters.put(CHECKPOINT_DESCRIPTION, description);
        }
        Ticket ticket = restore
                ? submit(machine, VirtualMachineTransitions.checkpoint(VirtualMachineTransitions.CheckpointAction.RESTORE,
                        machine.getStatus(), machine.getVirtualMachineState()), CHECKPOINT_RESTORE,
                        "Restore virtual machine to checkpoint", "Restore-SCVMCheckpoint", principal, parameters)
                : submit(machine, new VirtualMachineTransitions.Unchanged(), CHECKPOINT_UPDATE,
                        "Change properties of checkpoint", "Set-SCVMCheckpoint", principal, parameters);
        return new CheckpointTicket(new VmmKey(id, stampId), ticket.jobId());
    }

    @Transactional
    public CheckpointTicket deleteCheckpoint(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        VmCheckpoint checkpoint = ownedCheckpoint(subscriptionId, id, stampId);
        VirtualMachine machine = owned(subscriptionId, checkpoint.getVmId(), stampId);
        refuseWhileItsServiceIsBusy(machine);
        Ticket ticket = submit(machine, VirtualMachineTransitions.checkpoint(
                VirtualMachineTransitions.CheckpointAction.DELETE, machine.getStatus(),
                machine.getVirtualMachineState()), CHECKPOINT_DELETE, "Remove checkpoint", "Remove-SCVMCheckpoint",
                principal, Map.of(CHECKPOINT_ID, id.toString()));
        return new CheckpointTicket(new VmmKey(id, stampId), ticket.jobId());
    }

    private VmCheckpoint ownedCheckpoint(UUID subscriptionId, UUID id, UUID stampId) {
        return checkpoints.findOwned(subscriptionId, id, stampId).orElseThrow(() -> VmmRequestException.notFound(
                "VMCheckPoint (ID=" + id + ",StampId=" + stampId + ") not found"));
    }

    /** A resize that would take the machine's cloud over its CPU or memory quota is refused like a create. */
    private void refuseGrowthOverQuota(VirtualMachine machine, VirtualMachineUpdate changes) {
        long moreCpus = changes.cpuCount() == null ? 0 : changes.cpuCount() - valueOr(machine.getCpuCount());
        long moreMemory = changes.memoryMb() == null ? 0 : changes.memoryMb() - valueOr(machine.getMemoryMb());
        if (moreCpus <= 0 && moreMemory <= 0) {
            return; // nothing grows (an operation, a rename): the usage need not be read
        }
        Map<QuotaDimension, CloudQuotas.Allowance> usage = quotas.usage(machine.getSubscriptionId(),
                machine.getCloudId(), machine.getStampId());
        if (moreCpus > 0 && usage.containsKey(QuotaDimension.CpuCount)
                && !usage.get(QuotaDimension.CpuCount).allows(moreCpus)) {
            throw overQuota(QuotaDimension.CpuCount, machine.getCloudId());
        }
        if (moreMemory > 0 && usage.containsKey(QuotaDimension.MemoryMB)
                && !usage.get(QuotaDimension.MemoryMB).allows(moreMemory)) {
            throw overQuota(QuotaDimension.MemoryMB, machine.getCloudId());
        }
    }

    private static VmmRequestException overQuota(QuotaDimension dimension, UUID cloudId) {
        return new VmmRequestException(VmmRequestException.Kind.INVALID, QUOTA_EXCEEDED, "The request would exceed"
                + " the " + dimension + " quota of this subscription in cloud " + cloudId + ". Remove or shrink"
                + " virtual machines there, or ask the administrator for a larger quota.");
    }

    private static int valueOr(Integer value) {
        return value == null ? 0 : value;
    }

    private static void requireGiven(UUID value, String property) {
        if (value == null || (value.getMostSignificantBits() == 0 && value.getLeastSignificantBits() == 0)) {
            throw VmmRequestException.invalid(property + " is required");
        }
    }

    private VirtualMachine owned(UUID subscriptionId, UUID id, UUID stampId) {
        return machines.findOwned(subscriptionId, id, stampId).orElseThrow(() -> VmmRequestException.notFound(
                "VirtualMachine (ID=" + id + ",StampId=" + stampId + ") not found"));
    }

    /** A job on a service holds its machines too (VMM locks the objects a job touches): error 2602, as for services. */
    private void refuseWhileItsServiceIsBusy(VirtualMachine machine) {
        if (machine.getServiceId() != null) {
            services.lockForJob(machine.getServiceId(), machine.getStampId());
            jobs.activeJobOn(machine.getServiceId()).ifPresent(running -> {
                throw VmmRequestException.locked(running);
            });
        }
    }

    private Ticket submit(VirtualMachine machine, Plan plan, String kind, String name, String cmdlet,
            String principal, Map<String, String> parameters) {
        JobRequest.Builder request = JobRequest.builder(machine.getSubscriptionId(), kind, name)
                .stampId(machine.getStampId())
                .target(machine.getId(), "VM", machine.getName())
                .owner(principal)
                .cmdletName(cmdlet)
                // a refusal has nothing to run again
                .restartable(!(plan instanceof VirtualMachineTransitions.Refused))
                .parameter(FROM_STATUS, machine.getStatus())
                .parameter(FROM_STATUS_STRING, machine.getStatusString())
                .parameter(FROM_VIRTUAL_MACHINE_STATE, machine.getVirtualMachineState());
        parameters.forEach(request::parameter);
        if (plan instanceof VirtualMachineTransitions.Refused refused) {
            request.parameter(REFUSAL, refused.reason());
        }
        Job job;
        try {
            job = jobs.submit(request.build());
        } catch (TargetBusyException e) {
            throw VmmRequestException.locked(e.runningJobId());
        }
        // VMM's refusal changes nothing on the machine, not even its MostRecentTaskId.
        if (!(plan instanceof VirtualMachineTransitions.Refused)) {
            machine.setMostRecentTaskId(job.id());
            if (plan instanceof Move move && move.transientState() != null) {
                machine.showState(move.transientState(), OffsetDateTime.now(clock));
            }
        }
        return new Ticket(machine.key(), job.id());
    }
}
