package io.localpack.vmm.vm;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobFailedException;
import io.localpack.jobs.JobHandler;
import io.localpack.jobs.JobHandlerGroup;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.network.NetworkAddresses;
import io.localpack.vmm.vm.VirtualMachineStates.PowerState;
import io.localpack.vmm.vm.VirtualMachineTransitions.Move;
import io.localpack.vmm.vm.VirtualMachineTransitions.Plan;
import io.localpack.vmm.vm.VirtualMachineTransitions.RepairAction;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs of stand-alone virtual machine requests (kinds {@code vmm.vm.*}, docs/jobs.md). Each plans its steps from
 * where the machine was when the request came ({@link VirtualMachineTransitions}): a refused request fails at once
 * with VMM error 1730; otherwise the job applies the property changes it carries, shows each state the machine passes
 * through, and ends in the final one.
 */
@Configuration
class VirtualMachineJobHandlers {

    /** The ErrorInfo of VMM's refusal. The symbolic Code is LocalPack's: no source shows VMM's. */
    static JobError wrongState(String reason) {
        return new JobError(VirtualMachineTransitions.WRONG_STATE, "VMStateNotValidForAction",
                VirtualMachineTransitions.WRONG_STATE_PROBLEM + " " + reason,
                "Wait until the virtual machine is in a state in which the action is valid, and then try again.",
                "Error", "None", "", true, 400);
    }

    /** What VMM's job shows while a machine is in each passing state. */
    private static final Map<String, String> STEP_TEXT = Map.ofEntries(
            Map.entry(VirtualMachineStates.STARTING, "Starting virtual machine"),
            Map.entry(VirtualMachineStates.POWERING_OFF, "Turning off virtual machine"),
            Map.entry(VirtualMachineStates.PAUSING, "Pausing virtual machine"),
            Map.entry(VirtualMachineStates.SAVING, "Saving state of virtual machine"),
            Map.entry(VirtualMachineStates.RESTORING, "Restoring virtual machine from its saved state"),
            Map.entry(VirtualMachineStates.DISCARDING_SAVED_STATE, "Discarding saved state of virtual machine"),
            Map.entry(VirtualMachineStates.UNDER_UPDATE, "Changing virtual machine hardware"),
            Map.entry(VirtualMachineStates.UNDER_CREATION, "Creating virtual machine"),
            Map.entry(VirtualMachineStates.DELETING, "Removing virtual machine files"),
            Map.entry(VirtualMachineStates.CREATING_CHECKPOINT, "Creating checkpoint"),
            Map.entry(VirtualMachineStates.RECOVERING_CHECKPOINT, "Restoring virtual machine to checkpoint"),
            Map.entry(VirtualMachineStates.DELETING_CHECKPOINT, "Removing checkpoint"));

    /** One job kind per operation verb (Start, Stop, Shutdown, …), each walking the verb's transitions. */
    @Bean
    JobHandlerGroup virtualMachineOperationJobs(VirtualMachineJobEffects effects) {
        return () -> Arrays.stream(VirtualMachineOperation.values())
                .map(operation -> operationJob(operation, effects)).toList();
    }

    @Bean
    JobHandler updateVirtualMachineJob(VirtualMachineJobEffects effects) {
        return new VirtualMachineJob(VirtualMachineLifecycle.UPDATE, effects, x -> VirtualMachineTransitions.update(
                VirtualMachineUpdate.fromParameters(x.parameters()).changesHardware(), fromStatus(x)));
    }

    /**
     * A create gives the machine's adapters their addresses from their networks' static IP address pools first: an
     * exhausted pool fails the job before the machine is made (CreationFailed, as VMM leaves it).
     */
    @Bean
    JobHandler createVirtualMachineJob(VirtualMachineJobEffects effects, NetworkAddresses addresses) {
        return new VirtualMachineJob(VirtualMachineLifecycle.CREATE, effects, x -> VirtualMachineTransitions.create(
                Boolean.parseBoolean(x.parameter(VirtualMachineLifecycle.START_VM))), null,
                (x, vm) -> addresses.allocateFor(vm.getId(), vm.getStampId()));
    }

    @Bean
    JobHandler deleteVirtualMachineJob(VirtualMachineJobEffects effects) {
        return new VirtualMachineJob(VirtualMachineLifecycle.DELETE, effects,
                x -> VirtualMachineTransitions.delete(fromStatus(x)));
    }

    @Bean
    JobHandler createCheckpointJob(VirtualMachineJobEffects effects) {
        return checkpointJob(VirtualMachineLifecycle.CHECKPOINT_CREATE, VirtualMachineTransitions.CheckpointAction.CREATE,
                effects, null);
    }

    @Bean
    JobHandler restoreCheckpointJob(VirtualMachineJobEffects effects) {
        return checkpointJob(VirtualMachineLifecycle.CHECKPOINT_RESTORE,
                VirtualMachineTransitions.CheckpointAction.RESTORE, effects,
                (x, vm) -> {
                    effects.renameCheckpoint(checkpointOf(x), vm.getStampId(),
                            x.parameter(VirtualMachineLifecycle.CHECKPOINT_NAME),
                            x.parameter(VirtualMachineLifecycle.CHECKPOINT_DESCRIPTION));
                    effects.restoredTo(vm, checkpointOf(x));
                });
    }

    @Bean
    JobHandler deleteCheckpointJob(VirtualMachineJobEffects effects) {
        return checkpointJob(VirtualMachineLifecycle.CHECKPOINT_DELETE, VirtualMachineTransitions.CheckpointAction.DELETE,
                effects, (x, vm) -> effects.removeCheckpoint(vm, checkpointOf(x)));
    }

    @Bean
    JobHandler updateCheckpointJob(VirtualMachineJobEffects effects) {
        return new VirtualMachineJob(VirtualMachineLifecycle.CHECKPOINT_UPDATE, effects,
                x -> new VirtualMachineTransitions.Unchanged(),
                (x, vm) -> effects.renameCheckpoint(checkpointOf(x), vm.getStampId(),
                        x.parameter(VirtualMachineLifecycle.CHECKPOINT_NAME),
                        x.parameter(VirtualMachineLifecycle.CHECKPOINT_DESCRIPTION)));
    }

    private static JobHandler checkpointJob(String kind, VirtualMachineTransitions.CheckpointAction action,
            VirtualMachineJobEffects effects, Finish finish) {
        return new VirtualMachineJob(kind, effects, x -> VirtualMachineTransitions.checkpoint(action, fromStatus(x),
                x.parameter(VirtualMachineLifecycle.FROM_VIRTUAL_MACHINE_STATE)), finish);
    }

    private static java.util.UUID checkpointOf(JobExecution x) {
        return java.util.UUID.fromString(x.parameter(VirtualMachineLifecycle.CHECKPOINT_ID));
    }

    /** Work a kind of job does in its last step, besides settling the machine. */
    interface Finish {
        void run(JobExecution x, VmmKey machine);
    }

    private static JobHandler operationJob(VirtualMachineOperation operation, VirtualMachineJobEffects effects) {
        return new VirtualMachineJob(operation.jobKind(), effects, x -> {
            String repair = x.parameter(VirtualMachineLifecycle.REPAIR_ACTION);
            return VirtualMachineTransitions.operation(operation, fromStatus(x),
                    x.parameter(VirtualMachineLifecycle.FROM_VIRTUAL_MACHINE_STATE),
                    repair == null ? null : RepairAction.valueOf(repair));
        });
    }

    private static String fromStatus(JobExecution x) {
        return x.parameter(VirtualMachineLifecycle.FROM_STATUS);
    }

    /** One kind of virtual machine job: its plan, recomputed from the job's parameters, walked step by step. */
    static final class VirtualMachineJob implements JobHandler {
        private final String kind;
        private final VirtualMachineJobEffects effects;
        private final Function<JobExecution, Plan> plan;
        private final Finish finish;
        private final Finish prepare;

        VirtualMachineJob(String kind, VirtualMachineJobEffects effects, Function<JobExecution, Plan> plan) {
            this(kind, effects, plan, null);
        }

        VirtualMachineJob(String kind, VirtualMachineJobEffects effects, Function<JobExecution, Plan> plan,
                Finish finish) {
            this(kind, effects, plan, finish, null);
        }

        /** @param prepare work of the step after the property changes, before the machine moves; may be null */
        VirtualMachineJob(String kind, VirtualMachineJobEffects effects, Function<JobExecution, Plan> plan,
                Finish finish, Finish prepare) {
            this.kind = kind;
            this.effects = effects;
            this.plan = plan;
            this.finish = finish;
            this.prepare = prepare;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(JobExecution x) throws Exception {
            String refusal = x.parameter(VirtualMachineLifecycle.REFUSAL);
            if (refusal != null) {
                throw new JobFailedException(wrongState(refusal));
            }
            VmmKey key = keyOf(x);
            VirtualMachineUpdate changes = VirtualMachineUpdate.fromParameters(x.parameters());
            x.step("Updating virtual machine properties", 5,
                    () -> effects.started(key, x.jobId(), changes.withoutHardware()));
            if (prepare != null) {
                x.step("Assigning IP addresses from static IP address pools", 5, () -> prepare.run(x, key));
            }
            if (plan.apply(x) instanceof Move move) {
                int steps = move.passing().size();
                for (int i = 0; i < steps; i++) {
                    PowerState passing = move.passing().get(i);
                    x.step(STEP_TEXT.getOrDefault(passing.status(), "Working on virtual machine"),
                            5 + 85 * (i + 1) / steps, () -> effects.show(key, passing));
                }
                if (move.finalState() == null) {
                    x.step("Removing virtual machine", 100, () -> effects.remove(key));
                } else {
                    boolean repairs = x.parameter(VirtualMachineLifecycle.REPAIR_ACTION) != null;
                    x.step("Updating virtual machine status", 100, () -> {
                        finish(x, key);
                        effects.settle(key, move.finalState(), changes.hardwareOnly(), repairs);
                    });
                }
            } else {
                x.step("Completing the request", 100, () -> finish(x, key));
            }
            x.result(key.getId(), "VM", x.job().targetObjectName());
        }

        private void finish(JobExecution x, VmmKey key) {
            if (finish != null) {
                finish.run(x, key);
            }
        }

        /** The steps are machine updates; none waits on anything but its timing. */
        @Override
        public boolean stepsOnlyWrite() {
            return true;
        }

        @Override
        public void onFailure(JobExecution x, JobError error) {
            effects.failed(keyOf(x), kind, x.jobId(), x.parameters());
        }

        private static VmmKey keyOf(JobExecution x) {
            return new VmmKey(x.targetObjectId(), x.job().stampId());
        }
    }
}
