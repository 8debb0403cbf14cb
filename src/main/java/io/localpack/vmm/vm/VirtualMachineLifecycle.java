package io.localpack.vmm.vm;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
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

    public static final String UPDATE = "vmm.vm.update";
    public static final String DELETE = "vmm.vm.delete";

    /** Job parameters: why VMM refuses the request (the job fails with 1730), absent when it accepts it. */
    static final String REFUSAL = "Refusal";
    /** Job parameters: where the machine was when the request came, to plan the steps and to go back on failure. */
    static final String FROM_STATUS = "FromStatus";
    static final String FROM_STATUS_STRING = "FromStatusString";
    static final String FROM_VIRTUAL_MACHINE_STATE = "FromVirtualMachineState";
    /** Job parameters: the Repair action. */
    static final String REPAIR_ACTION = "RepairAction";

    private final VirtualMachineRepository machines;
    private final ServiceManager services;
    private final JobService jobs;
    private final Clock clock;

    public VirtualMachineLifecycle(VirtualMachineRepository machines, ServiceManager services, JobService jobs,
            Clock clock) {
        this.machines = machines;
        this.services = services;
        this.jobs = jobs;
        this.clock = clock;
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
        return submit(machine, VirtualMachineTransitions.delete(machine.getStatus()), DELETE,
                "Remove virtual machine", "Remove-SCVirtualMachine", principal, Map.of());
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
