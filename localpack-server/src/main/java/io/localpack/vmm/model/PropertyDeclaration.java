package io.localpack.vmm.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;

/**
 * One wire property of an entity or complex type: its name and Edm type, where its value comes from, and what a tenant
 * may do with it.
 *
 * @param <S> what the value is read from: the JPA row of an entity, or the source object of a complex value
 * @param primitive the Edm primitive type, or null for a complex property
 * @param complex the complex type, or null for a primitive property
 * @param collection a collection of complex values, or of primitive values when {@code primitive} is set
 * @param value the value of the property for a source and the subscription reading it
 * @param attribute the JPA attribute path $filter and $orderby use; null when they may not use the property
 * @param writable whether a tenant's create or update may set the property
 */
public record PropertyDeclaration<S>(String name, EdmPrimitiveTypeKind primitive, ComplexTypeDeclaration<?> complex,
        boolean collection, boolean nullable, boolean key, BiFunction<S, UUID, ?> value, String attribute,
        boolean writable) {

    public FullQualifiedName typeName() {
        return complex != null ? complex.name() : primitive.getFullQualifiedName();
    }

    public boolean queryable() {
        return attribute != null;
    }

    PropertyDeclaration<S> withAttribute(String attribute) {
        return new PropertyDeclaration<>(name, primitive, complex, collection, nullable, key, value, attribute,
                writable);
    }

    PropertyDeclaration<S> asWritable() {
        return new PropertyDeclaration<>(name, primitive, complex, collection, nullable, key, value, attribute, true);
    }

    /** The property as Olingo serializes it; a null source (an absent complex value) gives null members. */
    Property toWire(S source, UUID subscriptionId) {
        Object raw = source == null ? null : value.apply(source, subscriptionId);
        if (complex == null && collection) {
            List<?> elements = raw == null ? List.of() : (List<?>) raw;
            return new Property(null, name, ValueType.COLLECTION_PRIMITIVE,
                    elements.stream().map(PropertyDeclaration::wirePrimitive).toList());
        }
        if (complex == null) {
            return new Property(null, name, ValueType.PRIMITIVE, wirePrimitive(raw));
        }
        if (!collection) {
            return new Property(null, name, ValueType.COMPLEX, complex.toWire(raw, subscriptionId));
        }
        List<?> elements = raw == null ? List.of() : (List<?>) raw;
        return new Property(null, name, ValueType.COLLECTION_COMPLEX,
                elements.stream().map(element -> complex.toWire(element, subscriptionId)).toList());
    }

    private static Object wirePrimitive(Object value) {
        return value instanceof OffsetDateTime time ? time.toZonedDateTime() : value;
    }
}
