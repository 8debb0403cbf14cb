package io.localpack.admin.ui;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;

/**
 * A {@link ResourceKind} stored as a JPA entity: lists are Spring Data slices of a {@link Specification} (a LIMIT
 * query with one extra row to tell whether more follow; no COUNT over a table of a million rows), filtered by
 * subscription, name and state in the database. A kind names its entity, its columns and how a row reads.
 */
public abstract class JpaResourceKind<T> implements ResourceKind {

    private final SimpleJpaRepository<T, ?> repository;

    protected JpaResourceKind(Class<T> type, EntityManager entityManager) {
        this.repository = new SimpleJpaRepository<>(type, entityManager);
    }

    /** The entity's subscription attribute ({@code subscriptionId}); null for shared rows granted by a grant table. */
    protected abstract String subscriptionAttribute();

    protected abstract String nameAttribute();

    /** The attribute the list's state filter compares with; null when the kind has no state. */
    protected abstract String stateAttribute();

    protected abstract ResourceRow row(T entity, UUID subscription);

    /** The resource by id within a subscription. */
    protected abstract Optional<ResourceDetail.Builder> detail(T entity, UUID subscription);

    /** The condition for "granted to / owned by this subscription"; the default compares the subscription attribute. */
    protected Specification<T> ofSubscription(UUID subscription) {
        return (root, query, cb) -> cb.equal(root.get(subscriptionAttribute()), subscription);
    }

    /** The condition for "this id" ({@code id} by default, a GUID). */
    protected Specification<T> withId(String id) {
        UUID uuid = UUID.fromString(id);
        return (root, query, cb) -> cb.equal(root.get("id"), uuid);
    }

    /**
     * Within a subscription the list is ordered by name (an index on subscription and name serves it); across all
     * subscriptions by id, the primary key, so that the first page of a million rows needs no sort.
     */
    protected Sort order(ResourceQuery query) {
        return query.subscription() != null ? Sort.by(nameAttribute(), "id") : Sort.by("id");
    }

    @Override
    public Slice<ResourceRow> list(ResourceQuery query) {
        Specification<T> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.hasText()) {
                Expression<String> name = cb.lower(root.get(nameAttribute()));
                where.add(cb.like(name, query.likePattern(), '\\'));
            }
            if (query.hasState() && stateAttribute() != null) {
                where.add(cb.equal(root.get(stateAttribute()), query.state()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        if (query.subscription() != null) {
            spec = spec.and(ofSubscription(query.subscription()));
        }
        PageRequest page = PageRequest.of(query.page(), query.size(), order(query));
        return repository.findBy(spec, f -> f.slice(page)).map(entity -> row(entity, query.subscription()));
    }

    @Override
    public Optional<ResourceDetail.Builder> find(UUID subscription, String id) {
        Specification<T> spec;
        try {
            spec = withId(id).and(ofSubscription(subscription));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an id of this kind: as a missing one
        }
        return repository.findBy(spec, f -> f.first()).flatMap(entity -> detail(entity, subscription));
    }

    /** A "text" helper for cells: null shows as empty. */
    protected static String text(Object value) {
        return value == null ? "" : value.toString();
    }

}
