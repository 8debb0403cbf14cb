package io.localpack.vmm.edm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.springframework.stereotype.Component;

/**
 * The VMM schema as SPF publishes it (namespace {@code VMM}), as far as LocalPack serves it.
 * Names, types, nullability and nesting follow the SPF proxy generated from the real $metadata; this one model is the
 * source of both the V4 and (later) the V3 $metadata documents.
 */
@Component
public class VmmEdmProvider extends CsdlAbstractEdmProvider {

    public static final String NAMESPACE = "VMM";
    public static final String CONTAINER_NAME = "VMM";
    public static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, CONTAINER_NAME);

    public static final String SERVICES = "Services";
    public static final String SERVICE_TEMPLATES = "ServiceTemplates";
    public static final String CLOUDS = "Clouds";
    public static final String JOBS = "Jobs";
    public static final String VIRTUAL_MACHINES = "VirtualMachines";
    public static final String COMPUTER_TIERS = "ComputerTiers";

    public static final FullQualifiedName SERVICE = fqn("Service");
    public static final FullQualifiedName SERVICE_TEMPLATE = fqn("ServiceTemplate");
    public static final FullQualifiedName CLOUD = fqn("Cloud");
    public static final FullQualifiedName JOB = fqn("Job");
    public static final FullQualifiedName JOB_DESCRIPTION = fqn("JobDescription");
    public static final FullQualifiedName ERROR_INFO = fqn("ErrorInfo");
    public static final FullQualifiedName VIRTUAL_MACHINE = fqn("VirtualMachine");
    public static final FullQualifiedName COMPUTER_TIER = fqn("ComputerTier");

    public static final FullQualifiedName USER_AND_ROLE = fqn("UserAndRole");
    public static final FullQualifiedName NEW_SERVICE_DEPLOYMENT = fqn("NewServiceDeployment");
    public static final FullQualifiedName SERVICE_DEPLOYMENT_CONFIGURATION = fqn("ServiceDeploymentConfiguration");
    public static final FullQualifiedName SERVICE_SETTINGS_INPUT = fqn("ServiceSettingsInput");
    public static final FullQualifiedName SERVICE_TIER_AND_VM_CONFIGURATION = fqn("ServiceTierAndVMConfiguration");
    public static final FullQualifiedName VM_CONFIGURATION = fqn("VMConfiguration");
    public static final FullQualifiedName SERVICE_SETTING = fqn("ServiceSetting");
    public static final FullQualifiedName SERVICING_WINDOW = fqn("ServicingWindow");
    public static final FullQualifiedName CUSTOM_PROPERTY = fqn("CustomProperty");

    private static final FullQualifiedName GUID = EdmPrimitiveTypeKind.Guid.getFullQualifiedName();
    private static final FullQualifiedName STRING = EdmPrimitiveTypeKind.String.getFullQualifiedName();
    private static final FullQualifiedName BOOLEAN = EdmPrimitiveTypeKind.Boolean.getFullQualifiedName();
    private static final FullQualifiedName BYTE = EdmPrimitiveTypeKind.Byte.getFullQualifiedName();
    private static final FullQualifiedName INT32 = EdmPrimitiveTypeKind.Int32.getFullQualifiedName();
    /** SPF's Edm.DateTime; V4 has only DateTimeOffset, and SPF's values carry an offset anyway. */
    private static final FullQualifiedName DATE_TIME = EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName();

    private final Map<FullQualifiedName, CsdlEntityType> entityTypes = new LinkedHashMap<>();
    private final Map<FullQualifiedName, CsdlComplexType> complexTypes = new LinkedHashMap<>();
    private final Map<String, CsdlEntitySet> entitySets = new LinkedHashMap<>();

    public VmmEdmProvider() {
        defineComplexTypes();
        defineService();
        defineServiceTemplate();
        defineCloud();
        defineJob();
        defineVirtualMachine();
        defineComputerTier();
    }

    private void defineComplexTypes() {
        complex(USER_AND_ROLE, prop("UserName", STRING), prop("RoleName", STRING), prop("RoleID", GUID));
        complex(SERVICE_SETTINGS_INPUT, prop("Name", STRING), prop("Value", STRING), prop("Description", STRING),
                prop("IsRequired", BOOLEAN), prop("IsEncrypted", BOOLEAN));
        complex(SERVICE_DEPLOYMENT_CONFIGURATION, collection("ServiceSettings", SERVICE_SETTINGS_INPUT),
                prop("Name", STRING), prop("Description", STRING), prop("CostCenter", STRING), prop("Tag", STRING),
                prop("Priority", STRING));
        complex(VM_CONFIGURATION, prop("VMName", STRING), prop("ComputerName", STRING), prop("Description", STRING),
                prop("CostCenter", STRING), prop("Tag", STRING));
        complex(SERVICE_TIER_AND_VM_CONFIGURATION, prop("Name", STRING), collection("VMConfigurations", VM_CONFIGURATION));
        complex(NEW_SERVICE_DEPLOYMENT, prop("ServiceConfiguration", SERVICE_DEPLOYMENT_CONFIGURATION),
                collection("TierConfigurations", SERVICE_TIER_AND_VM_CONFIGURATION));
        complex(SERVICE_SETTING, prop("Name", STRING), prop("Description", STRING), prop("Value", STRING),
                prop("Mandatory", BOOLEAN), prop("HasEncryptedValue", BOOLEAN), prop("IsSecure", BOOLEAN),
                prop("GlobalSettingType", STRING));
        complex(SERVICING_WINDOW, prop("Category", STRING), prop("Name", STRING), prop("Description", STRING),
                prop("Owner", STRING), prop("TimeZone", INT32), prop("StartDate", DATE_TIME),
                prop("StartTimeOfDay", STRING), prop("WeeklyScheduleDayOfWeek", STRING),
                prop("MonthlyScheduleDayOfWeek", STRING), prop("DayOfMonth", STRING), prop("WeekOfMonth", STRING),
                prop("DaysToRecur", INT32), prop("MonthsToRecur", INT32), prop("WeeksToRecur", INT32),
                prop("MinutesDuration", INT32), prop("ScheduleType", STRING));
        complex(CUSTOM_PROPERTY, prop("Name", STRING), prop("Value", STRING));
    }

    /** VMM.Service in the order of the SPF $metadata (see shared/spec/vmm-states.md 1.1). */
    private void defineService() {
        CsdlEntityType type = entity(SERVICE,
                key("ID"), prop("Description", STRING), prop("Name", STRING), key("StampId"),
                prop("NewServiceDeployment", NEW_SERVICE_DEPLOYMENT), prop("Owner", USER_AND_ROLE),
                collection("GrantedToList", USER_AND_ROLE), prop("AllVMsAccessible", BOOLEAN),
                prop("CostCenter", STRING), prop("DeploymentState", STRING), prop("DeployedTo", STRING),
                prop("InServicingMode", BOOLEAN), prop("OverallStatus", STRING),
                prop("PendingServiceTemplatePresent", BOOLEAN), prop("PendingServiceTemplateRelease", STRING),
                prop("ServicePriority", STRING), prop("ServiceTemplateRelease", STRING), prop("ServiceStatus", STRING),
                prop("VMHostGroup", STRING), prop("Enabled", BOOLEAN), prop("AddedTime", DATE_TIME),
                prop("ModifiedTime", DATE_TIME), prop("NotificationsAvailable", BOOLEAN),
                prop("Accessibility", STRING), prop("Operation", STRING), prop("IgnorePlacementErrors", BOOLEAN),
                prop("FailedJobID", GUID), prop("CloudId", GUID), prop("ServiceTemplateId", GUID),
                collection("CustomProperty", CUSTOM_PROPERTY), collection("PendingServiceSettings", SERVICE_SETTING),
                collection("ServiceSettings", SERVICE_SETTING), prop("ServicingWindow", SERVICING_WINDOW));
        type.setNavigationProperties(new ArrayList<>(List.of(
                navigation("ServiceTemplate", SERVICE_TEMPLATE),
                navigation("PendingServiceTemplate", SERVICE_TEMPLATE),
                navigation("Cloud", CLOUD),
                navigation("MostRecentTask", JOB),
                navigation("FailedJob", JOB),
                new CsdlNavigationProperty().setName("ComputerTiers").setType(COMPUTER_TIER).setCollection(true))));
        CsdlEntitySet set = entitySet(SERVICES, SERVICE);
        set.setNavigationPropertyBindings(new ArrayList<>(List.of(
                binding("ServiceTemplate", SERVICE_TEMPLATES),
                binding("PendingServiceTemplate", SERVICE_TEMPLATES),
                binding("Cloud", CLOUDS),
                binding("MostRecentTask", JOBS),
                binding("FailedJob", JOBS),
                binding("ComputerTiers", COMPUTER_TIERS))));
    }

    private void defineServiceTemplate() {
        entity(SERVICE_TEMPLATE,
                key("ID"), prop("Description", STRING), prop("Name", STRING), prop("Namespace", STRING), key("StampId"),
                prop("Release", STRING), prop("ServicePriority", STRING), prop("ServiceTemplateState", STRING),
                prop("IsPublished", BOOLEAN), prop("PublishedTime", DATE_TIME), prop("Owner", USER_AND_ROLE),
                collection("GrantedToList", USER_AND_ROLE), prop("AddedTime", DATE_TIME),
                prop("ModifiedTime", DATE_TIME), prop("Enabled", BOOLEAN), prop("NotificationsAvailable", BOOLEAN),
                prop("UseAsDefaultRelease", BOOLEAN), prop("UseAsPattern", BOOLEAN), prop("Accessibility", STRING),
                collection("ServiceSettings", SERVICE_SETTING), collection("CustomProperty", CUSTOM_PROPERTY));
        entitySet(SERVICE_TEMPLATES, SERVICE_TEMPLATE);
    }

    private void defineCloud() {
        entity(CLOUD, key("ID"), key("StampId"), prop("Description", STRING), prop("LastModifiedDate", DATE_TIME),
                prop("Name", STRING), prop("UserRoleID", GUID), prop("WritableLibraryPath", STRING));
        entitySet(CLOUDS, CLOUD);
    }

    /** VMM.Job in the order of the SPF $metadata (see shared/spec/vmm-states.md 3.1). */
    private void defineJob() {
        complex(JOB_DESCRIPTION, prop("CanSkipLastFailedStep", BOOLEAN), prop("Code", STRING),
                prop("DescriptionCodeString", STRING), prop("IsRestartable", BOOLEAN), prop("IsStoppable", BOOLEAN),
                prop("Name", STRING), prop("RequiresCredentialsForRestart", BOOLEAN));
        complex(ERROR_INFO, prop("CloudProblem", STRING), prop("Code", STRING), prop("DetailedCode", INT32),
                prop("DetailedErrorCode", STRING), prop("DetailedSource", STRING), prop("DisplayableErrorCode", STRING),
                prop("ErrorCodeString", STRING), prop("ErrorType", STRING), prop("ExceptionDetails", STRING),
                prop("IsConditionallyTerminating", BOOLEAN), prop("IsDeploymentBlocker", BOOLEAN),
                prop("IsMomAlert", BOOLEAN), prop("IsSuccess", BOOLEAN), prop("IsTerminating", BOOLEAN),
                prop("MessageParameters", STRING), prop("MomAlertSeverity", STRING), prop("Problem", STRING),
                prop("RecommendedAction", STRING), prop("RecommendedActionCLI", STRING),
                prop("ShowDetailedError", BOOLEAN));
        entity(JOB, key("ID"), prop("Name", STRING), prop("CurrentStepId", GUID), prop("RootStepId", GUID),
                prop("CmdletName", STRING), prop("EndTime", DATE_TIME), prop("IsCompleted", BOOLEAN),
                prop("IsRestartable", BOOLEAN), prop("IsStoppable", BOOLEAN), prop("IsVisible", BOOLEAN),
                prop("Owner", STRING), prop("OwnerSID", STRING), prop("ProgressValue", INT32),
                prop("Progress", STRING), prop("ResultObjectTypeName", STRING), prop("ResultName", STRING),
                prop("Source", STRING), prop("StartTime", DATE_TIME), prop("Status", STRING),
                prop("StatusString", STRING), prop("Target", STRING), prop("TargetObjectID", GUID),
                prop("Description", JOB_DESCRIPTION), prop("WasNotifiedOfCancel", BOOLEAN), prop("PROTipID", GUID),
                prop("ResultObjectID", GUID), prop("TargetObjectType", STRING),
                prop("AreAuditRecordsAvailable", BOOLEAN), prop("ResultObjectType", STRING), key("StampId"),
                prop("StepsLoaded", BOOLEAN), prop("UserName", STRING), prop("Password", STRING),
                prop("SkipLastFailedStep", BOOLEAN), prop("ErrorInfo", ERROR_INFO),
                collection("AdditionalMessages", ERROR_INFO));
        entitySet(JOBS, JOB);
    }

    /**
     * VMM.VirtualMachine, reduced to the properties LocalPack stores (shared/spec/vmm-odata.md 6 lists SPF's ~150).
     * Names and types are SPF's; the order is that of the clients' property lists, SPF's own order being unknown.
     */
    private void defineVirtualMachine() {
        entity(VIRTUAL_MACHINE,
                prop("AddedTime", DATE_TIME), prop("CloudId", GUID), prop("ComputerName", STRING),
                prop("ComputerTierId", GUID), prop("CostCenter", STRING), prop("CPUCount", BYTE),
                prop("CreationTime", DATE_TIME),
                prop("Description", STRING), prop("Enabled", BOOLEAN), prop("FailedJobID", GUID), key("ID"),
                prop("Memory", INT32), prop("ModifiedTime", DATE_TIME), prop("MostRecentTaskId", GUID),
                prop("Name", STRING), prop("OperatingSystem", STRING), prop("Owner", USER_AND_ROLE),
                prop("ServiceId", GUID), key("StampId"), prop("Status", STRING), prop("StatusString", STRING),
                prop("Tag", STRING), prop("UpgradeDomain", INT32), prop("VirtualMachineState", STRING),
                prop("VMHostName", STRING));
        entitySet(VIRTUAL_MACHINES, VIRTUAL_MACHINE);
    }

    /**
     * VMM.ComputerTier, reduced to the properties LocalPack stores (shared/spec/vmm-odata.md 6; SPF's table is
     * truncated there). Names and types are SPF's, in alphabetical order as the doc lists them.
     */
    private void defineComputerTier() {
        entity(COMPUTER_TIER,
                key("ID"), key("StampId"), prop("Accessibility", STRING), prop("AddedTime", DATE_TIME),
                prop("AllVMsAccessible", BOOLEAN), prop("ComputerTierStatus", STRING),
                collection("CustomProperty", CUSTOM_PROPERTY), prop("DeploymentState", STRING),
                prop("Description", STRING), prop("Enabled", BOOLEAN), prop("FailedJobID", GUID),
                prop("InstanceMaximumCount", INT32), prop("InstanceMinimumCount", INT32),
                prop("ModifiedTime", DATE_TIME), prop("Name", STRING), prop("ServiceId", GUID));
        entitySet(COMPUTER_TIERS, COMPUTER_TIER);
    }

    // --- CsdlAbstractEdmProvider ---

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return entityTypes.get(name);
    }

    @Override
    public CsdlComplexType getComplexType(FullQualifiedName name) {
        return complexTypes.get(name);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        return CONTAINER.equals(container) ? entitySets.get(name) : null;
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER_NAME).setEntitySets(new ArrayList<>(entitySets.values()));
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        CsdlSchema schema = new CsdlSchema().setNamespace(NAMESPACE);
        schema.setEntityTypes(new ArrayList<>(entityTypes.values()));
        schema.setComplexTypes(new ArrayList<>(complexTypes.values()));
        schema.setEntityContainer(getEntityContainer());
        return List.of(schema);
    }

    // --- small builders that keep the definitions above readable ---

    private static FullQualifiedName fqn(String name) {
        return new FullQualifiedName(NAMESPACE, name);
    }

    private static CsdlProperty prop(String name, FullQualifiedName type) {
        return new CsdlProperty().setName(name).setType(type).setNullable(true);
    }

    /** Key properties are GUIDs and never null. */
    private static CsdlProperty key(String name) {
        return new CsdlProperty().setName(name).setType(GUID).setNullable(false);
    }

    /** Collections of complex values are never null in SPF's model: absent means empty. */
    private static CsdlProperty collection(String name, FullQualifiedName type) {
        return new CsdlProperty().setName(name).setType(type).setCollection(true).setNullable(false);
    }

    private static CsdlNavigationProperty navigation(String name, FullQualifiedName type) {
        return new CsdlNavigationProperty().setName(name).setType(type).setNullable(true);
    }

    private static CsdlNavigationPropertyBinding binding(String path, String target) {
        return new CsdlNavigationPropertyBinding().setPath(path).setTarget(target);
    }

    private void complex(FullQualifiedName name, CsdlProperty... properties) {
        complexTypes.put(name, new CsdlComplexType().setName(name.getName())
                .setProperties(new ArrayList<>(Arrays.asList(properties))));
    }

    private CsdlEntityType entity(FullQualifiedName name, CsdlProperty... properties) {
        List<CsdlPropertyRef> keys = Arrays.stream(properties)
                .filter(p -> !p.isNullable() && GUID.getFullQualifiedNameAsString().equals(p.getType())
                        && (p.getName().equals("ID") || p.getName().equals("StampId")))
                .map(p -> new CsdlPropertyRef().setName(p.getName()))
                .toList();
        CsdlEntityType type = new CsdlEntityType().setName(name.getName())
                .setProperties(new ArrayList<>(Arrays.asList(properties)))
                .setKey(new ArrayList<>(keys));
        entityTypes.put(name, type);
        return type;
    }

    private CsdlEntitySet entitySet(String name, FullQualifiedName type) {
        CsdlEntitySet set = new CsdlEntitySet().setName(name).setType(type);
        entitySets.put(name, set);
        return set;
    }
}
