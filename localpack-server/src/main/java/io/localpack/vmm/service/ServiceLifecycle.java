package io.localpack.vmm.service;

import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.template.ServiceTemplateRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns tenant requests on services into jobs, the way SPF hands them to VMM: the request is checked, the service
 * shows its transitional state and a job is queued, all in one transaction, so a refused request changes nothing.
 * The jobs' handlers ({@link ServiceJobHandlers}) finish the work through {@link ServiceTransitions}.
 */
@org.springframework.stereotype.Service
public class ServiceLifecycle {

    public static final String DEPLOY = "vmm.service.deploy";
    public static final String UPDATE = "vmm.service.update";
    public static final String STOP = "vmm.service.stop";
    public static final String START = "vmm.service.start";
    public static final String UPDATE_TEMPLATE = "vmm.service.update-template";
    public static final String DELETE = "vmm.service.delete";

    /** The Operation values a Service accepts, as SPF's examples show them. */
    public static final List<String> OPERATIONS = List.of("Start", "Stop");

    /** Job parameters carrying the property changes that ride along with any update. */
    static final String NAME = "Name";
    static final String DESCRIPTION = "Description";
    static final String COST_CENTER = "CostCenter";
    static final String PRIORITY = "ServicePriority";
    static final String OWNER_USER = "Owner.UserName";
    static final String OWNER_ROLE = "Owner.RoleName";
    static final String OWNER_ROLE_ID = "Owner.RoleID";

    private final ServiceManager manager;
    private final ServiceTemplateRepository templates;
    private final JobService jobs;
    private final ServiceMachines machines;

    public ServiceLifecycle(ServiceManager manager, ServiceTemplateRepository templates, JobService jobs,
            ServiceMachines machines) {
        this.manager = manager;
        this.templates = templates;
        this.jobs = jobs;
        this.machines = machines;
    }

    /** A queued job and the service it works on. */
    public record Ticket(UUID serviceId, UUID stampId, UUID jobId) {
    }

    @Transactional
    public Ticket deploy(UUID subscriptionId, NewService request, String principal) {
        Service service = manager.deploy(subscriptionId, request);
        manager.lockForJob(service.getId(), service.getStampId());
        Job job = submit(service, DEPLOY, "Create service instance", "New-SCService", principal, Map.of());
        return ticket(service, job);
    }

    /**
     * An update: property changes, plus at most one of an {@code Operation} (Start, Stop) and a new
     * {@code ServiceTemplateId}. Starting a running service or stopping a stopped one is a job that completes with
     * nothing to do, as VMM's cmdlets do.
     */
    @Transactional
    public Ticket update(UUID subscriptionId, UUID id, UUID stampId, ServiceChanges changes, String operation,
            UUID newTemplateId, String principal) {
        Service service = manager.getForJob(subscriptionId, id, stampId);
        manager.validate(changes);
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw VmmRequestException.invalid("Operation '" + operation + "' is not supported; accepted values: "
                    + String.join(", ", OPERATIONS));
        }
        boolean templateChange = newTemplateId != null && !newTemplateId.equals(service.getServiceTemplateId());
        if (templateChange && operation != null) {
            throw VmmRequestException.invalid("Send Operation and a new ServiceTemplateId in separate requests");
        }
        ServiceTemplate target = templateChange ? upgradeTarget(subscriptionId, service, newTemplateId) : null;
        if (!ServiceStates.DEPLOYED.equals(service.getDeploymentState())
                && (operation != null || templateChange)
                && !ServiceStates.SERVICING_FAILED.equals(service.getDeploymentState())) {
            throw VmmRequestException.invalid("Service is " + service.getDeploymentState()
                    + "; Operation and ServiceTemplateId need a Deployed service");
        }
        Map<String, String> parameters = parametersOf(changes);
        Job job;
        if (templateChange) {
            job = submit(service, UPDATE_TEMPLATE, "Perform servicing on a service", "Update-SCService", principal,
                    withTemplate(parameters, target.getId()));
            service.setPendingTemplate(target.getId(), target.getRelease(),
                    ServiceManager.carriedOver(service.getServiceSettings(), target));
        } else if ("Stop".equals(operation)) {
            job = submit(service, STOP, "Stop service", "Stop-SCService", principal, parameters);
            if (!ServiceStates.STATUS_STOPPED.equals(service.getServiceStatus())) {
                service.setServiceStatus(ServiceStates.STATUS_STOPPING);
            }
        } else if ("Start".equals(operation)) {
            job = submit(service, START, "Start service", "Start-SCService", principal, parameters);
            if (!ServiceStates.STATUS_RUNNING.equals(service.getServiceStatus())) {
                service.setServiceStatus(ServiceStates.STATUS_STARTING);
            }
        } else {
            job = submit(service, UPDATE, "Change properties of service", "Set-SCService", principal, parameters);
        }
        service.touch(manager.now());
        return ticket(service, job);
    }

    /** VMM deletes only stopped services (Remove-SCService); LocalPack refuses the same way, before any job. */
    @Transactional
    public Ticket delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        Service service = manager.getForJob(subscriptionId, id, stampId);
        boolean deployedOrFailed = !ServiceStates.DEPLOYING.equals(service.getDeploymentState())
                && !ServiceStates.DELETING.equals(service.getDeploymentState());
        if (deployedOrFailed && !ServiceStates.STATUS_STOPPED.equals(service.getServiceStatus())
                && !ServiceStates.DEPLOYMENT_FAILED.equals(service.getDeploymentState())) {
            throw VmmRequestException.invalid("Service '" + service.getName() + "' is not stopped (ServiceStatus "
                    + service.getServiceStatus() + "); stop it (Operation=Stop) before deleting it");
        }
        Job job = submit(service, DELETE, "Remove service instance", "Remove-SCService", principal, Map.of());
        service.setDeploymentState(ServiceStates.DELETING);
        return ticket(service, job);
    }

    private ServiceTemplate upgradeTarget(UUID subscriptionId, Service service, UUID newTemplateId) {
        ServiceTemplate target = templates.findGranted(subscriptionId, newTemplateId, service.getStampId())
                .orElseThrow(() -> VmmRequestException.invalid("ServiceTemplateId " + newTemplateId
                        + " does not name a service template available to this subscription on stamp "
                        + service.getStampId()));
        ServiceTemplate current = templates.findById(new io.localpack.vmm.common.VmmKey(
                service.getServiceTemplateId(), service.getStampId())).orElseThrow();
        if (!current.isSameFamilyAs(target)) {
            throw VmmRequestException.invalid("ServiceTemplateId " + newTemplateId + " is a release of '"
                    + target.getName() + "', not of '" + current.getName() + "' the service was deployed from");
        }
        return target;
    }

    private Job submit(Service service, String kind, String name, String cmdlet, String principal,
            Map<String, String> parameters) {
        JobRequest.Builder request = JobRequest.builder(service.getSubscriptionId(), kind, name)
                .stampId(service.getStampId())
                .target(service.getId(), "Service", service.getName())
                .owner(principal)
                .cmdletName(cmdlet)
                .restartable(true)
                // Fault rules can match any service job by template: the service's own, or the one it moves to.
                .parameter(JobRequest.TEMPLATE_ID, service.getServiceTemplateId());
        parameters.forEach(request::parameter);
        // A job on one of its machines holds the service too, as a service job holds its machines (2602 both ways).
        // The caller holds the service's row lock (ServiceManager.getForJob, or lockForJob for a new service).
        try {
            Job job = jobs.submit(request.build(), machines.heldWith(new io.localpack.vmm.common.VmmKey(
                    service.getId(), service.getStampId())));
            service.setMostRecentTaskId(job.id());
            return job;
        } catch (TargetBusyException e) {
            throw VmmRequestException.locked(e.runningJobId());
        }
    }

    private static Map<String, String> parametersOf(ServiceChanges changes) {
        Map<String, String> parameters = new java.util.HashMap<>();
        putIfGiven(parameters, NAME, changes.name());
        putIfGiven(parameters, DESCRIPTION, changes.description());
        putIfGiven(parameters, COST_CENTER, changes.costCenter());
        putIfGiven(parameters, PRIORITY, changes.servicePriority());
        if (changes.owner() != null) {
            putIfGiven(parameters, OWNER_USER, changes.owner().userName());
            putIfGiven(parameters, OWNER_ROLE, changes.owner().roleName());
            putIfGiven(parameters, OWNER_ROLE_ID, changes.owner().roleId() == null ? null
                    : changes.owner().roleId().toString());
        }
        return parameters;
    }

    /** The changes a job carries, read back from its parameters. */
    static ServiceChanges changesOf(Map<String, String> parameters) {
        boolean ownerGiven = parameters.containsKey(OWNER_USER) || parameters.containsKey(OWNER_ROLE)
                || parameters.containsKey(OWNER_ROLE_ID);
        return new ServiceChanges(parameters.get(NAME), parameters.get(DESCRIPTION), parameters.get(COST_CENTER),
                parameters.get(PRIORITY), ownerGiven ? new ServiceChanges.OwnerChange(parameters.get(OWNER_USER),
                        parameters.get(OWNER_ROLE), parameters.get(OWNER_ROLE_ID) == null ? null
                                : UUID.fromString(parameters.get(OWNER_ROLE_ID))) : null);
    }

    private static Map<String, String> withTemplate(Map<String, String> parameters, UUID templateId) {
        Map<String, String> all = new java.util.HashMap<>(parameters);
        all.put(JobRequest.TEMPLATE_ID, templateId.toString());
        return all;
    }

    private static void putIfGiven(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }

    private static Ticket ticket(Service service, Job job) {
        return new Ticket(service.getId(), service.getStampId(), job.id());
    }
}
