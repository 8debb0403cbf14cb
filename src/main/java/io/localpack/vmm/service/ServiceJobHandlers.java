package io.localpack.vmm.service;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobHandler;
import io.localpack.jobs.JobRequest;
import io.localpack.vmm.common.VmmKey;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The jobs that carry out service operations, step by step as VMM reports them. Property changes that came with the
 * request are applied in the first step of every kind.
 */
final class ServiceJobHandlers {

    private ServiceJobHandlers() {
    }

    private static VmmKey keyOf(JobExecution x) {
        return new VmmKey(x.targetObjectId(), x.job().stampId());
    }

    /** Shared shape: apply the carried changes, do the kind's steps, put the service in its failed state on failure. */
    abstract static class ServiceJob implements JobHandler {
        protected final ServiceTransitions transitions;

        ServiceJob(ServiceTransitions transitions) {
            this.transitions = transitions;
        }

        @Override
        public void run(JobExecution x) throws Exception {
            VmmKey key = keyOf(x);
            x.step("Updating service properties", 5, () -> {
                transitions.jobStarted(key, x.jobId());
                transitions.applyChanges(key, ServiceLifecycle.changesOf(x.parameters()));
            });
            steps(x, key);
            x.result(key.getId(), "Service", x.job().targetObjectName());
        }

        abstract void steps(JobExecution x, VmmKey key) throws Exception;

        @Override
        public void onFailure(JobExecution x, JobError error) {
            transitions.failed(keyOf(x), kind(), x.jobId());
        }
    }

    @Component
    static class Update extends ServiceJob {
        Update(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.UPDATE;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            x.step("Completing the change", 100);
        }
    }

    @Component
    static class Deploy extends ServiceJob {
        Deploy(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.DEPLOY;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            x.step("Placing virtual machines in the cloud", 20, () -> transitions.createMachines(key));
            x.step("Creating virtual machines", 80);
            x.step("Starting service", 100, () -> transitions.deployed(key));
        }
    }

    @Component
    static class Stop extends ServiceJob {
        Stop(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.STOP;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            x.step("Shutting down virtual machines", 90,
                    () -> transitions.machines(key, ServiceMachines.Phase.STOPPING));
            x.step("Updating service status", 100, () -> transitions.stopped(key));
        }
    }

    @Component
    static class Start extends ServiceJob {
        Start(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.START;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            x.step("Starting virtual machines", 90,
                    () -> transitions.machines(key, ServiceMachines.Phase.STARTING));
            x.step("Updating service status", 100, () -> transitions.running(key));
        }
    }

    @Component
    static class UpdateTemplate extends ServiceJob {
        UpdateTemplate(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.UPDATE_TEMPLATE;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            UUID templateId = UUID.fromString(x.parameter(JobRequest.TEMPLATE_ID));
            x.step("Entering servicing mode", 15, () -> transitions.servicing(key));
            x.step("Updating virtual machines one upgrade domain at a time", 90);
            x.step("Committing the new service template release", 100, () -> transitions.serviced(key, templateId));
        }
    }

    @Component
    static class Delete extends ServiceJob {
        Delete(ServiceTransitions transitions) {
            super(transitions);
        }

        @Override
        public String kind() {
            return ServiceLifecycle.DELETE;
        }

        @Override
        void steps(JobExecution x, VmmKey key) throws InterruptedException {
            x.step("Removing virtual machines", 80,
                    () -> transitions.machines(key, ServiceMachines.Phase.DELETING));
            x.step("Removing service", 100, () -> transitions.deleted(key));
        }
    }
}
