package io.localpack.asm.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobFailedException;
import io.localpack.jobs.JobHandler;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job handlers behind every cloud-service mutation. Each job targets the hosted service, so one operation runs
 * at a time per cloud service (ASM answers a second one with 409 ConflictError). Transitional states follow the
 * ASM enums: Running -> Suspending -> Suspended, Suspended -> Starting -> Running, Deploying, Deleting.
 */
@Configuration(proxyBeanMethods = false)
class CloudServiceJobHandlers {

    static final String CREATE_SERVICE = "asm.hostedservice.create";
    static final String UPDATE_SERVICE = "asm.hostedservice.update";
    static final String DELETE_SERVICE = "asm.hostedservice.delete";
    static final String DELETE_SERVICE_AND_MEDIA = "asm.hostedservice.delete-all";
    static final String CREATE_DEPLOYMENT = "asm.deployment.create";
    static final String DELETE_DEPLOYMENT = "asm.deployment.delete";
    static final String SWAP = "asm.deployment.swap";
    static final String UPDATE_STATUS = "asm.deployment.status";
    static final String REBOOT = "asm.roleinstance.reboot";
    static final String REIMAGE = "asm.roleinstance.reimage";
    static final String UPGRADE = "asm.deployment.upgrade";
    static final String CHANGE_CONFIGURATION = "asm.deployment.config";
    static final String WALK_UPGRADE_DOMAIN = "asm.deployment.walkupgradedomain";
    static final String ROLLBACK = "asm.deployment.rollback";
    static final String ADD_CERTIFICATE = "asm.certificate.add";
    static final String DELETE_CERTIFICATE = "asm.certificate.delete";

    static final String P_SERVICE = "hostedServiceId";
    static final String P_DEPLOYMENT = "deploymentId";
    static final String P_COMMAND = "command";
    static final String P_STATUS = "status";
    static final String P_PREVIOUS_STATUS = "previousStatus";
    static final String P_SLOT = "slot";
    static final String P_INSTANCE = "instanceName";
    static final String P_DOMAIN = "upgradeDomain";
    static final String P_MODE = "mode";
    static final String P_THUMBPRINT = "thumbprint";
    static final String P_ALGORITHM = "thumbprintAlgorithm";
    static final String P_CERTIFICATE = "certificate";
    static final String P_SUBJECT = "subject";

    private final CloudServiceTransitions transitions;
    private final ObjectMapper json;

    CloudServiceJobHandlers(CloudServiceTransitions transitions, ObjectMapper json) {
        this.transitions = transitions;
        this.json = json;
    }

    interface Run {
        void run(JobExecution x) throws Exception;
    }

    interface OnFailure {
        void run(JobExecution x, JobError error);
    }

    static JobHandler handler(String kind, Run run, OnFailure onFailure) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(JobExecution x) throws Exception {
                try {
                    run.run(x);
                } catch (CloudServiceException e) {
                    // a check that raced with another request (e.g. a DNS name taken meanwhile)
                    throw new JobFailedException(JobError.coded(e.code(), e.getMessage()));
                }
            }

            @Override
            public void onFailure(JobExecution x, JobError error) {
                if (onFailure != null) {
                    onFailure.run(x, error);
                }
            }
        };
    }

    private static UUID uuid(JobExecution x, String key) {
        return UUID.fromString(x.parameter(key));
    }

    @Bean
    JobHandler createHostedServiceHandler() {
        return handler(CREATE_SERVICE, x -> {
            Commands.CreateHostedService c = json.readValue(x.parameter(P_COMMAND), Commands.CreateHostedService.class);
            x.step("Creating cloud service", 100, () -> transitions.createHostedService(x.targetObjectId(),
                    x.subscriptionId(), c));
            x.httpStatus(201);
        }, null);
    }

    @Bean
    JobHandler updateHostedServiceHandler() {
        return handler(UPDATE_SERVICE, x -> {
            Commands.UpdateHostedService c = json.readValue(x.parameter(P_COMMAND), Commands.UpdateHostedService.class);
            x.step("Updating cloud service", 100, () -> transitions.updateHostedService(x.targetObjectId(), c));
        }, null);
    }

    @Bean
    JobHandler deleteHostedServiceHandler() {
        return handler(DELETE_SERVICE, x ->
                x.step("Deleting cloud service", 100, () -> transitions.deleteHostedService(x.targetObjectId())), null);
    }

    @Bean
    JobHandler deleteHostedServiceAndMediaHandler() {
        return handler(DELETE_SERVICE_AND_MEDIA, x -> {
            x.step("Deleting deployments", 10, () -> transitions.setHostedServiceStatus(x.targetObjectId(), "Deleting"));
            x.step("Deleting disks and media", 90);
            x.step("Deleting cloud service", 100, () -> transitions.deleteHostedService(x.targetObjectId()));
        }, (x, e) -> transitions.setHostedServiceStatus(x.targetObjectId(), "Created"));
    }

    @Bean
    JobHandler createDeploymentHandler() {
        return handler(CREATE_DEPLOYMENT, x -> {
            Commands.CreateDeployment c = json.readValue(x.parameter(P_COMMAND), Commands.CreateDeployment.class);
            UUID id = uuid(x, P_DEPLOYMENT);
            DeploymentSlot slot = DeploymentSlot.valueOf(x.parameter(P_SLOT));
            x.step("Creating deployment", 10, () -> transitions.createDeployment(id, x.targetObjectId(), slot, c));
            x.step("Provisioning role instances", 90);
            x.step("Deployment ready", 100, () -> {
                if (c.startDeployment()) {
                    transitions.setDeploymentState(id, "Running", "ReadyRole", "Started");
                } else {
                    transitions.setDeploymentState(id, "Suspended", "StoppedVM", "Stopped");
                }
            });
            x.httpStatus(200);
        }, (x, e) -> transitions.deleteDeployment(uuid(x, P_DEPLOYMENT)));
    }

    @Bean
    JobHandler deleteDeploymentHandler() {
        return handler(DELETE_DEPLOYMENT, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            x.step("Deleting deployment", 10, () -> transitions.setDeploymentState(id, "Deleting", "StoppingVM",
                    "Stopping"));
            x.step("Deleting role instances", 90);
            x.step("Deployment deleted", 100, () -> transitions.deleteDeployment(id));
        }, (x, e) -> restore(x));
    }

    @Bean
    JobHandler swapHandler() {
        return handler(SWAP, x -> {
            x.step("Swapping virtual IP addresses", 90);
            x.step("Deployments swapped", 100, () -> transitions.swap(x.targetObjectId()));
        }, null);
    }

    @Bean
    JobHandler updateStatusHandler() {
        return handler(UPDATE_STATUS, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            Commands.RequestedStatus target = Commands.RequestedStatus.valueOf(x.parameter(P_STATUS));
            if (target.name().equals(x.parameter(P_PREVIOUS_STATUS))) {
                x.step("Deployment is already " + target, 100); // no-op, as the status already holds
                return;
            }
            if (target == Commands.RequestedStatus.Suspended) {
                x.step("Suspending deployment", 10, () -> transitions.setDeploymentState(id, "Suspending",
                        "StoppingRole", "Stopping"));
                x.step("Stopping role instances", 90);
                x.step("Deployment suspended", 100, () -> transitions.setDeploymentState(id, "Suspended",
                        "StoppedVM", "Stopped"));
            } else {
                x.step("Starting deployment", 10, () -> transitions.setDeploymentState(id, "Starting",
                        "StartingRole", "Starting"));
                x.step("Starting role instances", 90);
                x.step("Deployment running", 100, () -> transitions.setDeploymentState(id, "Running",
                        "ReadyRole", "Started"));
            }
        }, (x, e) -> restore(x));
    }

    @Bean
    JobHandler rebootHandler() {
        return handler(REBOOT, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            String instance = x.parameter(P_INSTANCE);
            x.step("Rebooting " + instance, 10, () -> transitions.setInstanceState(id, instance, "RestartingRole",
                    "Started"));
            x.step("Waiting for " + instance, 90);
            x.step(instance + " is ready", 100, () -> transitions.setInstanceState(id, instance, "ReadyRole",
                    "Started"));
        }, (x, e) -> transitions.setInstanceState(uuid(x, P_DEPLOYMENT), x.parameter(P_INSTANCE), "ReadyRole",
                "Started"));
    }

    @Bean
    JobHandler reimageHandler() {
        return handler(REIMAGE, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            String instance = x.parameter(P_INSTANCE);
            x.step("Stopping " + instance, 10, () -> transitions.setInstanceState(id, instance, "StoppingVM",
                    "Stopping"));
            x.step("Reimaging " + instance, 60, () -> transitions.setInstanceState(id, instance, "CreatingVM",
                    "Starting"));
            x.step("Starting " + instance, 90, () -> transitions.setInstanceState(id, instance, "StartingRole",
                    "Starting"));
            x.step(instance + " is ready", 100, () -> transitions.setInstanceState(id, instance, "ReadyRole",
                    "Started"));
        }, (x, e) -> transitions.setInstanceState(uuid(x, P_DEPLOYMENT), x.parameter(P_INSTANCE), "ReadyRole",
                "Started"));
    }

    @Bean
    JobHandler upgradeHandler() {
        return handler(UPGRADE, this::upgrade, (x, e) -> abandonUpgrade(x));
    }

    @Bean
    JobHandler changeConfigurationHandler() {
        return handler(CHANGE_CONFIGURATION, this::upgrade, (x, e) -> abandonUpgrade(x));
    }

    /**
     * Upgrade and configuration change alike: the new configuration is written at once; Auto then walks every
     * upgrade domain in order (each Before, During, done), Simultaneous all at once, Manual none (Walk Upgrade
     * Domain does, one call per domain).
     */
    private void upgrade(JobExecution x) throws Exception {
        UUID id = uuid(x, P_DEPLOYMENT);
        String stable = x.parameter(P_PREVIOUS_STATUS);
        Commands.Upgrade c = json.readValue(x.parameter(P_COMMAND), Commands.Upgrade.class);
        int[] domains = new int[1];
        x.step("Applying the new configuration", 5, () -> domains[0] = transitions.startUpgrade(id, c, stable));
        walk(x, id, stable, c.mode(), 0, domains[0]);
    }

    /** Walks domains {@code from} .. {@code count - 1} for Auto, all at once for Simultaneous, none for Manual. */
    private void walk(JobExecution x, UUID id, String stable, Commands.UpgradeMode mode, int from, int count)
            throws InterruptedException {
        if (count == 0 || mode == Commands.UpgradeMode.Manual) {
            x.step(count == 0 ? "Nothing to walk" : "Waiting for Walk Upgrade Domain", 100);
            return;
        }
        if (mode == Commands.UpgradeMode.Simultaneous) {
            x.step("Upgrading every upgrade domain", 50, () -> transitions.upgradeDomainDuring(id, -1, stable));
            x.step("Every upgrade domain upgraded", 100, () -> transitions.upgradeDomainDone(id, -1, stable));
            return;
        }
        for (int d = from; d < count; d++) {
            final int domain = d;
            int before = 5 + 95 * (d - from) / (count - from);
            int after = 5 + 95 * (d - from + 1) / (count - from);
            x.step("Upgrading upgrade domain " + d, Math.max(before + 1, (before + after) / 2),
                    () -> transitions.upgradeDomainDuring(id, domain, stable));
            x.step("Upgrade domain " + d + " upgraded", after,
                    () -> transitions.upgradeDomainDone(id, domain, stable));
        }
    }

    @Bean
    JobHandler walkUpgradeDomainHandler() {
        return handler(WALK_UPGRADE_DOMAIN, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            int domain = Integer.parseInt(x.parameter(P_DOMAIN));
            String stable = x.parameter(P_PREVIOUS_STATUS);
            x.step("Upgrading upgrade domain " + domain, 50,
                    () -> transitions.upgradeDomainDuring(id, domain, stable));
            x.step("Upgrade domain " + domain + " upgraded", 100,
                    () -> transitions.upgradeDomainDone(id, domain, stable));
        }, (x, e) -> transitions.upgradeDomainBack(uuid(x, P_DEPLOYMENT), Integer.parseInt(x.parameter(P_DOMAIN)),
                x.parameter(P_PREVIOUS_STATUS)));
    }

    @Bean
    JobHandler rollbackHandler() {
        return handler(ROLLBACK, x -> {
            UUID id = uuid(x, P_DEPLOYMENT);
            String stable = x.parameter(P_PREVIOUS_STATUS);
            Commands.UpgradeMode mode = Commands.UpgradeMode.valueOf(x.parameter(P_MODE));
            int[] domains = new int[1];
            x.step("Restoring the previous configuration", 5,
                    () -> domains[0] = transitions.startRollback(id, mode));
            walk(x, id, stable, mode, 0, domains[0]);
        }, (x, e) -> transitions.upgradeDomainBack(uuid(x, P_DEPLOYMENT), -1, x.parameter(P_PREVIOUS_STATUS)));
    }

    @Bean
    JobHandler addCertificateHandler() {
        return handler(ADD_CERTIFICATE, x -> x.step("Adding certificate " + x.parameter(P_THUMBPRINT), 100,
                () -> transitions.addCertificate(x.targetObjectId(), x.parameter(P_ALGORITHM),
                        x.parameter(P_THUMBPRINT), x.parameter(P_CERTIFICATE), x.parameter(P_SUBJECT))), null);
    }

    @Bean
    JobHandler deleteCertificateHandler() {
        return handler(DELETE_CERTIFICATE, x -> x.step("Deleting certificate " + x.parameter(P_THUMBPRINT), 100,
                () -> transitions.deleteCertificate(x.targetObjectId(), x.parameter(P_ALGORITHM),
                        x.parameter(P_THUMBPRINT))), null);
    }

    private void abandonUpgrade(JobExecution x) {
        transitions.abandonUpgrade(uuid(x, P_DEPLOYMENT), x.parameter(P_PREVIOUS_STATUS));
    }

    /** A failed operation leaves the deployment in the stable state it had before (instances to match). */
    private void restore(JobExecution x) {
        UUID id = uuid(x, P_DEPLOYMENT);
        if ("Running".equals(x.parameter(P_PREVIOUS_STATUS))) {
            transitions.setDeploymentState(id, "Running", "ReadyRole", "Started");
        } else {
            transitions.setDeploymentState(id, "Suspended", "StoppedVM", "Stopped");
        }
    }
}
