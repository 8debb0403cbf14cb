package io.localpack.vmm.odata;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;

/** Builds Olingo entities and complex values property by property, in the order the schema declares them. */
public final class EntityWriter {

    private final Entity entity;
    private final ComplexValue complexValue;
    private final List<Property> properties;

    private EntityWriter(Entity entity, ComplexValue complexValue) {
        this.entity = entity;
        this.complexValue = complexValue;
        this.properties = entity != null ? entity.getProperties() : complexValue.getValue();
    }

    public static EntityWriter entity(String type) {
        Entity entity = new Entity();
        entity.setType(type);
        return new EntityWriter(entity, null);
    }

    public static EntityWriter complex() {
        return new EntityWriter(null, new ComplexValue());
    }

    public EntityWriter primitive(String name, Object value) {
        Object wire = value instanceof OffsetDateTime time ? time.toZonedDateTime() : value;
        properties.add(new Property(null, name, ValueType.PRIMITIVE, wire));
        return this;
    }

    public EntityWriter complex(String name, ComplexValue value) {
        properties.add(new Property(null, name, ValueType.COMPLEX, value));
        return this;
    }

    public EntityWriter complexCollection(String name, List<ComplexValue> values) {
        properties.add(new Property(null, name, ValueType.COLLECTION_COMPLEX, values));
        return this;
    }

    public EntityWriter id(URI id) {
        entity.setId(id);
        return this;
    }

    public Entity toEntity() {
        return entity;
    }

    public ComplexValue toComplex() {
        return complexValue;
    }

    /** The canonical V4 key segment of a VMM entity. */
    public static String keySegment(String entitySet, UUID id, UUID stampId) {
        return entitySet + "(ID=" + id + ",StampId=" + stampId + ")";
    }
}
