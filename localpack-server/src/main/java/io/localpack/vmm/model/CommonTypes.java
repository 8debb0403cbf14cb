package io.localpack.vmm.model;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.CustomProperty;
import io.localpack.vmm.common.ServiceSetting;
import io.localpack.vmm.common.UserAndRole;

/** The complex types several VMM entity types share, over the embeddables in {@code vmm.common}. */
public final class CommonTypes {

    public static final ComplexTypeDeclaration<UserAndRole> USER_AND_ROLE =
            ComplexTypeDeclaration.builder("UserAndRole", UserAndRole.class)
                    .property("UserName", STRING, UserAndRole::getUserName).queryable("userName")
                    .property("RoleName", STRING, UserAndRole::getRoleName).queryable("roleName")
                    .property("RoleID", GUID, UserAndRole::getRoleId).queryable("roleId")
                    .build();

    /** An encrypted or secure setting never shows its value. */
    public static final ComplexTypeDeclaration<ServiceSetting> SERVICE_SETTING =
            ComplexTypeDeclaration.builder("ServiceSetting", ServiceSetting.class)
                    .property("Name", STRING, ServiceSetting::getName)
                    .property("Description", STRING, ServiceSetting::getDescription)
                    .property("Value", STRING, s -> Boolean.TRUE.equals(s.getHasEncryptedValue())
                            || Boolean.TRUE.equals(s.getSecure()) ? null : s.getValue())
                    .property("Mandatory", BOOLEAN, ServiceSetting::getMandatory)
                    .property("HasEncryptedValue", BOOLEAN, ServiceSetting::getHasEncryptedValue)
                    .property("IsSecure", BOOLEAN, ServiceSetting::getSecure)
                    .property("GlobalSettingType", STRING, ServiceSetting::getGlobalSettingType)
                    .build();

    public static final ComplexTypeDeclaration<CustomProperty> CUSTOM_PROPERTY =
            ComplexTypeDeclaration.builder("CustomProperty", CustomProperty.class)
                    .property("Name", STRING, CustomProperty::getName)
                    .property("Value", STRING, CustomProperty::getValue)
                    .build();

    private CommonTypes() {
    }
}
