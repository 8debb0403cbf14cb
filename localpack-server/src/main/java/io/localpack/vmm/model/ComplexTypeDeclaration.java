package io.localpack.vmm.model;

import java.util.List;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.edm.FullQualifiedName;

/**
 * A complex type of the VMM schema: its members in wire order, each read from a source object (usually the embeddable
 * that stores it). A member marked queryable maps to an attribute of that embeddable, so "Owner/UserName" filters on
 * "owner.userName" wherever an entity declares Owner queryable as "owner".
 *
 * @param <V> the source of a value of this type
 */
public record ComplexTypeDeclaration<V>(FullQualifiedName name, List<PropertyDeclaration<V>> members) {

    /** @param source the type members read from; it types the builder's value functions */
    public static <V> Builder<V> builder(String name, Class<V> source) {
        return new Builder<>(new FullQualifiedName(EntitySetDeclaration.NAMESPACE, name));
    }

    @SuppressWarnings("unchecked")
    ComplexValue toWire(Object source, UUID subscriptionId) {
        ComplexValue value = new ComplexValue();
        for (PropertyDeclaration<V> member : members) {
            value.getValue().add(member.toWire((V) source, subscriptionId));
        }
        return value;
    }

    public static final class Builder<V> extends PropertyListBuilder<V, Builder<V>> {

        private final FullQualifiedName name;

        private Builder(FullQualifiedName name) {
            this.name = name;
        }

        public ComplexTypeDeclaration<V> build() {
            return new ComplexTypeDeclaration<>(name, List.copyOf(properties));
        }
    }
}
