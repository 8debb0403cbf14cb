package io.localpack.vmm.odata;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import io.localpack.vmm.common.VmmKey;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;

/**
 * How one OData entity set maps onto one JPA entity: which rows a subscription sees, which properties the database can
 * filter and sort on, and how a row reads on the wire. Query options are turned into SQL from this description.
 *
 * @param <T> the JPA entity
 */
public interface EntitySetBinding<T> {

    String entitySetName();

    Class<T> jpaType();

    /**
     * OData property paths ("Name", "Owner/UserName") that the database can filter and sort on, mapped to JPA attribute
     * paths ("name", "owner.userName").
     */
    Map<String, String> queryableProperties();

    /** The rows of {@code root} the subscription may see; part of every query, never applied afterwards. */
    Predicate visibleTo(UUID subscriptionId, Root<T> root, CriteriaQuery<?> query, CriteriaBuilder cb);

    /** One row by key, only if the subscription may see it. */
    Optional<T> find(UUID subscriptionId, UUID id, UUID stampId);

    /** The wire form of one row. */
    Entity toEntity(T row, UUID subscriptionId);

    /**
     * Single-valued navigation properties: name to the key of the related entity (null when there is none). The
     * related entity is read through its own entity set's binding, so it is tenant-scoped like any read.
     */
    default Map<String, Function<T, VmmKey>> navigations() {
        return Map.of();
    }

    /**
     * Collection-valued navigation properties: name to the JPA attribute values that select the related rows in the
     * target entity set (e.g. a service's tiers: serviceId and stampId equal to the service's key).
     */
    default Map<String, Function<T, Map<String, Object>>> collectionNavigations() {
        return Map.of();
    }
}
