package io.localpack.vmm.service;

import io.localpack.tenancy.Subscription;
import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.vmm.cloud.CloudRepository;
import io.localpack.vmm.common.ServiceSetting;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.template.ServiceTemplateRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a VMM service that does not depend on any wire format: deploy, change, delete.
 * Every method is scoped to one subscription; another tenant's service is reported as not found.
 */
@org.springframework.stereotype.Service
public class ServiceManager {

    public static final Set<String> PRIORITIES = Set.of("Low", "Normal", "High");

    private final ServiceRepository services;
    private final CloudRepository clouds;
    private final ServiceTemplateRepository templates;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public ServiceManager(ServiceRepository services, CloudRepository clouds, ServiceTemplateRepository templates,
            SubscriptionRepository subscriptions, Clock clock) {
        this.services = services;
        this.clouds = clouds;
        this.templates = templates;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Records a new service, still Deploying: its deploy job finishes the work. */
    @Transactional
    public Service deploy(UUID subscriptionId, NewService request) {
        requireGiven(request.stampId(), "StampId");
        requireGiven(request.cloudId(), "CloudId");
        requireGiven(request.serviceTemplateId(), "ServiceTemplateId");
        clouds.findGranted(subscriptionId, request.cloudId(), request.stampId())
                .orElseThrow(() -> VmmRequestException.invalid("CloudId " + request.cloudId()
                        + " does not name a cloud of this subscription on stamp " + request.stampId()));
        ServiceTemplate template = templates.findGranted(subscriptionId, request.serviceTemplateId(), request.stampId())
                .orElseThrow(() -> VmmRequestException.invalid("ServiceTemplateId " + request.serviceTemplateId()
                        + " does not name a service template available to this subscription on stamp "
                        + request.stampId()));
        if (request.name() == null || request.name().isBlank()) {
            throw VmmRequestException.invalid(
                    "Name is required (Name, or NewServiceDeployment.ServiceConfiguration.Name)");
        }
        String priority = request.servicePriority() != null ? request.servicePriority()
                : template.getServicePriority() != null ? template.getServicePriority() : "Normal";
        requirePriority(priority);
        List<ServiceSetting> settings = settingsFor(template, request.settings());
        Subscription subscription = subscriptions.findById(subscriptionId)
                .orElseThrow(() -> VmmRequestException.notFound("Subscription " + subscriptionId + " not found"));

        Service service = new Service(UUID.randomUUID(), request.stampId(), subscriptionId, request.cloudId(),
                template.getId(), now());
        service.describe(request.name(), request.description(), request.costCenter(), priority);
        service.setOwner(request.owner());
        service.setIgnorePlacementErrors(request.ignorePlacementErrors());
        service.setServiceSettings(settings);
        service.grantTo(new UserAndRole(null, subscription.tenantRoleName(), subscriptionId));
        service.placeFromTemplate(template.getRelease(), "Cloud", template.getAccessibility());
        service.setState(ServiceStates.DEPLOYING, ServiceStates.STATUS_DEPLOYING, ServiceStates.OVERALL_OK);
        return services.save(service);
    }

    /**
     * Holds the service's row until the caller's transaction ends: jobs on the service and on its machines are
     * queued one at a time (see {@link ServiceLocks#lockForJob}). A service saved in this transaction is written
     * first, so that there is a row to lock.
     */
    public void lockForJob(UUID serviceId, UUID stampId) {
        services.flush();
        services.lockForJob(serviceId, stampId);
    }

    /** Refuses changes a tenant may not make, before anything is recorded. */
    public void validate(ServiceChanges changes) {
        if (changes.servicePriority() != null) {
            requirePriority(changes.servicePriority());
        }
        if (changes.name() != null && changes.name().isBlank()) {
            throw VmmRequestException.invalid("Name cannot be empty");
        }
    }

    /** Applies validated changes with merge semantics: null members keep the current value. */
    void apply(Service service, ServiceChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (changes.name() != null) {
            service.setName(changes.name());
        }
        if (changes.description() != null) {
            service.setDescription(changes.description());
        }
        if (changes.costCenter() != null) {
            service.setCostCenter(changes.costCenter());
        }
        if (changes.servicePriority() != null) {
            service.setServicePriority(changes.servicePriority());
        }
        if (changes.owner() != null) {
            UserAndRole current = service.getOwner();
            ServiceChanges.OwnerChange owner = changes.owner();
            service.setOwner(new UserAndRole(
                    owner.userName() != null ? owner.userName() : current == null ? null : current.getUserName(),
                    owner.roleName() != null ? owner.roleName() : current == null ? null : current.getRoleName(),
                    owner.roleId() != null ? owner.roleId() : current == null ? null : current.getRoleId()));
        }
        service.touch(now());
    }

    /** The settings a service has after moving to {@code template}: current values kept by name, the rest defaults. */
    static List<ServiceSetting> carriedOver(List<ServiceSetting> current, ServiceTemplate template) {
        Map<String, ServiceSetting> values = new LinkedHashMap<>();
        current.forEach(s -> values.put(s.getName(), s));
        List<ServiceSetting> result = new ArrayList<>();
        for (ServiceSetting setting : template.getServiceSettings()) {
            ServiceSetting kept = values.get(setting.getName());
            result.add(kept == null ? setting : setting.withValue(kept.getValue(),
                    Boolean.TRUE.equals(kept.getHasEncryptedValue())));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Service get(UUID subscriptionId, UUID id, UUID stampId) {
        return findOwned(subscriptionId, id, stampId)
                .orElseThrow(() -> VmmRequestException.notFound(
                        "Service (ID=" + id + ",StampId=" + stampId + ") not found"));
    }

    /**
     * {@link #get} for a request that queues a job on the service: the row is read and locked in one query, and
     * held until the caller's transaction ends (see {@link #lockForJob}).
     */
    @Transactional
    public Service getForJob(UUID subscriptionId, UUID id, UUID stampId) {
        return services.lockForJob(id, stampId)
                .filter(service -> subscriptionId.equals(service.getSubscriptionId()))
                .orElseThrow(() -> VmmRequestException.notFound(
                        "Service (ID=" + id + ",StampId=" + stampId + ") not found"));
    }

    /**
     * A service of the subscription, by its full key: another tenant's service is as absent as a missing one. A load
     * by primary key, then the tenant check: Hibernate's cheapest read (every GET, PUT and MERGE by key starts here).
     */
    @Transactional(readOnly = true)
    public Optional<Service> findOwned(UUID subscriptionId, UUID id, UUID stampId) {
        return services.findById(new VmmKey(id, stampId))
                .filter(service -> subscriptionId.equals(service.getSubscriptionId()));
    }

    /** The template's settings, with the tenant's values applied by name; an unknown name is refused. */
    private static List<ServiceSetting> settingsFor(ServiceTemplate template, List<NewService.SettingValue> values) {
        Map<String, ServiceSetting> byName = new LinkedHashMap<>();
        template.getServiceSettings().forEach(s -> byName.put(s.getName(), s));
        for (NewService.SettingValue value : values) {
            if (value.name() == null) {
                continue; // SPF clients send an all-null placeholder entry
            }
            ServiceSetting setting = byName.get(value.name());
            if (setting == null) {
                throw VmmRequestException.invalid("NewServiceDeployment.ServiceConfiguration.ServiceSettings: '"
                        + value.name() + "' is not a setting of service template " + template.getName()
                        + " (settings: " + String.join(", ", byName.keySet()) + ")");
            }
            byName.put(value.name(), setting.withValue(value.value(), value.encrypted()));
        }
        List<ServiceSetting> result = new ArrayList<>(byName.values());
        for (ServiceSetting setting : result) {
            if (Boolean.TRUE.equals(setting.getMandatory()) && setting.getValue() == null) {
                throw VmmRequestException.invalid("NewServiceDeployment.ServiceConfiguration.ServiceSettings: '"
                        + setting.getName() + "' is mandatory for service template " + template.getName());
            }
        }
        return result;
    }

    private static void requireGiven(Object value, String property) {
        if (value == null) {
            throw VmmRequestException.invalid(property + " is required");
        }
    }

    private static void requirePriority(String priority) {
        if (!PRIORITIES.contains(priority)) {
            throw VmmRequestException.invalid("ServicePriority '" + priority + "' is not one of Low, Normal, High");
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
