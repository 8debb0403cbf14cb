package io.localpack.vmm.quota;

import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@code QuotaAndUsageComponents}, read as {@code Clouds(ID=…,StampId=…)/QuotaAndUsageComponents}: the
 * subscription's quota per dimension in the cloud, with its usage. SPF's key is not known; LocalPack keys each row by
 * the id of its quota row and the cloud's stamp. Limits and usage are Int32, as Sirocco reads them.
 */
@Configuration(proxyBeanMethods = false)
public class QuotaEntitySet {

    @Bean
    @Order(79)
    EntitySetDeclaration<QuotaAndUsageComponent> quotaAndUsageComponents(
            QuotaAndUsageComponentRepository components) {
        return EntitySetDeclaration.builder("QuotaAndUsageComponents", "QuotaAndUsageComponent",
                        QuotaAndUsageComponent.class)
                .key("ID", QuotaAndUsageComponent::getId).queryable("id")
                .key("StampId", QuotaAndUsageComponent::getStampId).queryable("stampId")
                .property("CloudId", GUID, QuotaAndUsageComponent::getCloudId).queryable("cloudId")
                .property("QuotaDimension", STRING, QuotaAndUsageComponent::getQuotaDimension)
                .queryable("quotaDimension")
                .property("UserRoleQuota", INT32, QuotaAndUsageComponent::getUserRoleQuota).queryable("userRoleQuota")
                .property("UserRoleUsage", INT32, QuotaEntitySet::usageOf).queryable("userRoleUsage")
                .scope(TenantScope.ownedRows(), components::findOwned)
                .build();
    }

    /** Int32 on the wire: a usage beyond it (only in generated benchmark data) shows as the largest Int32. */
    private static Integer usageOf(QuotaAndUsageComponent component) {
        Long usage = component.getUserRoleUsage();
        return usage == null ? null : (int) Math.min(usage, Integer.MAX_VALUE);
    }
}
