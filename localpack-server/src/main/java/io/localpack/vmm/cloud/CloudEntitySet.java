package io.localpack.vmm.cloud;

import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The read-only {@code Clouds} entity set: the clouds of the subscription's plan. */
@Configuration(proxyBeanMethods = false)
public class CloudEntitySet {

    @Bean
    @Order(30)
    EntitySetDeclaration<Cloud> clouds(CloudRepository clouds) {
        return EntitySetDeclaration.builder("Clouds", "Cloud", Cloud.class)
                .key("ID", Cloud::getId).queryable("id")
                .key("StampId", Cloud::getStampId).queryable("stampId")
                .property("Description", STRING, Cloud::getDescription).queryable("description")
                .property("LastModifiedDate", DATE_TIME, Cloud::getLastModifiedDate).queryable("lastModifiedDate")
                .property("Name", STRING, Cloud::getName).queryable("name")
                .property("UserRoleID", GUID, Cloud::getUserRoleId).queryable("userRoleId")
                .property("WritableLibraryPath", STRING, Cloud::getWritableLibraryPath).queryable("writableLibraryPath")
                .collectionNavigation("QuotaAndUsageComponents", "QuotaAndUsageComponents",
                        cloud -> Map.of("cloudId", cloud.getId(), "stampId", cloud.getStampId()))
                .scope(TenantScope.grantedRows(CloudGrant.class, "cloudId"), clouds::findGranted)
                .build();
    }
}
