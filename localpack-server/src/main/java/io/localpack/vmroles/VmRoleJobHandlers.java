package io.localpack.vmroles;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobHandler;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.vm.VirtualMachineStates;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs of the VM Role API (kinds {@code vmroles.*}): each shows the states its machines pass through, as the VM
 * jobs do, and ends the role or cloud service Provisioned or gone. A failed job (a fault rule, a dead runner) leaves
 * the role Failed with the job's problem in its Substate.
 */
@Configuration
class VmRoleJobHandlers {

    @Bean
    JobHandler createCloudServiceJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.CREATE_CLOUD_SERVICE, x -> {
            x.step("Creating cloud service", 100,
                    () -> effects.cloudServiceState(x.targetObjectId(), VmRoleLifecycle.PROVISIONED));
            x.result(x.targetObjectId(), "CloudService", x.job().targetObjectName());
        }, (x, error) -> effects.cloudServiceFailed(x.subscriptionId(), x.targetObjectId(), x.jobId(),
                error.problem()));
    }

    @Bean
    JobHandler deleteCloudServiceJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.DELETE_CLOUD_SERVICE, x -> {
            x.step("Stopping the virtual machines of the cloud service", 50, () -> effects.show(
                    effects.instancesOfCloudService(x.subscriptionId(), x.targetObjectId()),
                    VirtualMachineStates.DELETING_STATE, x.jobId()));
            x.step("Removing VM Roles and the cloud service", 100,
                    () -> effects.removeCloudService(x.subscriptionId(), x.targetObjectId()));
            x.result(x.targetObjectId(), "CloudService", x.job().targetObjectName());
        }, (x, error) -> effects.cloudServiceFailed(x.subscriptionId(), x.targetObjectId(), x.jobId(),
                error.problem()));
    }

    @Bean
    JobHandler createRoleJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.CREATE_ROLE, x -> {
            provision(x, effects, machines(x, VmRoleLifecycle.CREATING));
            x.result(x.targetObjectId(), "VMRole", x.job().targetObjectName());
        }, (x, error) -> roleFailed(x, effects, error));
    }

    @Bean
    JobHandler scaleRoleJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.SCALE_ROLE, x -> {
            List<VmmKey> removing = machines(x, VmRoleLifecycle.REMOVING);
            if (!removing.isEmpty()) {
                x.step("Removing virtual machines", 50,
                        () -> effects.show(removing, VirtualMachineStates.DELETING_STATE, x.jobId()));
                x.step("Removing virtual machine files", 90, () -> effects.remove(removing));
            }
            provision(x, effects, machines(x, VmRoleLifecycle.CREATING));
            x.result(x.targetObjectId(), "VMRole", x.job().targetObjectName());
        }, (x, error) -> roleFailed(x, effects, error));
    }

    /** An update changes the role's record only: its machines keep what they were made with [INFER]. */
    @Bean
    JobHandler updateRoleJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.UPDATE_ROLE, x -> {
            x.step("Updating VM Role configuration", 60);
            x.step("Completing VM Role update", 100, () -> effects.applyUpdate(x.targetObjectId()));
            x.result(x.targetObjectId(), "VMRole", x.job().targetObjectName());
        }, (x, error) -> roleFailed(x, effects, error));
    }

    /** Adding a data disk to a role's machine: its rows were written with the request; a failure removes them. */
    @Bean
    JobHandler addDiskJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.ADD_DISK, x -> {
            x.step("Creating virtual hard disk", 70);
            x.step("Attaching virtual hard disk", 100);
            x.result(UUID.fromString(x.parameter(VmRoleLifecycle.DISK)), "VirtualHardDisk",
                    x.job().targetObjectName());
        }, (x, error) -> effects.detachDisk(UUID.fromString(x.parameter(VmRoleLifecycle.DISK)),
                x.job().stampId()));
    }

    /** Expanding a disk of a stopped machine: the new capacity is the disk's when the job completes. */
    @Bean
    JobHandler expandDiskJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.EXPAND_DISK, x -> {
            UUID disk = UUID.fromString(x.parameter(VmRoleLifecycle.DISK));
            x.step("Expanding virtual hard disk", 100, () -> effects.expandDisk(disk, x.job().stampId(),
                    Long.parseLong(x.parameter(VmRoleLifecycle.DISK_BYTES))));
            x.result(disk, "VirtualHardDisk", x.job().targetObjectName());
        }, (x, error) -> { });
    }

    @Bean
    JobHandler deleteRoleJob(VmRoleJobEffects effects) {
        return new Handler(VmRoleLifecycle.DELETE_ROLE, x -> {
            List<VmmKey> removing = machines(x, VmRoleLifecycle.REMOVING);
            x.step("Removing virtual machines", 50,
                    () -> effects.show(removing, VirtualMachineStates.DELETING_STATE, x.jobId()));
            x.step("Removing VM Role", 100, () -> effects.removeRole(x.targetObjectId()));
            x.result(x.targetObjectId(), "VMRole", x.job().targetObjectName());
        }, (x, error) -> roleFailed(x, effects, error));
    }

    /** New machines start (Starting, then Running) and the role ends Provisioned. */
    private static void provision(JobExecution x, VmRoleJobEffects effects, List<VmmKey> creating)
            throws InterruptedException {
        if (!creating.isEmpty()) {
            // an exhausted pool fails the job here, before any machine runs (they show CreationFailed)
            x.step("Assigning IP addresses from static IP address pools", 10,
                    () -> effects.allocateAddresses(creating));
            x.step("Creating virtual machines", 40);
            x.step("Starting virtual machines", 80,
                    () -> effects.show(creating, VirtualMachineStates.STARTING_STATE, x.jobId()));
        }
        x.step("Provisioning VM Role", 100, () -> {
            effects.show(creating, VirtualMachineStates.RUNNING_STATE, x.jobId());
            effects.roleState(x.targetObjectId(), VmRoleLifecycle.PROVISIONED);
        });
    }

    private static void roleFailed(JobExecution x, VmRoleJobEffects effects, JobError error) {
        effects.roleFailed(x.targetObjectId(), machines(x, VmRoleLifecycle.CREATING),
                machines(x, VmRoleLifecycle.REMOVING), x.jobId(), error.problem());
    }

    private static List<VmmKey> machines(JobExecution x, String parameter) {
        String ids = x.parameter(parameter);
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(id -> new VmmKey(UUID.fromString(id), x.job().stampId())).toList();
    }

    interface Work {
        void run(JobExecution x) throws Exception;
    }

    interface Failure {
        void handle(JobExecution x, JobError error);
    }

    /** One kind of VM Role API job. */
    private record Handler(String kind, Work work, Failure failure) implements JobHandler {

        @Override
        public void run(JobExecution execution) throws Exception {
            work.run(execution);
        }

        @Override
        public boolean stepsOnlyWrite() {
            return true;
        }

        @Override
        public void onFailure(JobExecution execution, JobError error) {
            failure.handle(execution, error);
        }
    }
}
