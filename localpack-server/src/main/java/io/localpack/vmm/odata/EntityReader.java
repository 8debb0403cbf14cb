package io.localpack.vmm.odata;

import io.localpack.vmm.common.VmmRequestException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;

/** Reads the members of a deserialized request entity; an absent or null member reads as null. */
public final class EntityReader {

    private final List<Property> properties;
    private final String path;

    private EntityReader(List<Property> properties, String path) {
        this.properties = properties;
        this.path = path;
    }

    public static EntityReader of(Entity entity) {
        return new EntityReader(entity.getProperties(), "");
    }

    public static EntityReader of(ComplexValue value, String path) {
        return new EntityReader(value.getValue(), path + ".");
    }

    public Object value(String name) {
        for (Property property : properties) {
            if (property.getName().equals(name)) {
                return property.getValue();
            }
        }
        return null;
    }

    public String string(String name) {
        Object value = value(name);
        return value == null ? null : value.toString();
    }

    public UUID guid(String name) {
        return (UUID) value(name);
    }

    public Boolean bool(String name) {
        return (Boolean) value(name);
    }

    public ZonedDateTime dateTime(String name) {
        return (ZonedDateTime) value(name);
    }

    public EntityReader complex(String name) {
        Object value = value(name);
        return value instanceof ComplexValue complex ? of(complex, path + name) : null;
    }

    @SuppressWarnings("unchecked")
    public List<ComplexValue> complexCollection(String name) {
        Object value = value(name);
        return value == null ? List.of() : (List<ComplexValue>) value;
    }

    public String pathOf(String name) {
        return path + name;
    }

    /** A GUID the client may send as all zeros to mean "none" (SPF clients do for server-assigned ids). */
    public static boolean isEmptyGuid(UUID value) {
        return value == null || (value.getMostSignificantBits() == 0 && value.getLeastSignificantBits() == 0);
    }

    public static VmmRequestException invalid(String message) {
        return VmmRequestException.invalid(message);
    }
}
