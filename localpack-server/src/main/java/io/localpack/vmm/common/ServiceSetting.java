package io.localpack.vmm.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** VMM.ServiceSetting: a setting of a service template or of a deployed service. */
@Embeddable
public class ServiceSetting {

    private String name;
    private String description;

    @Column(name = "setting_value")
    private String value;

    private Boolean mandatory;

    @Column(name = "has_encrypted_value")
    private Boolean hasEncryptedValue;

    @Column(name = "is_secure")
    private Boolean secure;

    @Column(name = "global_setting_type")
    private String globalSettingType;

    protected ServiceSetting() {
    }

    public ServiceSetting(String name, String description, String value, Boolean mandatory,
            Boolean hasEncryptedValue, Boolean secure, String globalSettingType) {
        this.name = name;
        this.description = description;
        this.value = value;
        this.mandatory = mandatory;
        this.hasEncryptedValue = hasEncryptedValue;
        this.secure = secure;
        this.globalSettingType = globalSettingType;
    }

    /** The same setting with another value; an encrypted input value is kept but flagged, as VMM does. */
    public ServiceSetting withValue(String newValue, boolean encrypted) {
        return new ServiceSetting(name, description, newValue, mandatory, encrypted || Boolean.TRUE.equals(hasEncryptedValue),
                secure, globalSettingType);
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getValue() {
        return value;
    }

    public Boolean getMandatory() {
        return mandatory;
    }

    public Boolean getHasEncryptedValue() {
        return hasEncryptedValue;
    }

    public Boolean getSecure() {
        return secure;
    }

    public String getGlobalSettingType() {
        return globalSettingType;
    }
}
