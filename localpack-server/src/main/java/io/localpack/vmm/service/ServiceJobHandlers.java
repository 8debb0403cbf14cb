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
        void run(JobExecution x, VmmKey service) throws InterruptedException;
    }

    @Bean
    JobHandler updateServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.UPDATE, t, (x, key) -> x.step("Completing the change", 100), true);
    }

    @Bean
    JobHandler deployServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.DEPLOY, t, (x, key) -> {
            x.step("Placing virtual machines in the cloud", 20, () -> t.createMachines(key));
            x.step("Creating virtual machines", 80);
            x.step("Starting service", 100, () -> t.deployed(key));
        });
    }

    @Bean
    JobHandler stopServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.STOP, t, (x, key) -> {
            x.transitionalStep("Shutting down virtual machines", 90,
                    () -> t.machines(key, ServiceMachines.Phase.STOPPING));
            x.step("Updating service status", 100, () -> t.stopped(key));
        });
    }

    @Bean
    JobHandler startServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.START, t, (x, key) -> {
            x.transitionalStep("Starting virtual machines", 90,
                    () -> t.machines(key, ServiceMachines.Phase.STARTING));
            x.step("Updating service status", 100, () -> t.running(key));
        });
    }

    @Bean
    JobHandler updateServiceTemplateJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.UPDATE_TEMPLATE, t, (x, key) -> {
            UUID templateId = UUID.fromString(x.parameter(JobRequest.TEMPLATE_ID));
            x.step("Entering servicing mode", 15, () -> t.servicing(key));
            x.step("Updating virtual machines one upgrade domain at a time", 90);
            x.step("Committing the new service template release", 100, () -> t.serviced(key, templateId));
        });
    }

    @Bean
    JobHandler deleteServiceJob(ServiceTransitions t) {
        return new ServiceJob(ServiceLifecycle.DELETE, t, (x, key) -> {
            x.transitionalStep("Removing virtual machines", 80,
                    () -> t.machines(key, ServiceMachines.Phase.DELETING));
            x.step("Removing service", 100, () -> t.deleted(key));
        });
    }

    /** One kind of service job: the carried changes, the kind's steps, the result. */
    static final class ServiceJob implements JobHandler {
        private final String kind;
        private final ServiceTransitions transitions;
        private final Steps steps;
        /** True when no later step writes the service, so the first one touches it even without changes. */
        private final boolean onlyStepWritesService;

        ServiceJob(String kind, ServiceTransitions transitions, Steps steps) {
            this(kind, transitions, steps, false);
        }

        ServiceJob(String kind, ServiceTransitions transitions, Steps steps, boolean onlyStepWritesService) {
            this.kind = kind;
            this.transitions = transitions;
            this.steps = steps;
            this.onlyStepWritesService = onlyStepWritesService;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(JobExecution x) throws Exception {
            VmmKey key = keyOf(x);
            ServiceChanges changes = ServiceLifecycle.changesOf(x.parameters());
            x.step("Updating service properties", 5, () -> {
                transitions.jobStarted(key, x.jobId());
                // Without changes this only touches ModifiedTime, which a later step (or the failure) sets again in
                // the same transaction: skipping it writes the service row once per job instead of twice. A run
                // in several transactions still touches it here, where readers can see it.
                if (!changes.isEmpty() || onlyStepWritesService || !x.isOneTransaction()) {
                    transitions.applyChanges(key, changes);
                }
            });
            steps.run(x, key);
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
