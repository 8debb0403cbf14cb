package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.template.ServiceTemplateRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes service jobs make, each in its own transaction (a job runs on an engine thread, outside any
 * request). A service that is gone (deleted meanwhile) is left alone.
 */
@org.springframework.stereotype.Service
public class ServiceTransitions {

    private final ServiceRepository services;
    private final ServiceTemplateRepository templates;
    private final ServiceManager manager;
    private final ServiceMachines machines;
    @PersistenceContext
    private EntityManager entityManager;

    public ServiceTransitions(ServiceRepository services, ServiceTemplateRepository templates, ServiceManager manager,
            ServiceMachines machines) {
        this.services = services;
        this.templates = templates;
        this.manager = manager;
        this.machines = machines;
    }

    /** A job started on the service: its machines show it as their most recent task. */
    @Transactional
    public void jobStarted(VmmKey key, UUID jobId) {
        machines.recordJob(key, jobId, null);
    }

    @Transactional
    public void createMachines(VmmKey key) {
        with(key, service -> machines.create(service, templates.findById(
                new VmmKey(service.getServiceTemplateId(), service.getStampId())).orElseThrow()));
    }

    @Transactional
    public void machines(VmmKey key, ServiceMachines.Phase phase) {
        machines.moveTo(key, phase);
    }

    /**
     * Written at once and let go: a later step of the same transaction may set the status in plain SQL
     * ({@link #running}, {@link #stopped}), which a loaded copy would not see, and would undo if written after it.
     */
    @Transactional
    public void applyChanges(VmmKey key, ServiceChanges changes) {
        with(key, service -> manager.apply(service, changes)).ifPresent(service -> {
            services.flush();
            entityManager.detach(service);
        });
    }

    @Transactional
    public void deployed(VmmKey key) {
        with(key, service -> service.setState(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING,
                ServiceStates.OVERALL_OK));
        machines.moveTo(key, ServiceMachines.Phase.RUNNING);
    }

    /** @param jobId the job to record on the machines with their new state (null: recorded already) */
    @Transactional
    public void running(VmmKey key, UUID jobId) {
        services.setStatus(key.getId(), key.getStampId(), ServiceStates.STATUS_RUNNING, ServiceStates.OVERALL_OK,
                manager.now());
        machines.moveTo(key, ServiceMachines.Phase.RUNNING, jobId);
    }

    /** @param jobId the job to record on the machines with their new state (null: recorded already) */
    @Transactional
    public void stopped(VmmKey key, UUID jobId) {
        services.setStatus(key.getId(), key.getStampId(), ServiceStates.STATUS_STOPPED, ServiceStates.OVERALL_OK,
                manager.now());
        machines.moveTo(key, ServiceMachines.Phase.STOPPED, jobId);
    }

    @Transactional
    public void servicing(VmmKey key) {
        with(key, service -> {
            service.setDeploymentState(ServiceStates.SERVICING);
            service.setInServicingMode(true);
        });
    }

    /** The pending template becomes the service's template; settings keep their values by name. */
    @Transactional
    public void serviced(VmmKey key, UUID templateId) {
        with(key, service -> {
            ServiceTemplate template = templates.findById(new VmmKey(templateId, service.getStampId())).orElseThrow();
            service.applyTemplate(template.getId(), template.getRelease(),
                    ServiceManager.carriedOver(service.getServiceSettings(), template));
            service.setInServicingMode(false);
            service.setState(ServiceStates.DEPLOYED, service.getServiceStatus(), ServiceStates.OVERALL_OK);
        });
    }

    @Transactional
    public void deleted(VmmKey key) {
        machines.deleteAll(key);
        services.findById(key).ifPresent(services::delete);
    }

    /** Where a failed job leaves the service, by the kind of job, as VMM shows failures. */
    @Transactional
    public void failed(VmmKey key, String jobKind, UUID jobId) {
        machines.recordJob(key, jobId, jobId);
        if (ServiceLifecycle.DEPLOY.equals(jobKind)) {
            machines.moveTo(key, ServiceMachines.Phase.CREATION_FAILED);
        }
        with(key, service -> {
            service.setFailedJobId(jobId);
            service.setOverallStatus(ServiceStates.OVERALL_NEEDS_ATTENTION);
            service.setInServicingMode(false);
            switch (jobKind) {
                case ServiceLifecycle.DEPLOY -> service.setState(ServiceStates.DEPLOYMENT_FAILED,
                        ServiceStates.STATUS_FAILED, ServiceStates.OVERALL_NEEDS_ATTENTION);
                case ServiceLifecycle.UPDATE_TEMPLATE -> service.setDeploymentState(ServiceStates.SERVICING_FAILED);
                case ServiceLifecycle.STOP, ServiceLifecycle.START -> service.setServiceStatus(ServiceStates.STATUS_FAILED);
                case ServiceLifecycle.DELETE -> service.setDeploymentState(ServiceStates.DEPLOYED);
                default -> { }
            }
        });
    }

    /** @return the service changed; empty when it is gone */
    private Optional<Service> with(VmmKey key, Consumer<Service> change) {
        return services.findById(key).map(service -> {
            change.accept(service);
            service.touch(manager.now());
            return service;
        });
    }
}
