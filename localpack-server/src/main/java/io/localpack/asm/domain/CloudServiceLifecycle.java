package io.localpack.asm.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobError;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.JobStatus;
import io.localpack.jobs.TargetBusyException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns cloud-service requests into jobs: the request is checked, then a job is queued (synchronous operations wait
 * for it). Refusals throw {@link CloudServiceException} before anything is written; the jobs' handlers
 * ({@link CloudServiceJobHandlers}) finish the work through {@link CloudServiceTransitions}.
 */
@Service
public class CloudServiceLifecycle {

    /** How long a synchronous operation (create/update/delete hosted service) waits for its job. */
    private static final Duration SYNC_WAIT = Duration.ofMinutes(5);

    private final CloudServices reads;
    private final HostedServiceRepository services;
    private final JobService jobs;
    private final ServiceConfiguration configurations;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CloudServiceLifecycle(CloudServices reads, HostedServiceRepository services, JobService jobs,
                          ServiceConfiguration configurations, JdbcTemplate jdbc, ObjectMapper json) {
        this.reads = reads;
        this.services = services;
        this.jobs = jobs;
        this.configurations = configurations;
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    /** Synchronous (201 on the wire); returns the job. */
    public Job createHostedService(UUID subscriptionId, UUID requestId, Commands.CreateHostedService c) {
        reads.requireSubscription(subscriptionId);
        Validation.createHostedService(c);
        if (services.existsByNameKey(HostedService.nameKey(c.serviceName()))) {
            throw CloudServiceException.conflict("The specified DNS name is already taken.");
        }
        UUID id = UUID.randomUUID();
        return runSync(request(subscriptionId, requestId, CloudServiceJobHandlers.CREATE_SERVICE, "Create cloud service",
                id, c.serviceName()).parameter(CloudServiceJobHandlers.P_COMMAND, toJson(c)));
    }

    /** Synchronous (200). */
    public Job updateHostedService(UUID subscriptionId, UUID requestId, String serviceName,
                                   Commands.UpdateHostedService c) {
        Validation.updateHostedService(c);
        HostedService s = reads.service(subscriptionId, serviceName);
        return runSync(request(subscriptionId, requestId, CloudServiceJobHandlers.UPDATE_SERVICE, "Update cloud service",
                s.getId(), s.getServiceName()).parameter(CloudServiceJobHandlers.P_COMMAND, toJson(c)));
    }

    /** Synchronous (200); refused while the service has deployments. */
    public Job deleteHostedService(UUID subscriptionId, UUID requestId, String serviceName) {
        HostedService s = reads.service(subscriptionId, serviceName);
        if (deploymentCount(s.getId()) > 0) {
            throw CloudServiceException.conflict("The hosted service " + s.getServiceName()
                    + " has deployments; delete them first or use comp=media.");
        }
        return runSync(request(subscriptionId, requestId, CloudServiceJobHandlers.DELETE_SERVICE, "Delete cloud service",
                s.getId(), s.getServiceName()));
    }

    /** Asynchronous (202): deletes deployments, media and the service. */
    public Job deleteHostedServiceAndMedia(UUID subscriptionId, UUID requestId, String serviceName) {
        HostedService s = reads.service(subscriptionId, serviceName);
        return submit(request(subscriptionId, requestId, CloudServiceJobHandlers.DELETE_SERVICE_AND_MEDIA,
                "Delete cloud service and media", s.getId(), s.getServiceName()));
    }

    /** Asynchronous (202). */
    @Transactional // reads, checks and the job insert commit together
    public Job createDeployment(UUID subscriptionId, UUID requestId, String serviceName, DeploymentSlot slot,
                                Commands.CreateDeployment c) {
        Validation.createDeployment(c);
        configurations.roles(c.configuration());
        HostedService s = reads.service(subscriptionId, serviceName);
        if (s.getDeployments().stream().anyMatch(d -> d.getSlot() == slot)) {
            throw CloudServiceException.conflict("The specified deployment slot " + slot + " is occupied.");
        }
        if (s.getDeployments().stream().anyMatch(d -> d.getName().equals(c.name()))) {
            throw CloudServiceException.conflict("A deployment named " + c.name() + " already exists in "
                    + s.getServiceName() + ".");
        }
        return submit(request(subscriptionId, requestId, CloudServiceJobHandlers.CREATE_DEPLOYMENT, "Create deployment",
                s.getId(), s.getServiceName())
                .parameter(CloudServiceJobHandlers.P_DEPLOYMENT, UUID.randomUUID())
                .parameter(CloudServiceJobHandlers.P_SLOT, slot.name())
                .parameter(CloudServiceJobHandlers.P_COMMAND, toJson(c)));
    }

    /** Asynchronous (202). */
    @Transactional // reads, checks and the job insert commit together
    public Job deleteDeployment(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref) {
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.DELETE_DEPLOYMENT,
                "Delete deployment", d));
    }

    /**
     * Asynchronous (202). {@code production} is the name the caller believes is in production (null when the
     * slot is empty, as the Java SDK sends); {@code source} the deployment to bring to production.
     */
    @Transactional // reads, checks and the job insert commit together
    public Job swap(UUID subscriptionId, UUID requestId, String serviceName, String production, String source) {
        if (source == null || source.isBlank()) {
            throw CloudServiceException.badRequest("SourceDeployment is required.");
        }
        HostedService s = reads.service(subscriptionId, serviceName);
        Deployment prod = s.getDeployments().stream().filter(d -> d.getSlot() == DeploymentSlot.Production)
                .findFirst().orElse(null);
        Deployment stage = s.getDeployments().stream().filter(d -> d.getSlot() == DeploymentSlot.Staging)
                .findFirst().orElse(null);
        if (stage == null || !stage.getName().equals(source)) {
            throw CloudServiceException.conflict("The deployment " + source + " is not in the staging slot of "
                    + s.getServiceName() + ".");
        }
        String actualProduction = prod == null ? null : prod.getName();
        if (production != null && !production.equals(actualProduction)) {
            throw CloudServiceException.conflict("The deployment " + production + " is not in the production slot of "
                    + s.getServiceName() + ".");
        }
        return submit(request(subscriptionId, requestId, CloudServiceJobHandlers.SWAP, "Swap deployments", s.getId(),
                s.getServiceName()));
    }

    /** Asynchronous (202): Update Deployment Status. Asking for the current status is a job that does nothing. */
    @Transactional // reads, checks and the job insert commit together
    public Job updateStatus(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                            Commands.RequestedStatus status) {
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        if (!d.getStatus().equals("Running") && !d.getStatus().equals("Suspended")) {
            throw CloudServiceException.conflict("The deployment " + d.getName() + " is " + d.getStatus()
                    + "; its status can change only when it is Running or Suspended.");
        }
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.UPDATE_STATUS,
                "Update deployment status", d).parameter(CloudServiceJobHandlers.P_STATUS, status.name()));
    }

    /** Asynchronous (202): reboot or reimage one role instance of a running deployment. */
    @Transactional // reads, checks and the job insert commit together
    public Job roleInstance(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                            String instanceName, Commands.RoleInstanceAction action) {
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        if (d.getRoleInstances().stream().noneMatch(i -> i.getInstanceName().equals(instanceName))) {
            throw CloudServiceException.notFound("The role instance " + instanceName + " was not found in deployment "
                    + d.getName() + ".");
        }
        if (!d.getStatus().equals("Running")) {
            throw CloudServiceException.conflict("The deployment " + d.getName() + " is " + d.getStatus()
                    + "; role instances can be rebooted or reimaged only while it is Running.");
        }
        boolean reboot = action == Commands.RoleInstanceAction.Reboot;
        return submit(deploymentJob(subscriptionId, requestId, reboot ? CloudServiceJobHandlers.REBOOT
                        : CloudServiceJobHandlers.REIMAGE, (reboot ? "Reboot" : "Reimage") + " role instance", d)
                .parameter(CloudServiceJobHandlers.P_INSTANCE, instanceName));
    }

    /** Asynchronous (202): Change Deployment Configuration; the roles must stay the deployment's. */
    @Transactional // reads, checks and the job insert commit together
    public Job changeConfiguration(UUID subscriptionId, UUID requestId, String serviceName,
                                   Commands.DeploymentRef ref, Commands.ChangeConfiguration c) {
        Validation.changeConfiguration(c);
        java.util.Map<String, Integer> roles = configurations.roles(c.configuration());
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        requireNoUpgrade(d);
        java.util.Set<String> current = new java.util.TreeSet<>();
        d.getRoleInstances().forEach(i -> current.add(i.getRoleName()));
        if (!current.equals(new java.util.TreeSet<>(roles.keySet()))) {
            throw CloudServiceException.badRequest("The configuration names the roles " + new java.util.TreeSet<>(
                    roles.keySet()) + " but deployment " + d.getName() + " has the roles " + current
                    + "; use Upgrade Deployment to change roles.");
        }
        var upgrade = new Commands.Upgrade(c.mode(), null, c.configuration(), null, null, false,
                c.extendedProperties());
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.CHANGE_CONFIGURATION,
                "Change deployment configuration", d).parameter(CloudServiceJobHandlers.P_COMMAND, toJson(upgrade)));
    }

    /** Asynchronous (202): Upgrade Deployment to a new package and configuration. */
    @Transactional // reads, checks and the job insert commit together
    public Job upgrade(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                       Commands.Upgrade c) {
        Validation.upgrade(c);
        java.util.Map<String, Integer> roles = configurations.roles(c.configuration());
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        if (c.roleToUpgrade() != null && (!roles.containsKey(c.roleToUpgrade())
                || d.getRoleInstances().stream().noneMatch(i -> i.getRoleName().equals(c.roleToUpgrade())))) {
            throw CloudServiceException.badRequest("The role " + c.roleToUpgrade() + " named by RoleToUpgrade is "
                    + "not a role of deployment " + d.getName() + " and of the new configuration.");
        }
        requireNoUpgrade(d);
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.UPGRADE, "Upgrade deployment",
                d).parameter(CloudServiceJobHandlers.P_COMMAND, toJson(c)));
    }

    /** Asynchronous (202): upgrade the next domain of a manual (or interrupted) upgrade. */
    @Transactional // reads, checks and the job insert commit together
    public Job walkUpgradeDomain(UUID subscriptionId, UUID requestId, String serviceName,
                                 Commands.DeploymentRef ref, int domain) {
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        if (!d.upgradeInProgress()) {
            throw CloudServiceException.conflict("No upgrade or configuration change is in progress on deployment "
                    + d.getName() + ".");
        }
        if (domain < 0 || domain >= d.getUpgradeDomainsToWalk()) {
            throw CloudServiceException.badRequest("The upgrade domain " + domain + " does not exist; deployment "
                    + d.getName() + " walks upgrade domains 0 to " + (d.getUpgradeDomainsToWalk() - 1) + ".");
        }
        if (domain != d.getCurrentUpgradeDomain()) {
            throw CloudServiceException.conflict("Upgrade domain " + domain + " cannot be walked now: the next "
                    + "upgrade domain of deployment " + d.getName() + " is " + d.getCurrentUpgradeDomain() + ".");
        }
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.WALK_UPGRADE_DOMAIN,
                "Walk upgrade domain", d).parameter(CloudServiceJobHandlers.P_DOMAIN, domain));
    }

    /** Asynchronous (202): Rollback Update Or Upgrade of an upgrade that is not over. */
    @Transactional // reads, checks and the job insert commit together
    public Job rollback(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                        Commands.Rollback r) {
        if (r.mode() == Commands.UpgradeMode.Simultaneous) {
            throw CloudServiceException.badRequest("The Mode of a rollback is Auto or Manual.");
        }
        Deployment d = CloudServices.deployment(reads.service(subscriptionId, serviceName), ref);
        if (!d.upgradeInProgress() || d.isUpgradeRollback()) {
            throw CloudServiceException.conflict("Deployment " + d.getName() + " has no upgrade or configuration "
                    + "change in progress that can be rolled back.");
        }
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobHandlers.ROLLBACK,
                "Rollback update or upgrade", d).parameter(CloudServiceJobHandlers.P_MODE, r.mode().name()));
    }

    private static void requireNoUpgrade(Deployment d) {
        if (!d.getStatus().equals("Running") && !d.getStatus().equals("Suspended")) {
            throw CloudServiceException.conflict("The deployment " + d.getName() + " is " + d.getStatus()
                    + "; it can be upgraded only when it is Running or Suspended.");
        }
        if (d.upgradeInProgress()) {
            throw CloudServiceException.conflict("An upgrade or configuration change is in progress on deployment "
                    + d.getName() + " (upgrade domain " + d.getCurrentUpgradeDomain() + " of "
                    + d.getUpgradeDomainsToWalk() + "); walk it to the end or roll it back first.");
        }
    }

    /** Asynchronous (202): Add Service Certificate. The file is opened here; only its public part goes on. */
    @Transactional // reads, checks and the job insert commit together
    public Job addCertificate(UUID subscriptionId, UUID requestId, String serviceName,
                              Commands.CertificateFile file) {
        CertificateFiles.PublicCertificate c = CertificateFiles.open(file);
        HostedService s = reads.service(subscriptionId, serviceName);
        if (reads.certificate(s.getId(), "sha1", c.thumbprint()).isPresent()) {
            throw CloudServiceException.conflict("The certificate sha1-" + c.thumbprint()
                    + " already exists on hosted service " + s.getServiceName() + ".");
        }
        return submit(request(subscriptionId, requestId, CloudServiceJobHandlers.ADD_CERTIFICATE,
                "Add service certificate", s.getId(), s.getServiceName())
                .parameter(CloudServiceJobHandlers.P_ALGORITHM, "sha1")
                .parameter(CloudServiceJobHandlers.P_THUMBPRINT, c.thumbprint())
                .parameter(CloudServiceJobHandlers.P_CERTIFICATE, c.data())
                .parameter(CloudServiceJobHandlers.P_SUBJECT, c.subject()));
    }

    /** Asynchronous (202): Delete Service Certificate. */
    @Transactional // reads, checks and the job insert commit together
    public Job deleteCertificate(UUID subscriptionId, UUID requestId, String serviceName, String algorithm,
                                 String thumbprint) {
        HostedService s = reads.service(subscriptionId, serviceName);
        Snapshots.ServiceCertificate c = reads.certificate(s.getId(), algorithm, thumbprint)
                .orElseThrow(() -> CloudServices.certificateNotFound(algorithm, thumbprint));
        return submit(request(subscriptionId, requestId, CloudServiceJobHandlers.DELETE_CERTIFICATE,
                "Delete service certificate", s.getId(), s.getServiceName())
                .parameter(CloudServiceJobHandlers.P_ALGORITHM, c.thumbprintAlgorithm())
                .parameter(CloudServiceJobHandlers.P_THUMBPRINT, c.thumbprint()));
    }

    private JobRequest.Builder request(UUID subscriptionId, UUID requestId, String kind, String name, UUID serviceId,
                                       String serviceName) {
        return JobRequest.builder(subscriptionId, kind, name).id(requestId)
                .target(serviceId, "HostedService", serviceName).restartable(false);
    }

    private JobRequest.Builder deploymentJob(UUID subscriptionId, UUID requestId, String kind, String name,
                                             Deployment d) {
        return request(subscriptionId, requestId, kind, name, d.getHostedService().getId(),
                d.getHostedService().getServiceName())
                .parameter(CloudServiceJobHandlers.P_DEPLOYMENT, d.getId())
                .parameter(CloudServiceJobHandlers.P_PREVIOUS_STATUS, d.getStatus());
    }

    private Job submit(JobRequest.Builder request) {
        try {
            return jobs.submit(request.build());
        } catch (TargetBusyException e) {
            throw CloudServiceException.conflict("Windows Azure is currently performing an operation with "
                    + "x-ms-requestid " + (e.runningJobId() == null ? "" : e.runningJobId().toString().replace("-", ""))
                    + " on this hosted service that requires exclusive access.");
        }
    }

    /** Submits and waits (through the job engine's one wait); a job that fails or overruns is the answer. */
    private Job runSync(JobRequest.Builder request) {
        Job job = submit(request);
        try {
            job = jobs.awaitCompletion(job.id(), SYNC_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException(JobError.coded("InternalError",
                    "Interrupted while waiting for the operation."));
        }
        if (!job.completed()) {
            throw new OperationFailedException(JobError.coded("OperationTimedOut",
                    "The operation did not finish in time."));
        }
        if (job.status() == JobStatus.Failed) {
            throw new OperationFailedException(job.error());
        }
        return job;
    }

    private int deploymentCount(UUID serviceId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM asm_deployments WHERE hosted_service_id = ?",
                Integer.class, serviceId);
        return n == null ? 0 : n;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
