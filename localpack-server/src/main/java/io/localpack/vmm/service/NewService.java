package io.localpack.vmm.service;

import io.localpack.vmm.common.UserAndRole;
import java.util.List;
import java.util.UUID;

/**
 * What a tenant asks for when deploying a service (POST Services). Null means "not given".
 *
 * @param settings setting values from NewServiceDeployment.ServiceConfiguration.ServiceSettings
 */
public record NewService(
        UUID stampId,
        UUID cloudId,
        UUID serviceTemplateId,
        String name,
        String description,
        String costCenter,
        String servicePriority,
        UserAndRole owner,
        Boolean ignorePlacementErrors,
        List<SettingValue> settings) {

    /** A value for one of the template's settings. */
    public record SettingValue(String name, String value, boolean encrypted) {
    }
}
