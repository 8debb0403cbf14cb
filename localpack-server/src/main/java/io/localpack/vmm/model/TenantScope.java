package io.localpack.vmm.model;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Optional;
import java.util.UUID;

/**
 * Which rows of an entity set a subscription sees: as a predicate that is part of every query (never applied
 * afterwards), and as a lookup of one row by key.
 */
public record TenantScope<T>(Visibility<T> visibleTo, Lookup<T> find) {

    @FunctionalInterface
    public interface Visibility<T> {
        Predicate of(UUID subscriptionId, Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb);
    }

    @FunctionalInterface
    public interface Lookup<T> {
        Optional<T> find(UUID subscriptionId, UUID id, UUID stampId);
    }

    /** Rows whose {@code subscriptionId} attribute is the subscription's. */
    public static <T> Visibility<T> ownedRows() {
        return (subscriptionId, root, query, cb) -> cb.equal(root.get("subscriptionId"), subscriptionId);
    }

    /**
     * Rows a grant table gives the subscription: an EXISTS on a grant entity whose embedded {@code key} holds
     * {@code subscriptionId}, {@code stampId} and the granted object's id under {@code grantedIdAttribute}.
     */
    public static <T> Visibility<T> grantedRows(Class<?> grantEntity, String grantedIdAttribute) {
        return (subscriptionId, root, query, cb) -> {
            Subquery<Integer> grant = query.subquery(Integer.class);
            Root<?> g = grant.from(grantEntity);
            grant.select(cb.literal(1)).where(
                    cb.equal(g.get("key").get("subscriptionId"), subscriptionId),
                    cb.equal(g.get("key").get(grantedIdAttribute), root.get("id")),
                    cb.equal(g.get("key").get("stampId"), root.get("stampId")));
            return cb.exists(grant);
        };
    }
}
