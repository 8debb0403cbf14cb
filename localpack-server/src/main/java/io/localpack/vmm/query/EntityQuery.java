package io.localpack.vmm.query;

import io.localpack.vmm.model.EntitySetDeclaration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * One read of an entity set as SQL: the subscription's rows, the {@code $filter}, the {@code $orderby} (with the key
 * as tie-breaker so pages are stable) and a window of rows. Nothing is filtered or sorted in memory. NULL sorts as
 * the smallest value on every database (first ascending, last descending), so keyset pages agree with the order.
 */
public final class EntityQuery<T> {

    private final EntityManager entityManager;
    private final EntitySetDeclaration<T> entitySet;
    private final UUID subscriptionId;
    private final FilterOption filter;
    private final OrderByOption orderBy;
    private final Map<String, Object> constraints;

    public EntityQuery(EntityManager entityManager, EntitySetDeclaration<T> entitySet, UUID subscriptionId,
            FilterOption filter, OrderByOption orderBy) {
        this(entityManager, entitySet, subscriptionId, filter, orderBy, Map.of());
    }

    /** @param constraints JPA attribute values every row must have (the rows a navigation property reaches) */
    public EntityQuery(EntityManager entityManager, EntitySetDeclaration<T> entitySet, UUID subscriptionId,
            FilterOption filter, OrderByOption orderBy, Map<String, Object> constraints) {
        this.entityManager = entityManager;
        this.entitySet = entitySet;
        this.subscriptionId = subscriptionId;
        this.filter = filter;
        this.orderBy = orderBy;
        this.constraints = constraints;
    }

    /** A row with the values of its sort keys: the {@code $orderby} properties, then the entity key. */
    public record Keyed<T>(T row, List<Object> sortKeys) {
    }

    /** Rows {@code offset} to {@code offset + limit}. */
    public List<T> rows(int offset, int limit) throws ODataApplicationException {
        return page(offset, null, limit).stream().map(Keyed::row).toList();
    }

    /**
     * Up to {@code limit} rows after the row whose sort keys were {@code after} (keyset paging; null: from the start,
     * skipping {@code offset} rows).
     */
    public List<Keyed<T>> page(int offset, List<Object> after, int limit) throws ODataApplicationException {
        HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<T> root = query.from(entitySet.jpaType());
        FilterTranslator translator = new FilterTranslator(cb, root, entitySet.queryableProperties());
        List<SortKey> keys = sortKeys(root, translator);
        List<Selection<?>> selected = new ArrayList<>();
        selected.add(root);
        keys.forEach(key -> selected.add(key.expression()));
        Predicate where = where(cb, query, root, translator);
        if (after != null) {
            where = cb.and(where, after(cb, keys, after, 0));
        }
        List<Order> order = keys.stream().map(key -> (Order) (key.descending()
                ? cb.desc(key.expression(), false) : cb.asc(key.expression(), true))).toList();
        query.multiselect(selected).where(where).orderBy(order);
        List<Keyed<T>> page = new ArrayList<>();
        for (Tuple tuple : entityManager.createQuery(query).setFirstResult(after == null ? offset : 0)
                .setMaxResults(limit).getResultList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < selected.size(); i++) {
                values.add(tuple.get(i));
            }
            page.add(new Keyed<>(entitySet.jpaType().cast(tuple.get(0)), values));
        }
        return page;
    }

    /** The Java types of the sort keys, as a skip token must carry them. */
    public List<Class<?>> sortKeyTypes() throws ODataApplicationException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        Root<T> root = cb.createQuery(entitySet.jpaType()).from(entitySet.jpaType());
        List<Class<?>> types = new ArrayList<>();
        for (SortKey key : sortKeys(root, new FilterTranslator(cb, root, entitySet.queryableProperties()))) {
            types.add(key.expression().getJavaType());
        }
        return types;
    }

    /** How many rows match, ignoring any window. */
    public long count() throws ODataApplicationException {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<T> root = query.from(entitySet.jpaType());
        FilterTranslator translator = new FilterTranslator(cb, root, entitySet.queryableProperties());
        query.select(cb.count(root)).where(where(cb, query, root, translator));
        return entityManager.createQuery(query).getSingleResult();
    }

    private Predicate where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<T> root, FilterTranslator translator)
            throws ODataApplicationException {
        List<Predicate> all = new ArrayList<>();
        all.add(entitySet.scope().visibleTo().of(subscriptionId, root, query, cb));
        constraints.forEach((attribute, value) -> all.add(cb.equal(root.get(attribute), value)));
        if (filter != null) {
            all.add(translator.predicate(filter.getExpression()));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private record SortKey(Expression<?> expression, boolean descending) {
    }

    private List<SortKey> sortKeys(Root<T> root, FilterTranslator translator) throws ODataApplicationException {
        List<SortKey> keys = new ArrayList<>();
        if (orderBy != null) {
            for (OrderByItem item : orderBy.getOrders()) {
                keys.add(new SortKey(translator.sortKey(item.getExpression()), item.isDescending()));
            }
        }
        keys.add(new SortKey(root.get("id"), false));
        keys.add(new SortKey(root.get("stampId"), false));
        return keys;
    }

    /**
     * Rows after {@code values} in the order of {@code keys[from..]}: a greater first key, or an equal one and rows
     * after on the next keys. NULL is the smallest value.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate after(CriteriaBuilder cb, List<SortKey> keys, List<Object> values, int from) {
        SortKey key = keys.get(from);
        Expression<Comparable> expression = (Expression<Comparable>) key.expression();
        Comparable value = (Comparable) values.get(from);
        Predicate beyond;
        if (!key.descending()) {
            beyond = value == null ? cb.isNotNull(expression) : cb.greaterThan(expression, value);
        } else {
            beyond = value == null ? cb.disjunction()
                    : cb.or(cb.lessThan(expression, value), cb.isNull(expression));
        }
        if (from == keys.size() - 1) {
            return beyond;
        }
        Predicate same = value == null ? cb.isNull(expression) : cb.equal(expression, value);
        return cb.or(beyond, cb.and(same, after(cb, keys, values, from + 1)));
    }
}
