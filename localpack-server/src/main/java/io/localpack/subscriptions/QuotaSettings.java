package io.localpack.subscriptions;

import io.localpack.subscriptions.Models.CloudGrant;
import io.localpack.subscriptions.Models.QuotaLimits;
import io.localpack.subscriptions.Models.Setting;
import java.util.List;

/**
 * The quota settings a plan gives each resource provider, as WAP carries them in {@code ServiceQuotas[].Settings}
 * and {@code Services[].BaseQuotaSettings}: for {@code systemcenter} a {@code Clouds} value in the XML WAP's admin
 * API shows ({@code <Clouds><Cloud Id StampId><Quota><RoleVMCount>…}); for {@code cloudservices} the number of
 * cloud services. Unlimited figures are left out, as VMM leaves an unlimited role quota unset.
 */
public final class QuotaSettings {

    private QuotaSettings() {
    }

    public static List<Setting> of(String service, List<CloudGrant> clouds, QuotaLimits limits) {
        if (Models.SYSTEM_CENTER.equals(service)) {
            StringBuilder xml = new StringBuilder("<Clouds>");
            for (CloudGrant cloud : clouds) {
                xml.append("<Cloud Id=\"").append(cloud.cloudId()).append("\" StampId=\"").append(cloud.stampId())
                        .append("\"><Quota>");
                element(xml, "RoleVMCount", limits.virtualMachines());
                element(xml, "RoleCPUCount", limits.cores());
                element(xml, "RoleMemoryMB", limits.memoryMb());
                xml.append("</Quota></Cloud>");
            }
            return List.of(new Setting("Clouds", xml.append("</Clouds>").toString()));
        }
        if (Models.CLOUD_SERVICES.equals(service) && limits.cloudServices() != null) {
            return List.of(new Setting("CloudServices", String.valueOf(limits.cloudServices())));
        }
        return List.of();
    }

    /** How WAP's portal names each resource provider. */
    public static String displayName(String service) {
        return switch (service) {
            case Models.SYSTEM_CENTER -> "Virtual Machine Clouds";
            case Models.CLOUD_SERVICES -> "Cloud Services";
            default -> service;
        };
    }

    private static void element(StringBuilder xml, String name, Integer value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        }
    }
}
