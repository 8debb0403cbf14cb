package io.localpack.vmm.cloud;

import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.EntityWriter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/** The read-only {@code Clouds} entity set: the clouds of the subscription's plan. */
@Component
public class CloudODataBinding extends EntitySetBindingBase<Cloud> {

    private static final Map<String, String> QUERYABLE = Map.of(
            "ID", "id", "StampId", "stampId", "Name", "name", "Description", "description",
            "LastModifiedDate", "lastModifiedDate", "UserRoleID", "userRoleId",
            "WritableLibraryPath", "writableLibraryPath");

    private final CloudRepository clouds;

    public CloudODataBinding(CloudRepository clouds) {
        super(VmmEdmProvider.CLOUDS, Cloud.class, QUERYABLE);
        this.clouds = clouds;
    }

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<Cloud> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        return grantedTo(subscriptionId, root, query, cb, CloudGrant.class, "cloudId");
    }

    @Override
    public Optional<Cloud> find(UUID subscriptionId, UUID id, UUID stampId) {
        return clouds.findGranted(subscriptionId, id, stampId);
    }

    @Override
    public Entity toEntity(Cloud cloud, UUID subscriptionId) {
        return EntityWriter.entity(VmmEdmProvider.CLOUD.getFullQualifiedNameAsString())
                .primitive("ID", cloud.getId())
                .primitive("StampId", cloud.getStampId())
                .primitive("Description", cloud.getDescription())
                .primitive("LastModifiedDate", cloud.getLastModifiedDate())
                .primitive("Name", cloud.getName())
                .primitive("UserRoleID", cloud.getUserRoleId())
                .primitive("WritableLibraryPath", cloud.getWritableLibraryPath())
                .toEntity();
    }
}
