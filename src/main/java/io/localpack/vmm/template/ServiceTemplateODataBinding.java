package io.localpack.vmm.template;

import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.CommonValues;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.EntityWriter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/** The read-only {@code ServiceTemplates} entity set: the template releases granted to the subscription. */
@Component
public class ServiceTemplateODataBinding extends EntitySetBindingBase<ServiceTemplate> {

    private static final Map<String, String> QUERYABLE = Map.ofEntries(
            Map.entry("ID", "id"), Map.entry("StampId", "stampId"), Map.entry("Name", "name"),
            Map.entry("Description", "description"), Map.entry("Namespace", "namespace"),
            Map.entry("Release", "release"), Map.entry("ServicePriority", "servicePriority"),
            Map.entry("ServiceTemplateState", "serviceTemplateState"), Map.entry("IsPublished", "published"),
            Map.entry("PublishedTime", "publishedTime"), Map.entry("AddedTime", "addedTime"),
            Map.entry("ModifiedTime", "modifiedTime"), Map.entry("Enabled", "enabled"),
            Map.entry("UseAsDefaultRelease", "useAsDefaultRelease"), Map.entry("Accessibility", "accessibility"));

    private final ServiceTemplateRepository templates;
    private final SubscriptionRepository subscriptions;

    public ServiceTemplateODataBinding(ServiceTemplateRepository templates, SubscriptionRepository subscriptions) {
        super(VmmEdmProvider.SERVICE_TEMPLATES, ServiceTemplate.class, QUERYABLE);
        this.templates = templates;
        this.subscriptions = subscriptions;
    }

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<ServiceTemplate> root, CriteriaQuery<?> query,
            CriteriaBuilder cb) {
        return grantedTo(subscriptionId, root, query, cb, ServiceTemplateGrant.class, "templateId");
    }

    @Override
    public Optional<ServiceTemplate> find(UUID subscriptionId, UUID id, UUID stampId) {
        return templates.findGranted(subscriptionId, id, stampId);
    }

    /** GrantedToList shows only the caller's own grant: other tenants' roles are not theirs to see. */
    @Override
    public Entity toEntity(ServiceTemplate t, UUID subscriptionId) {
        List<UserAndRole> grants = subscriptions.findById(subscriptionId)
                .map(s -> List.of(new UserAndRole(null, s.tenantRoleName(), subscriptionId)))
                .orElse(List.of());
        return EntityWriter.entity(VmmEdmProvider.SERVICE_TEMPLATE.getFullQualifiedNameAsString())
                .primitive("ID", t.getId())
                .primitive("Description", t.getDescription())
                .primitive("Name", t.getName())
                .primitive("Namespace", t.getNamespace())
                .primitive("StampId", t.getStampId())
                .primitive("Release", t.getRelease())
                .primitive("ServicePriority", t.getServicePriority())
                .primitive("ServiceTemplateState", t.getServiceTemplateState())
                .primitive("IsPublished", t.getPublished())
                .primitive("PublishedTime", t.getPublishedTime())
                .complex("Owner", CommonValues.userAndRole(t.getOwner()))
                .complexCollection("GrantedToList", CommonValues.userAndRoles(grants))
                .primitive("AddedTime", t.getAddedTime())
                .primitive("ModifiedTime", t.getModifiedTime())
                .primitive("Enabled", t.getEnabled())
                .primitive("NotificationsAvailable", t.getNotificationsAvailable())
                .primitive("UseAsDefaultRelease", t.getUseAsDefaultRelease())
                .primitive("UseAsPattern", t.getUseAsPattern())
                .primitive("Accessibility", t.getAccessibility())
                .complexCollection("ServiceSettings", CommonValues.serviceSettings(t.getServiceSettings()))
                .complexCollection("CustomProperty", List.of())
                .toEntity();
    }
}
