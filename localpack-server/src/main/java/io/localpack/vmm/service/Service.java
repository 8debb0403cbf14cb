package io.localpack.vmm.service;

import io.localpack.vmm.common.CustomProperty;
import io.localpack.vmm.common.ServiceSetting;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A VMM service: a multi-tier deployment of a service template into a cloud, owned by one subscription.
 * Field names follow the VMM.Service properties; the wire mapping lives in {@link ServiceEntitySet}.
 */
@Entity
@Table(name = "services")
@IdClass(VmmKey.class)
// An operation changes three of the service's columns (its status, its most recent job, the time): the UPDATE names
// only those, which PostgreSQL parses and binds instead of all ~30
@DynamicUpdate
public class Service {

    @Id
    private UUID id;

    @Id
    @Column(name = "stamp_id")
    private UUID stampId;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private UUID subscriptionId;

    private String name;
    private String description;
    @Column(name = "cost_center")
    private String costCenter;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "userName", column = @Column(name = "owner_user_name")),
        @AttributeOverride(name = "roleName", column = @Column(name = "owner_role_name")),
        @AttributeOverride(name = "roleId", column = @Column(name = "owner_role_id"))})
    private UserAndRole owner;

    @ElementCollection
    @CollectionTable(name = "service_granted_to", joinColumns = {
        @JoinColumn(name = "service_id", referencedColumnName = "id"),
        @JoinColumn(name = "stamp_id", referencedColumnName = "stamp_id")})
    @OrderColumn(name = "position")
    private List<UserAndRole> grantedToList = new ArrayList<>();

    @Column(name = "all_vms_accessible")
    private Boolean allVmsAccessible;
    @Column(name = "deployment_state")
    private String deploymentState;
    @Column(name = "deployed_to")
    private String deployedTo;
    @Column(name = "in_servicing_mode")
    private Boolean inServicingMode;
    @Column(name = "overall_status")
    private String overallStatus;
    @Column(name = "service_status")
    private String serviceStatus;
    @Column(name = "pending_service_template_present")
    private Boolean pendingServiceTemplatePresent;
    @Column(name = "pending_service_template_id")
    private UUID pendingServiceTemplateId;
    @Column(name = "pending_service_template_release")
    private String pendingServiceTemplateRelease;
    @Column(name = "service_priority")
    private String servicePriority;
    @Column(name = "service_template_release")
    private String serviceTemplateRelease;
    @Column(name = "service_template_id", nullable = false)
    private UUID serviceTemplateId;
    @Column(name = "vm_host_group")
    private String vmHostGroup;
    private Boolean enabled;
    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;
    @Column(name = "notifications_available")
    private Boolean notificationsAvailable;
    private String accessibility;
    @Column(name = "ignore_placement_errors")
    private Boolean ignorePlacementErrors;
    @Column(name = "failed_job_id")
    private UUID failedJobId;
    @Column(name = "most_recent_task_id")
    private UUID mostRecentTaskId;
    @Column(name = "cloud_id", nullable = false)
    private UUID cloudId;

    @ElementCollection
    @CollectionTable(name = "service_custom_properties", joinColumns = {
        @JoinColumn(name = "service_id", referencedColumnName = "id"),
        @JoinColumn(name = "stamp_id", referencedColumnName = "stamp_id")})
    @OrderColumn(name = "position")
    private List<CustomProperty> customProperties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "service_pending_settings", joinColumns = {
        @JoinColumn(name = "service_id", referencedColumnName = "id"),
        @JoinColumn(name = "stamp_id", referencedColumnName = "stamp_id")})
    @OrderColumn(name = "position")
    private List<ServiceSetting> pendingServiceSettings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "service_settings", joinColumns = {
        @JoinColumn(name = "service_id", referencedColumnName = "id"),
        @JoinColumn(name = "stamp_id", referencedColumnName = "stamp_id")})
    @OrderColumn(name = "position")
    private List<ServiceSetting> serviceSettings = new ArrayList<>();

    @Embedded
    private ServicingWindow servicingWindow;

    protected Service() {
    }

    Service(UUID id, UUID stampId, UUID subscriptionId, UUID cloudId, UUID serviceTemplateId, OffsetDateTime now) {
        this.id = id;
        this.stampId = stampId;
        this.subscriptionId = subscriptionId;
        this.cloudId = cloudId;
        this.serviceTemplateId = serviceTemplateId;
        this.addedTime = now;
        this.modifiedTime = now;
    }

    public VmmKey key() {
        return new VmmKey(id, stampId);
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public UUID getSubscriptionId() {
        return subscriptionId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCostCenter() {
        return costCenter;
    }

    public UserAndRole getOwner() {
        return owner;
    }

    public List<UserAndRole> getGrantedToList() {
        return grantedToList;
    }

    public Boolean getAllVmsAccessible() {
        return allVmsAccessible;
    }

    public String getDeploymentState() {
        return deploymentState;
    }

    public String getDeployedTo() {
        return deployedTo;
    }

    public Boolean getInServicingMode() {
        return inServicingMode;
    }

    public String getOverallStatus() {
        return overallStatus;
    }

    public String getServiceStatus() {
        return serviceStatus;
    }

    public Boolean getPendingServiceTemplatePresent() {
        return pendingServiceTemplatePresent;
    }

    public UUID getPendingServiceTemplateId() {
        return pendingServiceTemplateId;
    }

    public String getPendingServiceTemplateRelease() {
        return pendingServiceTemplateRelease;
    }

    public String getServicePriority() {
        return servicePriority;
    }

    public String getServiceTemplateRelease() {
        return serviceTemplateRelease;
    }

    public UUID getServiceTemplateId() {
        return serviceTemplateId;
    }

    public String getVmHostGroup() {
        return vmHostGroup;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }

    public Boolean getNotificationsAvailable() {
        return notificationsAvailable;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public Boolean getIgnorePlacementErrors() {
        return ignorePlacementErrors;
    }

    public UUID getFailedJobId() {
        return failedJobId;
    }

    public UUID getMostRecentTaskId() {
        return mostRecentTaskId;
    }

    public UUID getCloudId() {
        return cloudId;
    }

    public List<CustomProperty> getCustomProperties() {
        return customProperties;
    }

    public List<ServiceSetting> getPendingServiceSettings() {
        return pendingServiceSettings;
    }

    public List<ServiceSetting> getServiceSettings() {
        return serviceSettings;
    }

    public ServicingWindow getServicingWindow() {
        return servicingWindow;
    }

    // --- changes; only the domain package writes ---

    void describe(String name, String description, String costCenter, String servicePriority) {
        this.name = name;
        this.description = description;
        this.costCenter = costCenter;
        this.servicePriority = servicePriority;
    }

    void setName(String name) {
        this.name = name;
    }

    void setDescription(String description) {
        this.description = description;
    }

    void setCostCenter(String costCenter) {
        this.costCenter = costCenter;
    }

    void setServicePriority(String servicePriority) {
        this.servicePriority = servicePriority;
    }

    void setOwner(UserAndRole owner) {
        this.owner = owner;
    }

    void setIgnorePlacementErrors(Boolean ignorePlacementErrors) {
        this.ignorePlacementErrors = ignorePlacementErrors;
    }

    void setServiceSettings(List<ServiceSetting> settings) {
        this.serviceSettings.clear();
        this.serviceSettings.addAll(settings);
    }

    void grantTo(UserAndRole role) {
        this.grantedToList.add(role);
    }

    void placeFromTemplate(String templateRelease, String deployedTo, String accessibility) {
        this.serviceTemplateRelease = templateRelease;
        this.deployedTo = deployedTo;
        this.accessibility = accessibility;
        this.enabled = true;
        this.notificationsAvailable = false;
        this.inServicingMode = false;
        this.pendingServiceTemplatePresent = false;
    }

    void setState(String deploymentState, String serviceStatus, String overallStatus) {
        this.deploymentState = deploymentState;
        this.serviceStatus = serviceStatus;
        this.overallStatus = overallStatus;
    }

    void touch(OffsetDateTime now) {
        this.modifiedTime = now;
    }

    void setServiceStatus(String serviceStatus) {
        this.serviceStatus = serviceStatus;
    }

    void setDeploymentState(String deploymentState) {
        this.deploymentState = deploymentState;
    }

    void setOverallStatus(String overallStatus) {
        this.overallStatus = overallStatus;
    }

    void setMostRecentTaskId(UUID jobId) {
        this.mostRecentTaskId = jobId;
    }

    void setFailedJobId(UUID jobId) {
        this.failedJobId = jobId;
    }

    /** A template update is pending: VMM shows the release and the settings the service is moving to. */
    void setPendingTemplate(UUID templateId, String release, List<ServiceSetting> settings) {
        this.pendingServiceTemplatePresent = templateId != null;
        this.pendingServiceTemplateId = templateId;
        this.pendingServiceTemplateRelease = release;
        this.pendingServiceSettings.clear();
        this.pendingServiceSettings.addAll(settings);
    }

    void setInServicingMode(boolean inServicingMode) {
        this.inServicingMode = inServicingMode;
    }

    /** The pending template becomes the service's template. */
    void applyTemplate(UUID templateId, String release, List<ServiceSetting> settings) {
        this.serviceTemplateId = templateId;
        this.serviceTemplateRelease = release;
        setServiceSettings(settings);
        setPendingTemplate(null, null, List.of());
    }
}
