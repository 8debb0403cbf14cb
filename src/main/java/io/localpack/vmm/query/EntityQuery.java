package io.localpack.vmm.query;

import io.localpack.vmm.odata.EntitySetBinding;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;

/**
 * One read of an entity set as SQL: the subscription's rows, the {@code $filter}, the {@code $orderby} (with the key
 * as tie-breaker so pages are stable) and a window of rows. Nothing is filtered or sorted in memory.
 */
public final class EntityQuery<T> {

    private final EntityManager entityManager;
    private final EntitySetBinding<T> binding;
    private final UUID subscriptionId;
    private final FilterOption filter;
    private final OrderByOption orderBy;
    private final Map<String, Object> constraints;

    public EntityQuery(EntityManager entityManager, EntitySetBinding<T> binding, UUID subscriptionId,
            FilterOption filter, OrderByOption orderBy) {
        this(entityManager, binding, subscriptionId, filter, orderBy, Map.of());
    }

    /** @param constraints JPA attribute values every row must have (the rows a navigation property reaches) */
    public EntityQuery(EntityManager entityManager, EntitySetBinding<T> binding, UUID subscriptionId,
            FilterOption filter, OrderByOption orderBy, Map<String, Object> constraints) {
        this.entityManager = entityManager;
        this.binding = binding;
        this.subscriptionId = subscriptionId;
        this.filter = filter;
        this.orderBy = orderBy;
        this.constraints = constraints;
    }

    /** Rows {@code offset} to {@code offset + limit}. */
    public List<T> rows(int offset, int limit) throws ODataApplicationException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<T> query = cb.createQuery(binding.jpaType());
        Root<T> root = query.from(binding.jpaType());
        FilterTranslator translator = new FilterTranslator(cb, root, binding.queryableProperties());
        query.select(root).where(where(cb, query, root, translator)).orderBy(order(cb, root, translator));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many rows match, ignoring any window. */
    public long count() throws ODataApplicationException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(binding.jpaType());
        FilterTranslator translator = new FilterTranslator(cb, root, binding.queryableProperties());
        query.select(cb.count(root)).where(where(cb, query, root, translator));
        return entityManager.createQuery(query).getSingleResult();
    }

    private Predicate where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<T> root, FilterTranslator translator)
            throws ODataApplicationException {
        List<Predicate> all = new ArrayList<>();
        all.add(binding.visibleTo(subscriptionId, root, query, cb));
        constraints.forEach((attribute, value) -> all.add(cb.equal(root.get(attribute), value)));
        if (filter != null) {
            all.add(translator.predicate(filter.getExpression()));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private List<Order> order(CriteriaBuilder cb, Root<T> root, FilterTranslator translator)
            throws ODataApplicationException {
        List<Order> orders = new ArrayList<>();
        if (orderBy != null) {
            for (OrderByItem item : orderBy.getOrders()) {
                Expression<?> key = translator.sortKey(item.getExpression());
                orders.add(item.isDescending() ? cb.desc(key) : cb.asc(key));
            }
        }
        orders.add(cb.asc(root.get("id")));
        orders.add(cb.asc(root.get("stampId")));
        return orders;
    }
}
