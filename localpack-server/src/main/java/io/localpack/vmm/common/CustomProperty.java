package io.localpack.vmm.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** VMM.CustomProperty: a name/value pair an administrator attached to a VMM object. */
@Embeddable
public class CustomProperty {

    private String name;

    @Column(name = "property_value")
    private String value;

    protected CustomProperty() {
    }

    public CustomProperty(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
