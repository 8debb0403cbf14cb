package io.localpack.vmm.odata;

import io.localpack.vmm.common.CustomProperty;
import io.localpack.vmm.common.ServiceSetting;
import io.localpack.vmm.common.UserAndRole;
import java.util.List;
import org.apache.olingo.commons.api.data.ComplexValue;

/** Wire forms of the complex types several VMM entities share. */
public final class CommonValues {

    private CommonValues() {
    }

    public static ComplexValue userAndRole(UserAndRole value) {
        return EntityWriter.complex()
                .primitive("UserName", value == null ? null : value.getUserName())
                .primitive("RoleName", value == null ? null : value.getRoleName())
                .primitive("RoleID", value == null ? null : value.getRoleId())
                .toComplex();
    }

    public static List<ComplexValue> userAndRoles(List<UserAndRole> values) {
        return values.stream().map(CommonValues::userAndRole).toList();
    }

    /** An encrypted or secure setting never shows its value. */
    public static List<ComplexValue> serviceSettings(List<ServiceSetting> settings) {
        return settings.stream().map(s -> EntityWriter.complex()
                .primitive("Name", s.getName())
                .primitive("Description", s.getDescription())
                .primitive("Value", Boolean.TRUE.equals(s.getHasEncryptedValue()) || Boolean.TRUE.equals(s.getSecure())
                        ? null : s.getValue())
                .primitive("Mandatory", s.getMandatory())
                .primitive("HasEncryptedValue", s.getHasEncryptedValue())
                .primitive("IsSecure", s.getSecure())
                .primitive("GlobalSettingType", s.getGlobalSettingType())
                .toComplex()).toList();
    }

    public static List<ComplexValue> customProperties(List<CustomProperty> properties) {
        return properties.stream().map(p -> EntityWriter.complex()
                .primitive("Name", p.getName())
                .primitive("Value", p.getValue())
                .toComplex()).toList();
    }
}
