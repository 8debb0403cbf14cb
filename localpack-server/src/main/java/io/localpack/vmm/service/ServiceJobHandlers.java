package io.localpack.vmm.service;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobHandler;
import io.localpack.jobs.JobRequest;
import io.localpack.vmm.common.VmmKey;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs that carry out service operations, step by step as VMM reports them. Every kind first applies the property
 * changes that came with the request, and puts the service in its failed state when the job fails.
 */
@Configuration
class ServiceJobHandlers {

    /** The steps of one kind of service job. */
    interface Steps {
        /**
         * @param jobToRecord the job, for the last step to record on the machines with the state it leaves them in;
         *                    null when the run recorded it already (or a restart skipped the step that would)
         */
        void run(JobExecution x, VmmKey service, UUID jobToRecord) throws InterruptedException;
    }

    @Bean
    JobHandler updateServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.UPDATE, t, LastStep.WRITES_NOTHING,
                (x, key, job) -> x.step("Completing the change", 100));
    }

    @Bean
    JobHandler deployServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.DEPLOY, t, LastStep.WRITES_SERVICE, (x, key, job) -> {
            x.step("Placing virtual machines in the cloud", 20, () -> t.createMachines(key));
            x.step("Creating virtual machines", 80);
            x.step("Starting service", 100, () -> t.deployed(key));
        });
    }

    @Bean
    JobHandler stopServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.STOP, t, LastStep.WRITES_MACHINES, (x, key, job) -> {
            x.transitionalStep("Shutting down virtual machines", 90,
                    () -> t.machines(key, ServiceMachines.Phase.STOPPING));
            x.step("Updating service status", 100, () -> t.stopped(key, job));
        });
    }

    @Bean
    JobHandler startServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.START, t, LastStep.WRITES_MACHINES, (x, key, job) -> {
            x.transitionalStep("Starting virtual machines", 90,
                    () -> t.machines(key, ServiceMachines.Phase.STARTING));
            x.step("Updating service status", 100, () -> t.running(key, job));
        });
    }

    @Bean
    JobHandler updateServiceTemplateJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.UPDATE_TEMPLATE, t, LastStep.WRITES_SERVICE, (x, key, job) -> {
            UUID templateId = UUID.fromString(x.parameter(JobRequest.TEMPLATE_ID));
            x.step("Entering servicing mode", 15, () -> t.servicing(key));
            x.step("Updating virtual machines one upgrade domain at a time", 90);
            x.step("Committing the new service template release", 100, () -> t.serviced(key, templateId));
        });
    }

    @Bean
    JobHandler deleteServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.DELETE, t, LastStep.WRITES_MACHINES, (x, key, job) -> {
            x.transitionalStep("Removing virtual machines", 80,
                    () -> t.machines(key, ServiceMachines.Phase.DELETING));
            x.step("Removing service", 100, () -> t.deleted(key));
        });
    }

    /** What the last step of a kind writes, which lets a run in one transaction leave out earlier writes. */
    enum LastStep {
        /** Nothing: the first step touches the service even without changes. */
        WRITES_NOTHING,
        /** The service. */
        WRITES_SERVICE,
        /** The service and the machines (their new state, or their removal): it records the job on them too. */
        WRITES_MACHINES
    }

    /** One kind of service job: the carried changes, the kind's steps, the result. */
    static final class ServiceJob implements JobHandler {
        private final String kind;
        private final ServiceTransitions transitions;
        private final LastStep lastStep;
        private final Steps steps;

        ServiceJob(String kind, ServiceTransitions transitions, LastStep lastStep, Steps steps) {
            this.kind = kind;
            this.transitions = transitions;
            this.lastStep = lastStep;
            this.steps = steps;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(JobExecution x) throws Exception {
            VmmKey key = keyOf(x);
            ServiceChanges changes = ServiceLifecycle.changesOf(x.parameters());
            UUID[] jobToRecord = new UUID[1];
            x.step("Updating service properties", 5, () -> {
                // In one transaction nobody sees the machines between the steps: when the last step writes them, it
                // records the job with their new state, one write instead of two (a failure records it anyway).
                if (x.isOneTransaction() && lastStep == LastStep.WRITES_MACHINES) {
                    jobToRecord[0] = x.jobId();
                } else {
                    transitions.jobStarted(key, x.jobId());
                }
                // Without changes this only touches ModifiedTime, which a later step (or the failure) sets again in
                // the same transaction: skipping it writes the service row once per job instead of twice. A run
                // in several transactions still touches it here, where readers can see it.
                if (!changes.isEmpty() || lastStep == LastStep.WRITES_NOTHING || !x.isOneTransaction()) {
                    transitions.applyChanges(key, changes);
                }
            });
            steps.run(x, key, jobToRecord[0]);
            x.result(key.getId(), "Service", x.job().targetObjectName());
        }

        /** The steps are service and VM updates; none waits on anything but its timing. */
        @Override
        public boolean stepsOnlyWrite() {
            return true;
        }

        @Override
        public void onFailure(JobExecution x, JobError error) {
            transitions.failed(keyOf(x), kind, x.jobId());
        }

        private static VmmKey keyOf(JobExecution x) {
            return new VmmKey(x.targetObjectId(), x.job().stampId());
        }
    }
}
