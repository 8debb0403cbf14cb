package io.localpack.admin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A {@link ResourceKind} of a feature that keeps its rows by SQL rather than as JPA entities (the VM Role API): the
 * same lists as {@link JpaResourceKind} (WHERE on subscription, {@code lower(name) LIKE} and state; ORDER BY name
 * within a subscription, by primary key across all; one row more than the page to know whether another follows; no
 * COUNT), written as one parameterized query that runs unchanged on H2 and PostgreSQL.
 */
abstract class SqlResourceKind<T> implements ResourceKind {

    private final NamedParameterJdbcTemplate jdbc;

    SqlResourceKind(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code SELECT … FROM …} without WHERE; the columns {@link #mapper()} reads. */
    protected abstract String selectFrom();

    protected abstract String idColumn();

    protected abstract String subscriptionColumn();

    protected abstract String nameColumn();

    /** Null when the kind has no state. */
    protected abstract String stateColumn();

    protected abstract RowMapper<T> mapper();

    protected abstract ResourceRow row(T item);

    protected abstract Optional<ResourceDetail.Builder> detail(T item, UUID subscription);

    @Override
    public Slice<ResourceRow> list(ResourceQuery query) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (query.subscription() != null) {
            where.add(subscriptionColumn() + " = :subscription");
            parameters.addValue("subscription", query.subscription());
        }
        if (query.hasText()) {
            where.add("LOWER(" + nameColumn() + ") LIKE :name ESCAPE '\\'");
            parameters.addValue("name", query.likePattern());
        }
        if (query.hasState() && stateColumn() != null) {
            where.add(stateColumn() + " = :state");
            parameters.addValue("state", query.state());
        }
        String order = query.subscription() != null ? nameColumn() + ", " + idColumn() : idColumn();
        parameters.addValue("offset", (long) query.page() * query.size()).addValue("rows", query.size() + 1);
        List<T> found = jdbc.query(selectFrom() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + " OFFSET :offset ROWS FETCH FIRST :rows ROWS ONLY", parameters, mapper());
        boolean more = found.size() > query.size();
        List<ResourceRow> rows = found.stream().limit(query.size()).map(this::row).toList();
        return new SliceImpl<>(rows, PageRequest.of(query.page(), query.size()), more);
    }

    @Override
    public Optional<ResourceDetail.Builder> find(UUID subscription, String id) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an id of this kind: as a missing one
        }
        return jdbc.query(selectFrom() + " WHERE " + idColumn() + " = :id AND " + subscriptionColumn()
                        + " = :subscription", new MapSqlParameterSource("id", key).addValue("subscription", subscription),
                mapper()).stream().findFirst().flatMap(item -> detail(item, subscription));
    }

    protected NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    protected static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
