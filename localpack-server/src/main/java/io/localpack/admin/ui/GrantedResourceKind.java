package io.localpack.admin.ui;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * A shared VMM library row (cloud, service template, VM template) that a subscription sees when a grant table row
 * grants it: the subscription's list is the rows with a grant ({@code EXISTS} on the grant's key, in the database).
 */
abstract class GrantedResourceKind<T> extends JpaResourceKind<T> {

    private final Class<?> grantType;
    private final String grantedIdAttribute;

    /**
     * @param grantType          the grant entity, whose embedded {@code key} has subscriptionId, stampId and the id
     * @param grantedIdAttribute the key's attribute holding the granted row's id ({@code cloudId}, {@code templateId})
     */
    GrantedResourceKind(Class<T> type, EntityManager entityManager, Class<?> grantType, String grantedIdAttribute) {
        super(type, entityManager);
        this.grantType = grantType;
        this.grantedIdAttribute = grantedIdAttribute;
    }

    /** The VMM entity set the API reads it from. */
    protected abstract String entitySet();

    protected abstract UUID idOf(T entity);

    protected abstract UUID stampOf(T entity);

    @Override
    public String api() {
        return "VMM";
    }

    @Override
    protected String subscriptionAttribute() {
        return null;
    }

    @Override
    protected String nameAttribute() {
        return "name";
    }

    @Override
    protected Specification<T> ofSubscription(UUID subscription) {
        return (root, query, cb) -> {
            Subquery<Integer> granted = query.subquery(Integer.class);
            Root<?> grant = granted.from(grantType);
            granted.select(cb.literal(1)).where(
                    cb.equal(grant.get("key").get("subscriptionId"), subscription),
                    cb.equal(grant.get("key").get(grantedIdAttribute), root.get("id")),
                    cb.equal(grant.get("key").get("stampId"), root.get("stampId")));
            return cb.exists(granted);
        };
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(T entity, UUID subscription) {
        ResourceRow row = row(entity, subscription);
        return Optional.of(ResourceDetail.builder(key(), row.id(), subscription, row.name(), row.state())
                .vmmEntity(entitySet(), idOf(entity), stampOf(entity))
                .journalPathKey(idOf(entity).toString()));
    }
}
