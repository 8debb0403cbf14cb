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
