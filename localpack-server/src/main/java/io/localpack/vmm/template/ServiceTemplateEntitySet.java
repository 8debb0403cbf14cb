package io.localpack.vmm.template;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The read-only {@code ServiceTemplates} entity set: the template releases granted to the subscription. */
@Configuration(proxyBeanMethods = false)
public class ServiceTemplateEntitySet {

    @Bean
    @Order(20)
    EntitySetDeclaration<ServiceTemplate> serviceTemplates(ServiceTemplateRepository templates,
            SubscriptionRepository subscriptions) {
        return EntitySetDeclaration.builder("ServiceTemplates", "ServiceTemplate", ServiceTemplate.class)
                .key("ID", ServiceTemplate::getId).queryable("id")
                .property("Description", STRING, ServiceTemplate::getDescription).queryable("description")
                .property("Name", STRING, ServiceTemplate::getName).queryable("name")
                .property("Namespace", STRING, ServiceTemplate::getNamespace).queryable("namespace")
                .key("StampId", ServiceTemplate::getStampId).queryable("stampId")
                .property("Release", STRING, ServiceTemplate::getRelease).queryable("release")
                .property("ServicePriority", STRING, ServiceTemplate::getServicePriority).queryable("servicePriority")
                .property("ServiceTemplateState", STRING, ServiceTemplate::getServiceTemplateState)
                .queryable("serviceTemplateState")
                .property("IsPublished", BOOLEAN, ServiceTemplate::getPublished).queryable("published")
                .property("PublishedTime", DATE_TIME, ServiceTemplate::getPublishedTime).queryable("publishedTime")
                .complex("Owner", CommonTypes.USER_AND_ROLE, ServiceTemplate::getOwner)
                // only the caller's own grant: other tenants' roles are not theirs to see
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE, (template, subscriptionId) ->
                        subscriptions.findById(subscriptionId)
                                .map(s -> List.of(new UserAndRole(null, s.tenantRoleName(), subscriptionId)))
                                .orElse(List.of()))
                .property("AddedTime", DATE_TIME, ServiceTemplate::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, ServiceTemplate::getModifiedTime).queryable("modifiedTime")
                .property("Enabled", BOOLEAN, ServiceTemplate::getEnabled).queryable("enabled")
                .property("NotificationsAvailable", BOOLEAN, ServiceTemplate::getNotificationsAvailable)
                .property("UseAsDefaultRelease", BOOLEAN, ServiceTemplate::getUseAsDefaultRelease)
                .queryable("useAsDefaultRelease")
                .property("UseAsPattern", BOOLEAN, ServiceTemplate::getUseAsPattern)
                .property("Accessibility", STRING, ServiceTemplate::getAccessibility).queryable("accessibility")
                .complexCollection("ServiceSettings", CommonTypes.SERVICE_SETTING, ServiceTemplate::getServiceSettings)
                // custom properties of templates are not modelled; SPF's collections are never null, so it reads empty
                .complexCollection("CustomProperty", CommonTypes.CUSTOM_PROPERTY, template -> List.of())
                .scope(TenantScope.grantedRows(ServiceTemplateGrant.class, "templateId"), templates::findGranted)
                .build();
    }
}
