package io.localpack.vmm.service;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.ComplexTypeDeclaration;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code Services} entity set: VMM.Service on the wire over {@link Service} rows, written through the service life
 * cycle ({@link ServiceWrites}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceEntitySet {

    /** The create-time input types read back as a skeleton: their members read nothing from the service. */
    private static final Function<Object, Object> NOTHING = source -> null;

    static final ComplexTypeDeclaration<Object> SERVICE_SETTINGS_INPUT =
            ComplexTypeDeclaration.builder("ServiceSettingsInput", Object.class)
                    .property("Name", STRING, NOTHING).property("Value", STRING, NOTHING)
                    .property("Description", STRING, NOTHING)
                    .property("IsRequired", BOOLEAN, source -> false).property("IsEncrypted", BOOLEAN, source -> false)
                    .build();

    static final ComplexTypeDeclaration<Object> SERVICE_DEPLOYMENT_CONFIGURATION =
            ComplexTypeDeclaration.builder("ServiceDeploymentConfiguration", Object.class)
                    .complexCollection("ServiceSettings", SERVICE_SETTINGS_INPUT, source -> List.of(source))
                    .property("Name", STRING, NOTHING).property("Description", STRING, NOTHING)
                    .property("CostCenter", STRING, NOTHING).property("Tag", STRING, NOTHING)
                    .property("Priority", STRING, NOTHING)
                    .build();

    static final ComplexTypeDeclaration<Object> VM_CONFIGURATION =
            ComplexTypeDeclaration.builder("VMConfiguration", Object.class)
                    .property("VMName", STRING, NOTHING).property("ComputerName", STRING, NOTHING)
                    .property("Description", STRING, NOTHING).property("CostCenter", STRING, NOTHING)
                    .property("Tag", STRING, NOTHING)
                    .build();

    static final ComplexTypeDeclaration<Object> SERVICE_TIER_AND_VM_CONFIGURATION =
            ComplexTypeDeclaration.builder("ServiceTierAndVMConfiguration", Object.class)
                    .property("Name", STRING, NOTHING)
                    .complexCollection("VMConfigurations", VM_CONFIGURATION, source -> List.of(source))
                    .build();

    /**
     * Create-time input; SPF reads it back as an empty skeleton (seed 003 shows one settings entry, one tier and one
     * VM configuration, all null), and so does LocalPack.
     */
    static final ComplexTypeDeclaration<Object> NEW_SERVICE_DEPLOYMENT =
            ComplexTypeDeclaration.builder("NewServiceDeployment", Object.class)
                    .complex("ServiceConfiguration", SERVICE_DEPLOYMENT_CONFIGURATION, Function.identity())
                    .complexCollection("TierConfigurations", SERVICE_TIER_AND_VM_CONFIGURATION,
                            source -> List.of(source))
                    .build();

    static final ComplexTypeDeclaration<ServicingWindow> SERVICING_WINDOW =
            ComplexTypeDeclaration.builder("ServicingWindow", ServicingWindow.class)
                    .property("Category", STRING, ServicingWindow::getCategory)
                    .property("Name", STRING, ServicingWindow::getName)
                    .property("Description", STRING, ServicingWindow::getDescription)
                    .property("Owner", STRING, ServicingWindow::getOwner)
                    .property("TimeZone", INT32, ServicingWindow::getTimeZone)
                    .property("StartDate", DATE_TIME, ServicingWindow::getStartDate)
                    .property("StartTimeOfDay", STRING, ServicingWindow::getStartTimeOfDay)
                    .property("WeeklyScheduleDayOfWeek", STRING, ServicingWindow::getWeeklyScheduleDayOfWeek)
                    .property("MonthlyScheduleDayOfWeek", STRING, ServicingWindow::getMonthlyScheduleDayOfWeek)
                    .property("DayOfMonth", STRING, ServicingWindow::getDayOfMonth)
                    .property("WeekOfMonth", STRING, ServicingWindow::getWeekOfMonth)
                    .property("DaysToRecur", INT32, ServicingWindow::getDaysToRecur)
                    .property("MonthsToRecur", INT32, ServicingWindow::getMonthsToRecur)
                    .property("WeeksToRecur", INT32, ServicingWindow::getWeeksToRecur)
                    .property("MinutesDuration", INT32, ServicingWindow::getMinutesDuration)
                    .property("ScheduleType", STRING, ServicingWindow::getScheduleType)
                    .build();

    /** VMM.Service in the order of the SPF $metadata (see shared/spec/vmm-states.md 1.1). */
    @Bean
    @Order(10)
    EntitySetDeclaration<Service> services(ServiceManager services, ServiceWrites writes) {
        return EntitySetDeclaration.builder("Services", "Service", Service.class)
                // the schema's complex types start with the ones services use, in SPF's order
                .complexTypes(CommonTypes.USER_AND_ROLE, SERVICE_SETTINGS_INPUT, SERVICE_DEPLOYMENT_CONFIGURATION,
                        VM_CONFIGURATION, SERVICE_TIER_AND_VM_CONFIGURATION, NEW_SERVICE_DEPLOYMENT,
                        CommonTypes.SERVICE_SETTING, SERVICING_WINDOW, CommonTypes.CUSTOM_PROPERTY)
                .key("ID", Service::getId).queryable("id")
                .property("Description", STRING, Service::getDescription).queryable("description").writable()
                .property("Name", STRING, Service::getName).queryable("name").writable()
                .key("StampId", Service::getStampId).queryable("stampId").writable()
                .complex("NewServiceDeployment", NEW_SERVICE_DEPLOYMENT, Function.identity()).writable()
                .complex("Owner", CommonTypes.USER_AND_ROLE, Service::getOwner).queryable("owner").writable()
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE, Service::getGrantedToList)
                .property("AllVMsAccessible", BOOLEAN, Service::getAllVmsAccessible).queryable("allVmsAccessible")
                .property("CostCenter", STRING, Service::getCostCenter).queryable("costCenter").writable()
                .property("DeploymentState", STRING, Service::getDeploymentState).queryable("deploymentState")
                .property("DeployedTo", STRING, Service::getDeployedTo).queryable("deployedTo")
                .property("InServicingMode", BOOLEAN, Service::getInServicingMode).queryable("inServicingMode")
                .property("OverallStatus", STRING, Service::getOverallStatus).queryable("overallStatus")
                .property("PendingServiceTemplatePresent", BOOLEAN, Service::getPendingServiceTemplatePresent)
                .queryable("pendingServiceTemplatePresent")
                .property("PendingServiceTemplateRelease", STRING, Service::getPendingServiceTemplateRelease)
                .queryable("pendingServiceTemplateRelease")
                .property("ServicePriority", STRING, Service::getServicePriority).queryable("servicePriority")
                .writable()
                .property("ServiceTemplateRelease", STRING, Service::getServiceTemplateRelease)
                .queryable("serviceTemplateRelease")
                .property("ServiceStatus", STRING, Service::getServiceStatus).queryable("serviceStatus")
                .property("VMHostGroup", STRING, Service::getVmHostGroup).queryable("vmHostGroup")
                .property("Enabled", BOOLEAN, Service::getEnabled).queryable("enabled")
                .property("AddedTime", DATE_TIME, Service::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, Service::getModifiedTime).queryable("modifiedTime")
                .property("NotificationsAvailable", BOOLEAN, Service::getNotificationsAvailable)
                .queryable("notificationsAvailable")
                .property("Accessibility", STRING, Service::getAccessibility).queryable("accessibility")
                // an update's request (Start, Stop, …); never stored, so it always reads null
                .property("Operation", STRING, service -> null).writable()
                .property("IgnorePlacementErrors", BOOLEAN, Service::getIgnorePlacementErrors)
                .queryable("ignorePlacementErrors").writable()
                .property("FailedJobID", GUID, Service::getFailedJobId).queryable("failedJobId")
                .property("CloudId", GUID, Service::getCloudId).queryable("cloudId").writable()
                .property("ServiceTemplateId", GUID, Service::getServiceTemplateId).queryable("serviceTemplateId")
                .writable()
                .complexCollection("CustomProperty", CommonTypes.CUSTOM_PROPERTY, Service::getCustomProperties)
                .complexCollection("PendingServiceSettings", CommonTypes.SERVICE_SETTING,
                        Service::getPendingServiceSettings)
                .complexCollection("ServiceSettings", CommonTypes.SERVICE_SETTING, Service::getServiceSettings)
                .complex("ServicingWindow", SERVICING_WINDOW, Service::getServicingWindow)
                .navigation("ServiceTemplate", "ServiceTemplates",
                        s -> new VmmKey(s.getServiceTemplateId(), s.getStampId()))
                .navigation("PendingServiceTemplate", "ServiceTemplates",
                        s -> keyOrNull(s.getPendingServiceTemplateId(), s.getStampId()))
                .navigation("Cloud", "Clouds", s -> new VmmKey(s.getCloudId(), s.getStampId()))
                .navigation("MostRecentTask", "Jobs", s -> keyOrNull(s.getMostRecentTaskId(), s.getStampId()))
                .navigation("FailedJob", "Jobs", s -> keyOrNull(s.getFailedJobId(), s.getStampId()))
                // a service's tiers are the ComputerTiers rows that name it
                .collectionNavigation("ComputerTiers", "ComputerTiers",
                        s -> Map.of("serviceId", s.getId(), "stampId", s.getStampId()))
                .scope(TenantScope.ownedRows(), services::findOwned)
                .writes(writes)
                .build();
    }

    private static VmmKey keyOrNull(UUID id, UUID stampId) {
        return id == null ? null : new VmmKey(id, stampId);
    }
}
