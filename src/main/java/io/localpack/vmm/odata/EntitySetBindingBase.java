package io.localpack.vmm.odata;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Map;
import java.util.UUID;

/** The part every binding states the same way: its entity set, its JPA type and its queryable properties. */
public abstract class EntitySetBindingBase<T> implements EntitySetBinding<T> {

    private final String entitySetName;
    private final Class<T> jpaType;
    private final Map<String, String> queryableProperties;

    protected EntitySetBindingBase(String entitySetName, Class<T> jpaType, Map<String, String> queryableProperties) {
        this.entitySetName = entitySetName;
        this.jpaType = jpaType;
        this.queryableProperties = queryableProperties;
    }

    // Not final: Spring may proxy a binding (e.g. for @Transactional), and a proxy must delegate these too.

    @Override
    public String entitySetName() {
        return entitySetName;
    }

    @Override
    public Class<T> jpaType() {
        return jpaType;
    }

    @Override
    public Map<String, String> queryableProperties() {
        return queryableProperties;
    }

    /**
     * Rows a grant table gives the subscription: an EXISTS on a grant entity whose embedded {@code key} holds
     * {@code subscriptionId}, {@code stampId} and the granted object's id under {@code grantedIdAttribute}.
     */
    protected static Predicate grantedTo(UUID subscriptionId, Root<?> root, CriteriaQuery<?> query, CriteriaBuilder cb,
            Class<?> grantEntity, String grantedIdAttribute) {
        Subquery<Integer> grant = query.subquery(Integer.class);
        Root<?> g = grant.from(grantEntity);
        grant.select(cb.literal(1)).where(
                cb.equal(g.get("key").get("subscriptionId"), subscriptionId),
                cb.equal(g.get("key").get(grantedIdAttribute), root.get("id")),
                cb.equal(g.get("key").get("stampId"), root.get("stampId")));
        return cb.exists(grant);
    }
}
