package io.localpack.vmm.template;

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

/**
 * A VMM service template release. Templates that share a {@code name} on one stamp are releases of one family;
 * a service can be updated from one release to another of its family.
 */
@Entity
@Table(name = "service_templates")
@IdClass(VmmKey.class)
public class ServiceTemplate {

    @Id
    private UUID id;
    @Id
    @Column(name = "stamp_id")
    private UUID stampId;

    private String name;
    private String description;
    private String namespace;
    private String release;
    @Column(name = "service_priority")
    private String servicePriority;
    @Column(name = "service_template_state")
    private String serviceTemplateState;
    @Column(name = "is_published")
    private Boolean published;
    @Column(name = "published_time")
    private OffsetDateTime publishedTime;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "userName", column = @Column(name = "owner_user_name")),
        @AttributeOverride(name = "roleName", column = @Column(name = "owner_role_name")),
        @AttributeOverride(name = "roleId", column = @Column(name = "owner_role_id"))})
    private UserAndRole owner;

    @Column(name = "added_time")
    private OffsetDateTime addedTime;
    @Column(name = "modified_time")
    private OffsetDateTime modifiedTime;
    private Boolean enabled;
    @Column(name = "notifications_available")
    private Boolean notificationsAvailable;
    @Column(name = "use_as_default_release")
    private Boolean useAsDefaultRelease;
    @Column(name = "use_as_pattern")
    private Boolean useAsPattern;
    private String accessibility;

    @ElementCollection
    @CollectionTable(name = "service_template_settings", joinColumns = {
        @JoinColumn(name = "template_id", referencedColumnName = "id"),
        @JoinColumn(name = "stamp_id", referencedColumnName = "stamp_id")})
    @OrderColumn(name = "position")
    private List<ServiceSetting> serviceSettings = new ArrayList<>();

    protected ServiceTemplate() {
    }

    /** Whether {@code other} is another release of the same template family on the same stamp. */
    public boolean isSameFamilyAs(ServiceTemplate other) {
        return stampId.equals(other.stampId) && name.equals(other.name);
    }

    public UUID getId() {
        return id;
    }

    public UUID getStampId() {
        return stampId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getRelease() {
        return release;
    }

    public String getServicePriority() {
        return servicePriority;
    }

    public String getServiceTemplateState() {
        return serviceTemplateState;
    }

    public Boolean getPublished() {
        return published;
    }

    public OffsetDateTime getPublishedTime() {
        return publishedTime;
    }

    public UserAndRole getOwner() {
        return owner;
    }

    public OffsetDateTime getAddedTime() {
        return addedTime;
    }

    public OffsetDateTime getModifiedTime() {
        return modifiedTime;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public Boolean getNotificationsAvailable() {
        return notificationsAvailable;
    }

    public Boolean getUseAsDefaultRelease() {
        return useAsDefaultRelease;
    }

    public Boolean getUseAsPattern() {
        return useAsPattern;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public List<ServiceSetting> getServiceSettings() {
        return serviceSettings;
    }
}
