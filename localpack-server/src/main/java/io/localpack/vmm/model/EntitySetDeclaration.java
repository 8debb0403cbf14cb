package io.localpack.vmm.model;

import io.localpack.vmm.common.VmmKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.edm.FullQualifiedName;

/**
 * Everything LocalPack knows about one VMM entity set, said once: its entity type's properties in wire order, its key,
 * navigations and tenant scope, and optionally how tenants write to it. The $metadata of both dialects, the SQL of
 * $filter and $orderby and the serialization of rows all follow from it. Each declaration is a Spring bean; the
 * bean order (@Order) is the order of the sets and types in $metadata.
 *
 * @param <T> the JPA entity the set's rows are stored as
 */
public final class EntitySetDeclaration<T> {

    public static final String NAMESPACE = "VMM";

    private final String name;
    private final FullQualifiedName typeName;
    private final Class<T> jpaType;
    private final List<PropertyDeclaration<T>> properties;
    private final List<NavigationDeclaration<T>> navigations;
    private final List<ComplexTypeDeclaration<?>> complexTypes;
    private final TenantScope<T> scope;
    private final WritableEntitySet writes;
    private final PolledForStatus statusReads;
    private final Map<String, String> queryableProperties;
    private final List<PropertyDeclaration<T>> keys;

    private EntitySetDeclaration(Builder<T> builder) {
        this.name = builder.name;
        this.typeName = new FullQualifiedName(NAMESPACE, builder.typeName);
        this.jpaType = builder.jpaType;
        this.properties = List.copyOf(builder.properties);
        this.navigations = List.copyOf(builder.navigations);
        this.complexTypes = List.copyOf(builder.complexTypes);
        this.scope = builder.scope;
        this.writes = builder.writes;
        this.statusReads = builder.statusReads;
        this.queryableProperties = queryable(properties);
        this.keys = properties.stream().filter(PropertyDeclaration::key).toList();
        if (!keys.stream().map(PropertyDeclaration::name).toList().equals(List.of("ID", "StampId")) || scope == null) {
            throw new IllegalStateException(name + " needs the keys ID and StampId, in that order, and a tenant scope");
        }
        if (writes == null && properties.stream().anyMatch(PropertyDeclaration::writable)) {
            throw new IllegalStateException(name + " declares writable properties but no writes");
        }
    }

    public static <T> Builder<T> builder(String name, String typeName, Class<T> jpaType) {
        return new Builder<>(name, typeName, jpaType);
    }

    public String name() {
        return name;
    }

    public FullQualifiedName typeName() {
        return typeName;
    }

    public Class<T> jpaType() {
        return jpaType;
    }

    public List<PropertyDeclaration<T>> properties() {
        return properties;
    }

    public List<NavigationDeclaration<T>> navigations() {
        return navigations;
    }

    public Optional<NavigationDeclaration<T>> navigation(String name) {
        return navigations.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Complex types this set brings to the schema, in their $metadata order (others follow from the properties). */
    public List<ComplexTypeDeclaration<?>> complexTypes() {
        return complexTypes;
    }

    public TenantScope<T> scope() {
        return scope;
    }

    /** How tenants create, update and delete in the set; empty for a read-only set. */
    public Optional<WritableEntitySet> writes() {
        return Optional.ofNullable(writes);
    }

    /** Who hears of status reads, for sets clients poll; empty for the others. */
    public Optional<PolledForStatus> statusReads() {
        return Optional.ofNullable(statusReads);
    }

    /**
     * OData property paths ("Name", "Owner/UserName") $filter and $orderby may use, to JPA attribute paths ("name",
     * "owner.userName").
     */
    public Map<String, String> queryableProperties() {
        return queryableProperties;
    }

    /** The wire form of one row, its properties in declaration order. */
    public Entity toEntity(T row, UUID subscriptionId) {
        Entity entity = new Entity();
        entity.setType(typeName.getFullQualifiedNameAsString());
        for (PropertyDeclaration<T> property : properties) {
            entity.getProperties().add(property.toWire(row, subscriptionId));
        }
        return entity;
    }

    public VmmKey keyOf(T row) {
        return new VmmKey((UUID) keys.get(0).value().apply(row, null), (UUID) keys.get(1).value().apply(row, null));
    }

    private static <T> Map<String, String> queryable(List<PropertyDeclaration<T>> properties) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (PropertyDeclaration<T> property : properties) {
            if (!property.queryable()) {
                continue;
            }
            if (property.complex() == null) {
                paths.put(property.name(), property.attribute());
            } else {
                for (PropertyDeclaration<?> member : property.complex().members()) {
                    if (member.queryable()) {
                        paths.put(property.name() + "/" + member.name(),
                                property.attribute() + "." + member.attribute());
                    }
                }
            }
        }
        return Map.copyOf(paths);
    }

    public static final class Builder<T> extends PropertyListBuilder<T, Builder<T>> {

        private final String name;
        private final String typeName;
        private final Class<T> jpaType;
        private final List<NavigationDeclaration<T>> navigations = new ArrayList<>();
        private final List<ComplexTypeDeclaration<?>> complexTypes = new ArrayList<>();
        private TenantScope<T> scope;
        private WritableEntitySet writes;
        private PolledForStatus statusReads;

        private Builder(String name, String typeName, Class<T> jpaType) {
            this.name = name;
            this.typeName = typeName;
            this.jpaType = jpaType;
        }

        /** A single-valued navigation to {@code targetSet}; {@code key} gives null when there is no related entity. */
        public Builder<T> navigation(String name, String targetSet, Function<T, VmmKey> key) {
            navigations.add(new NavigationDeclaration<>(name, targetSet, key, null));
            return this;
        }

        /** A collection-valued navigation: the rows of {@code targetSet} whose attributes have these values. */
        public Builder<T> collectionNavigation(String name, String targetSet,
                Function<T, Map<String, Object>> constraints) {
            navigations.add(new NavigationDeclaration<>(name, targetSet, null, constraints));
            return this;
        }

        public Builder<T> complexTypes(ComplexTypeDeclaration<?>... types) {
            complexTypes.addAll(List.of(types));
            return this;
        }

        public Builder<T> scope(TenantScope.Visibility<T> visibleTo, TenantScope.Lookup<T> find) {
            this.scope = new TenantScope<>(visibleTo, find);
            return this;
        }

        public Builder<T> writes(WritableEntitySet writes) {
            this.writes = writes;
            return this;
        }

        public Builder<T> statusReads(PolledForStatus statusReads) {
            this.statusReads = statusReads;
            return this;
        }

        public EntitySetDeclaration<T> build() {
            return new EntitySetDeclaration<>(this);
        }
    }
}
