package io.localpack.asm.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.JobStatus;
import io.localpack.jobs.TargetBusyException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cloud-service domain: what the ASM API can read and do, free of XML. Every query is scoped to the
 * subscription; every mutation is a job (synchronous ones wait for it). Refusals throw
 * {@link CloudServiceException} before anything is written.
 */
@Service
public class CloudServices {

    /** How long a synchronous operation (create/update/delete hosted service) waits for its job. */
    private static final Duration SYNC_WAIT = Duration.ofMinutes(5);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final HostedServiceRepository services;
    private final JobService jobs;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CloudServices(HostedServiceRepository services, JobService jobs, JdbcTemplate jdbc, ObjectMapper json) {
        this.services = services;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- reads -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Snapshots.CloudService> list(UUID subscriptionId) {
        requireSubscription(subscriptionId);
        return services.findBySubscriptionIdOrderByNameKey(subscriptionId).stream()
                .map(s -> snapshot(s, false)).toList();
    }

    @Transactional(readOnly = true)
    public Snapshots.CloudService get(UUID subscriptionId, String serviceName, boolean withDeployments) {
        return snapshot(service(subscriptionId, serviceName), withDeployments);
    }

    @Transactional(readOnly = true)
    public Snapshots.DeploymentView deployment(UUID subscriptionId, String serviceName, Commands.DeploymentRef ref) {
        return snapshot(deployment(service(subscriptionId, serviceName), ref));
    }

    /** DNS names are global: availability is checked across all subscriptions, as in Azure. */
    @Transactional(readOnly = true)
    public Snapshots.Availability isAvailable(UUID subscriptionId, String serviceName) {
        requireSubscription(subscriptionId);
        String problem = Validation.serviceNameProblem(serviceName);
        if (problem != null) {
            return new Snapshots.Availability(false, problem);
        }
        if (services.existsByNameKey(HostedService.nameKey(serviceName))) {
            return new Snapshots.Availability(false, "The specified DNS name is already taken.");
        }
        return new Snapshots.Availability(true, null);
    }

    /** A job of this subscription (the ASM operation), if any. */
    public Optional<Job> operation(UUID subscriptionId, UUID operationId) {
        requireSubscription(subscriptionId);
        jobs.statusRead(subscriptionId, List.of(operationId)); // advances operations timed by status reads
        return jobs.find(subscriptionId, operationId);
    }

    // ---- mutations ---------------------------------------------------------------------------------------

    /** Synchronous (201 on the wire); returns the job. */
    public Job createHostedService(UUID subscriptionId, UUID requestId, Commands.CreateHostedService c) {
        requireSubscription(subscriptionId);
        Validation.createHostedService(c);
        if (services.existsByNameKey(HostedService.nameKey(c.serviceName()))) {
            throw CloudServiceException.conflict("The specified DNS name is already taken.");
        }
        UUID id = UUID.randomUUID();
        return runSync(request(subscriptionId, requestId, CloudServiceJobs.CREATE_SERVICE, "Create cloud service",
                id, c.serviceName()).parameter(CloudServiceJobs.P_COMMAND, toJson(c)));
    }

    /** Synchronous (200). */
    public Job updateHostedService(UUID subscriptionId, UUID requestId, String serviceName,
                                   Commands.UpdateHostedService c) {
        Validation.updateHostedService(c);
        HostedService s = serviceRead(subscriptionId, serviceName);
        return runSync(request(subscriptionId, requestId, CloudServiceJobs.UPDATE_SERVICE, "Update cloud service",
                s.getId(), s.getServiceName()).parameter(CloudServiceJobs.P_COMMAND, toJson(c)));
    }

    /** Synchronous (200); refused while the service has deployments. */
    public Job deleteHostedService(UUID subscriptionId, UUID requestId, String serviceName) {
        HostedService s = serviceRead(subscriptionId, serviceName);
        if (deploymentCount(s.getId()) > 0) {
            throw CloudServiceException.conflict("The hosted service " + s.getServiceName()
                    + " has deployments; delete them first or use comp=media.");
        }
        return runSync(request(subscriptionId, requestId, CloudServiceJobs.DELETE_SERVICE, "Delete cloud service",
                s.getId(), s.getServiceName()));
    }

    /** Asynchronous (202): deletes deployments, media and the service. */
    public Job deleteHostedServiceAndMedia(UUID subscriptionId, UUID requestId, String serviceName) {
        HostedService s = serviceRead(subscriptionId, serviceName);
        return submit(request(subscriptionId, requestId, CloudServiceJobs.DELETE_SERVICE_AND_MEDIA,
                "Delete cloud service and media", s.getId(), s.getServiceName()));
    }

    /** Asynchronous (202). */
    @Transactional // reads, checks and the job insert commit together
    public Job createDeployment(UUID subscriptionId, UUID requestId, String serviceName, DeploymentSlot slot,
                                Commands.CreateDeployment c) {
        Validation.createDeployment(c);
        ServiceConfiguration.roles(c.configuration());
        HostedService s = service(subscriptionId, serviceName);
        if (s.getDeployments().stream().anyMatch(d -> d.getSlot() == slot)) {
            throw CloudServiceException.conflict("The specified deployment slot " + slot + " is occupied.");
        }
        if (s.getDeployments().stream().anyMatch(d -> d.getName().equals(c.name()))) {
            throw CloudServiceException.conflict("A deployment named " + c.name() + " already exists in "
                    + s.getServiceName() + ".");
        }
        return submit(request(subscriptionId, requestId, CloudServiceJobs.CREATE_DEPLOYMENT, "Create deployment",
                s.getId(), s.getServiceName())
                .parameter(CloudServiceJobs.P_DEPLOYMENT, UUID.randomUUID())
                .parameter(CloudServiceJobs.P_SLOT, slot.name())
                .parameter(CloudServiceJobs.P_COMMAND, toJson(c)));
    }

    /** Asynchronous (202). */
    @Transactional // reads, checks and the job insert commit together
    public Job deleteDeployment(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref) {
        Deployment d = deployment(service(subscriptionId, serviceName), ref);
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobs.DELETE_DEPLOYMENT,
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
        HostedService s = service(subscriptionId, serviceName);
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
        return submit(request(subscriptionId, requestId, CloudServiceJobs.SWAP, "Swap deployments", s.getId(),
                s.getServiceName()));
    }

    /** Asynchronous (202): Update Deployment Status. Asking for the current status is a job that does nothing. */
    @Transactional // reads, checks and the job insert commit together
    public Job updateStatus(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                            Commands.RequestedStatus status) {
        Deployment d = deployment(service(subscriptionId, serviceName), ref);
        if (!d.getStatus().equals("Running") && !d.getStatus().equals("Suspended")) {
            throw CloudServiceException.conflict("The deployment " + d.getName() + " is " + d.getStatus()
                    + "; its status can change only when it is Running or Suspended.");
        }
        return submit(deploymentJob(subscriptionId, requestId, CloudServiceJobs.UPDATE_STATUS,
                "Update deployment status", d).parameter(CloudServiceJobs.P_STATUS, status.name()));
    }

    /** Asynchronous (202): reboot or reimage one role instance of a running deployment. */
    @Transactional // reads, checks and the job insert commit together
    public Job roleInstance(UUID subscriptionId, UUID requestId, String serviceName, Commands.DeploymentRef ref,
                            String instanceName, Commands.RoleInstanceAction action) {
        Deployment d = deployment(service(subscriptionId, serviceName), ref);
        if (d.getRoleInstances().stream().noneMatch(i -> i.getInstanceName().equals(instanceName))) {
            throw CloudServiceException.notFound("The role instance " + instanceName + " was not found in deployment "
                    + d.getName() + ".");
        }
        if (!d.getStatus().equals("Running")) {
            throw CloudServiceException.conflict("The deployment " + d.getName() + " is " + d.getStatus()
                    + "; role instances can be rebooted or reimaged only while it is Running.");
        }
        boolean reboot = action == Commands.RoleInstanceAction.Reboot;
        return submit(deploymentJob(subscriptionId, requestId, reboot ? CloudServiceJobs.REBOOT
                        : CloudServiceJobs.REIMAGE, (reboot ? "Reboot" : "Reimage") + " role instance", d)
                .parameter(CloudServiceJobs.P_INSTANCE, instanceName));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private JobRequest.Builder request(UUID subscriptionId, UUID requestId, String kind, String name, UUID serviceId,
                                       String serviceName) {
        return JobRequest.builder(subscriptionId, kind, name).id(requestId)
                .target(serviceId, "HostedService", serviceName).restartable(false);
    }

    private JobRequest.Builder deploymentJob(UUID subscriptionId, UUID requestId, String kind, String name,
                                             Deployment d) {
        return request(subscriptionId, requestId, kind, name, d.getHostedService().getId(),
                d.getHostedService().getServiceName())
                .parameter(CloudServiceJobs.P_DEPLOYMENT, d.getId())
                .parameter(CloudServiceJobs.P_PREVIOUS_STATUS, d.getStatus());
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

    private Job runSync(JobRequest.Builder request) {
        Job job = submit(request);
        try {
            job = jobs.awaitCompletion(job.id(), SYNC_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudServiceException(AsmError.InternalError, "Interrupted while waiting for the operation.");
        }
        if (!job.completed()) {
            throw new CloudServiceException("OperationTimedOut", 500, "The operation did not finish in time.");
        }
        if (job.status() == JobStatus.Failed) {
            String code = job.error().name() == null ? AsmError.InternalError.name() : job.error().name();
            throw new CloudServiceException(code, job.error().httpStatus(), job.error().problem());
        }
        return job;
    }

    private void requireSubscription(UUID subscriptionId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM subscriptions WHERE id = ?", Integer.class,
                subscriptionId);
        if (n == null || n == 0) {
            throw new CloudServiceException(AsmError.AuthenticationFailed, "The subscription " + subscriptionId
                    + " does not exist, or the credentials are not valid for it.");
        }
    }

    private HostedService service(UUID subscriptionId, String serviceName) {
        requireSubscription(subscriptionId);
        return services.findBySubscriptionIdAndNameKey(subscriptionId, HostedService.nameKey(serviceName))
                .orElseThrow(() -> CloudServiceException.notFound("The hosted service " + serviceName
                        + " does not exist."));
    }

    private HostedService serviceRead(UUID subscriptionId, String serviceName) {
        return service(subscriptionId, serviceName);
    }

    private int deploymentCount(UUID serviceId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM asm_deployments WHERE hosted_service_id = ?",
                Integer.class, serviceId);
        return n == null ? 0 : n;
    }

    private static Deployment deployment(HostedService s, Commands.DeploymentRef ref) {
        return s.getDeployments().stream()
                .filter(d -> ref.slot() != null ? d.getSlot() == ref.slot() : d.getName().equals(ref.name()))
                .findFirst()
                .orElseThrow(() -> CloudServiceException.notFound("No deployments were found."));
    }

    private Snapshots.CloudService snapshot(HostedService s, boolean withDeployments) {
        return new Snapshots.CloudService(s.getId(), s.getServiceName(), s.getLabel(), s.getDescription(),
                s.getLocation(), s.getAffinityGroup(), s.getStatus(), s.getDateCreated(), s.getDateLastModified(),
                s.getReverseDnsFqdn(), fromJson(s.getExtendedProperties()),
                withDeployments ? s.getDeployments().stream().map(this::snapshot).toList() : List.of());
    }

    private Snapshots.DeploymentView snapshot(Deployment d) {
        return new Snapshots.DeploymentView(d.getId(), d.getHostedService().getServiceName(), d.getSlot(),
                d.getName(), d.getPrivateId(), d.getStatus(), d.getLabel(), d.getUrl(), d.getConfiguration(),
                d.getUpgradeDomainCount(), d.getSdkVersion(), d.isLocked(), d.isRollbackAllowed(),
                d.getCreatedTime(), d.getLastModifiedTime(), fromJson(d.getExtendedProperties()),
                d.getRoleInstances().stream().map(i -> new Snapshots.Instance(i.getRoleName(), i.getInstanceName(),
                        i.getInstanceStatus(), i.getPowerState(), i.getUpgradeDomain(), i.getFaultDomain(),
                        i.getInstanceSize(), i.getIpAddress(), i.getHostName())).toList());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
