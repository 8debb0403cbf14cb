package io.localpack.vmm.service;

import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.CommonValues;
import io.localpack.vmm.odata.EntityReader;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.EntityWriter;
import io.localpack.vmm.odata.WritableEntitySet;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/** The {@code Services} entity set: VMM.Service on the wire over {@link Service} rows and {@link ServiceManager}. */
@Component
public class ServiceODataBinding extends EntitySetBindingBase<Service> implements WritableEntitySet {

    private static final Map<String, String> QUERYABLE = Map.ofEntries(
            Map.entry("ID", "id"), Map.entry("StampId", "stampId"), Map.entry("Name", "name"),
            Map.entry("Description", "description"), Map.entry("CostCenter", "costCenter"),
            Map.entry("Owner/UserName", "owner.userName"), Map.entry("Owner/RoleName", "owner.roleName"),
            Map.entry("Owner/RoleID", "owner.roleId"), Map.entry("AllVMsAccessible", "allVmsAccessible"),
            Map.entry("DeploymentState", "deploymentState"), Map.entry("DeployedTo", "deployedTo"),
            Map.entry("InServicingMode", "inServicingMode"), Map.entry("OverallStatus", "overallStatus"),
            Map.entry("PendingServiceTemplatePresent", "pendingServiceTemplatePresent"),
            Map.entry("PendingServiceTemplateRelease", "pendingServiceTemplateRelease"),
            Map.entry("ServicePriority", "servicePriority"), Map.entry("ServiceTemplateRelease", "serviceTemplateRelease"),
            Map.entry("ServiceStatus", "serviceStatus"), Map.entry("VMHostGroup", "vmHostGroup"),
            Map.entry("Enabled", "enabled"), Map.entry("AddedTime", "addedTime"), Map.entry("ModifiedTime", "modifiedTime"),
            Map.entry("NotificationsAvailable", "notificationsAvailable"), Map.entry("Accessibility", "accessibility"),
            Map.entry("IgnorePlacementErrors", "ignorePlacementErrors"), Map.entry("FailedJobID", "failedJobId"),
            Map.entry("CloudId", "cloudId"), Map.entry("ServiceTemplateId", "serviceTemplateId"));

    private final ServiceLifecycle lifecycle;
    private final ServiceManager services;

    public ServiceODataBinding(ServiceLifecycle lifecycle, ServiceManager services) {
        super(VmmEdmProvider.SERVICES, Service.class, QUERYABLE);
        this.lifecycle = lifecycle;
        this.services = services;
    }

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<Service> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        return cb.equal(root.get("subscriptionId"), subscriptionId);
    }

    private static final Map<String, Function<Service, VmmKey>> NAVIGATIONS = Map.of(
            "ServiceTemplate", s -> new VmmKey(s.getServiceTemplateId(), s.getStampId()),
            "PendingServiceTemplate", s -> keyOrNull(s.getPendingServiceTemplateId(), s.getStampId()),
            "Cloud", s -> new VmmKey(s.getCloudId(), s.getStampId()),
            "MostRecentTask", s -> keyOrNull(s.getMostRecentTaskId(), s.getStampId()),
            "FailedJob", s -> keyOrNull(s.getFailedJobId(), s.getStampId()));

    @Override
    public Map<String, Function<Service, VmmKey>> navigations() {
        return NAVIGATIONS;
    }

    /** A service's tiers are the ComputerTiers rows that name it. */
    @Override
    public Map<String, Function<Service, Map<String, Object>>> collectionNavigations() {
        return Map.of("ComputerTiers", s -> Map.of("serviceId", s.getId(), "stampId", s.getStampId()));
    }

    private static VmmKey keyOrNull(UUID id, UUID stampId) {
        return id == null ? null : new VmmKey(id, stampId);
    }

    @Override
    public Optional<Service> find(UUID subscriptionId, UUID id, UUID stampId) {
        return services.findOwned(subscriptionId, id, stampId);
    }

    // --- writes ---

    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        EntityReader deployment = in.complex("NewServiceDeployment");
        EntityReader configuration = deployment == null ? null : deployment.complex("ServiceConfiguration");
        List<NewService.SettingValue> settings = configuration == null ? List.of()
                : configuration.complexCollection("ServiceSettings").stream()
                        .map(v -> EntityReader.of(v, "ServiceSettings"))
                        .map(v -> new NewService.SettingValue(v.string("Name"), v.string("Value"),
                                Boolean.TRUE.equals(v.bool("IsEncrypted"))))
                        .toList();
        NewService request = new NewService(
                in.guid("StampId"),
                EntityReader.isEmptyGuid(in.guid("CloudId")) ? null : in.guid("CloudId"),
                EntityReader.isEmptyGuid(in.guid("ServiceTemplateId")) ? null : in.guid("ServiceTemplateId"),
                firstGiven(in.string("Name"), configuration == null ? null : configuration.string("Name")),
                firstGiven(in.string("Description"), configuration == null ? null : configuration.string("Description")),
                firstGiven(in.string("CostCenter"), configuration == null ? null : configuration.string("CostCenter")),
                firstGiven(in.string("ServicePriority"), configuration == null ? null : configuration.string("Priority")),
                owner(in.complex("Owner")),
                in.bool("IgnorePlacementErrors"),
                settings);
        return outcome(lifecycle.deploy(subscriptionId, request, principal));
    }

    @Override
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        EntityReader owner = in.complex("Owner");
        ServiceChanges changes = new ServiceChanges(in.string("Name"), in.string("Description"),
                in.string("CostCenter"), in.string("ServicePriority"),
                owner == null ? null : new ServiceChanges.OwnerChange(owner.string("UserName"),
                        owner.string("RoleName"), owner.guid("RoleID")));
        UUID templateId = in.guid("ServiceTemplateId");
        return outcome(lifecycle.update(subscriptionId, id, stampId, changes, in.string("Operation"),
                EntityReader.isEmptyGuid(templateId) ? null : templateId, principal));
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        return outcome(lifecycle.delete(subscriptionId, id, stampId, principal));
    }

    private static WriteOutcome outcome(ServiceLifecycle.Ticket ticket) {
        return new WriteOutcome(new VmmKey(ticket.serviceId(), ticket.stampId()), ticket.jobId());
    }

    private static UserAndRole owner(EntityReader owner) {
        return owner == null ? null : new UserAndRole(owner.string("UserName"), owner.string("RoleName"),
                owner.guid("RoleID"));
    }

    private static String firstGiven(String first, String second) {
        return first != null ? first : second;
    }

    // --- reads ---

    @Override
    public Entity toEntity(Service s, UUID subscriptionId) {
        return EntityWriter.entity(VmmEdmProvider.SERVICE.getFullQualifiedNameAsString())
                .primitive("ID", s.getId())
                .primitive("Description", s.getDescription())
                .primitive("Name", s.getName())
                .primitive("StampId", s.getStampId())
                .complex("NewServiceDeployment", NEW_SERVICE_DEPLOYMENT_READ_BACK)
                .complex("Owner", CommonValues.userAndRole(s.getOwner()))
                .complexCollection("GrantedToList", CommonValues.userAndRoles(s.getGrantedToList()))
                .primitive("AllVMsAccessible", s.getAllVmsAccessible())
                .primitive("CostCenter", s.getCostCenter())
                .primitive("DeploymentState", s.getDeploymentState())
                .primitive("DeployedTo", s.getDeployedTo())
                .primitive("InServicingMode", s.getInServicingMode())
                .primitive("OverallStatus", s.getOverallStatus())
                .primitive("PendingServiceTemplatePresent", s.getPendingServiceTemplatePresent())
                .primitive("PendingServiceTemplateRelease", s.getPendingServiceTemplateRelease())
                .primitive("ServicePriority", s.getServicePriority())
                .primitive("ServiceTemplateRelease", s.getServiceTemplateRelease())
                .primitive("ServiceStatus", s.getServiceStatus())
                .primitive("VMHostGroup", s.getVmHostGroup())
                .primitive("Enabled", s.getEnabled())
                .primitive("AddedTime", s.getAddedTime())
                .primitive("ModifiedTime", s.getModifiedTime())
                .primitive("NotificationsAvailable", s.getNotificationsAvailable())
                .primitive("Accessibility", s.getAccessibility())
                .primitive("Operation", null)
                .primitive("IgnorePlacementErrors", s.getIgnorePlacementErrors())
                .primitive("FailedJobID", s.getFailedJobId())
                .primitive("CloudId", s.getCloudId())
                .primitive("ServiceTemplateId", s.getServiceTemplateId())
                .complexCollection("CustomProperty", CommonValues.customProperties(s.getCustomProperties()))
                .complexCollection("PendingServiceSettings", CommonValues.serviceSettings(s.getPendingServiceSettings()))
                .complexCollection("ServiceSettings", CommonValues.serviceSettings(s.getServiceSettings()))
                .complex("ServicingWindow", servicingWindow(s.getServicingWindow()))
                .toEntity();
    }

    /**
     * NewServiceDeployment is create-time input; SPF reads it back as an empty skeleton (seed 003 shows one settings
     * entry, one tier and one VM configuration, all null), and so does LocalPack.
     */
    private static final ComplexValue NEW_SERVICE_DEPLOYMENT_READ_BACK = EntityWriter.complex()
            .complex("ServiceConfiguration", EntityWriter.complex()
                    .complexCollection("ServiceSettings", List.of(EntityWriter.complex()
                            .primitive("Name", null).primitive("Value", null).primitive("Description", null)
                            .primitive("IsRequired", false).primitive("IsEncrypted", false).toComplex()))
                    .primitive("Name", null).primitive("Description", null).primitive("CostCenter", null)
                    .primitive("Tag", null).primitive("Priority", null)
                    .toComplex())
            .complexCollection("TierConfigurations", List.of(EntityWriter.complex()
                    .primitive("Name", null)
                    .complexCollection("VMConfigurations", List.of(EntityWriter.complex()
                            .primitive("VMName", null).primitive("ComputerName", null).primitive("Description", null)
                            .primitive("CostCenter", null).primitive("Tag", null).toComplex()))
                    .toComplex()))
            .toComplex();

    private static ComplexValue servicingWindow(ServicingWindow w) {
        ServicingWindow window = w == null ? new ServicingWindow() : w;
        return EntityWriter.complex()
                .primitive("Category", window.getCategory())
                .primitive("Name", window.getName())
                .primitive("Description", window.getDescription())
                .primitive("Owner", window.getOwner())
                .primitive("TimeZone", window.getTimeZone())
                .primitive("StartDate", window.getStartDate())
                .primitive("StartTimeOfDay", window.getStartTimeOfDay())
                .primitive("WeeklyScheduleDayOfWeek", window.getWeeklyScheduleDayOfWeek())
                .primitive("MonthlyScheduleDayOfWeek", window.getMonthlyScheduleDayOfWeek())
                .primitive("DayOfMonth", window.getDayOfMonth())
                .primitive("WeekOfMonth", window.getWeekOfMonth())
                .primitive("DaysToRecur", window.getDaysToRecur())
                .primitive("MonthsToRecur", window.getMonthsToRecur())
                .primitive("WeeksToRecur", window.getWeeksToRecur())
                .primitive("MinutesDuration", window.getMinutesDuration())
                .primitive("ScheduleType", window.getScheduleType())
                .toComplex();
    }
}
