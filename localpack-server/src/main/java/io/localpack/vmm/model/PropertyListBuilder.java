package io.localpack.vmm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/**
 * Declares properties in wire order. Each call adds one property; {@link #queryable} and {@link #writable} qualify the
 * property added last.
 *
 * @param <S> what the values are read from
 * @param <B> the concrete builder, so chains keep their type
 */
public abstract class PropertyListBuilder<S, B extends PropertyListBuilder<S, B>> {

    final List<PropertyDeclaration<S>> properties = new ArrayList<>();

    /** A key property: a GUID that is never null. */
    public B key(String name, Function<S, ?> value) {
        return add(new PropertyDeclaration<>(name, Primitives.GUID, null, false, false, true, ignoring(value), null,
                false));
    }

    /** A nullable primitive property. */
    public B property(String name, EdmPrimitiveTypeKind type, Function<S, ?> value) {
        return add(new PropertyDeclaration<>(name, type, null, false, true, false, ignoring(value), null, false));
    }

    /** A nullable complex property; {@code value} gives the source its members are read from. */
    public <V> B complex(String name, ComplexTypeDeclaration<V> type, Function<S, ? extends V> value) {
        return add(new PropertyDeclaration<>(name, null, type, false, true, false, ignoring(value), null, false));
    }

    /** A collection of complex values: never null in SPF's model, absent reads as empty. */
    public <V> B complexCollection(String name, ComplexTypeDeclaration<V> type,
            Function<S, ? extends List<? extends V>> value) {
        return complexCollection(name, type, (source, subscriptionId) -> value.apply(source));
    }

    /** A collection whose elements depend on the subscription reading it. */
    public <V> B complexCollection(String name, ComplexTypeDeclaration<V> type,
            BiFunction<S, UUID, ? extends List<? extends V>> value) {
        return add(new PropertyDeclaration<>(name, null, type, true, false, false, value, null, false));
    }

    /** A collection of primitive values (e.g. a NIC's IPv4Addresses): never null in SPF's model, absent reads as empty. */
    public B primitiveCollection(String name, EdmPrimitiveTypeKind type, Function<S, ? extends List<?>> value) {
        return add(new PropertyDeclaration<>(name, type, null, true, false, false, ignoring(value), null, false));
    }

    /**
     * $filter and $orderby may use the property added last, through this JPA attribute path; for a complex property,
     * the members its type maps to attributes of the embeddable.
     */
    public B queryable(String attribute) {
        return replaceLast(last().withAttribute(attribute));
    }

    /** A tenant's create or update may set the property added last. */
    public B writable() {
        return replaceLast(last().asWritable());
    }

    private PropertyDeclaration<S> last() {
        if (properties.isEmpty()) {
            throw new IllegalStateException("Declare a property first");
        }
        return properties.get(properties.size() - 1);
    }

    private B replaceLast(PropertyDeclaration<S> property) {
        properties.set(properties.size() - 1, property);
        return self();
    }

    private B add(PropertyDeclaration<S> property) {
        if (properties.stream().anyMatch(p -> p.name().equals(property.name()))) {
            throw new IllegalStateException("Property " + property.name() + " is declared twice");
        }
        properties.add(property);
        return self();
    }

    private static <S> BiFunction<S, UUID, ?> ignoring(Function<S, ?> value) {
        return (source, subscriptionId) -> value.apply(source);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
