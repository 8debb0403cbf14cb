package io.localpack.vmm.quota;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subscription's quota in a cloud and what it uses of it now, computed by the database from its VMs (the view
 * {@code quota_and_usage_components}): the one source of the figures {@code QuotaAndUsageComponents} shows and of the
 * check that refuses a create over quota.
 */
@Component
public class CloudQuotas {

    private final QuotaAndUsageComponentRepository components;

    public CloudQuotas(QuotaAndUsageComponentRepository components) {
        this.components = components;
    }

    /** Limit (null: unlimited) and usage of one dimension. */
    /** Disk capacity as the StorageGB quota counts it: bytes in whole GB, rounded up (as the quota view does). */
    public static long storageGb(long bytes) {
        return (bytes + (1L << 30) - 1) >> 30;
    }

    public record Allowance(Integer limit, long used) {

        /** Whether {@code more} can be added without going over the limit. */
        public boolean allows(long more) {
            return limit == null || used + more <= limit;
        }
    }

    /** The usage now, dimension by dimension; a dimension without a quota row is unlimited with no usage counted. */
    @Transactional(readOnly = true)
    public Map<QuotaDimension, Allowance> usage(UUID subscriptionId, UUID cloudId, UUID stampId) {
        Map<QuotaDimension, Allowance> usage = new EnumMap<>(QuotaDimension.class);
        for (QuotaAndUsageComponent component : components.findByCloud(subscriptionId, cloudId, stampId)) {
            QuotaDimension dimension = QuotaDimension.valueOf(component.getQuotaDimension());
            long used = component.getUserRoleUsage() == null ? 0 : component.getUserRoleUsage();
            usage.put(dimension, new Allowance(component.getUserRoleQuota(), used));
        }
        return usage;
    }

    /**
     * The first dimension a new VM of this size would take over quota, or null when it fits.
     *
     * @param storageGb the new VM's disk capacity in GB (maximum sizes, rounded up)
     */
    @Transactional(readOnly = true)
    public QuotaDimension exceededBy(UUID subscriptionId, UUID cloudId, UUID stampId, int cpuCount, int memoryMb,
            long storageGb) {
        return exceededBy(subscriptionId, cloudId, stampId, 1, cpuCount, memoryMb, storageGb);
    }

    /**
     * The first dimension {@code vmCount} new VMs would take over quota together, or null when they fit (a VM Role's
     * instances, all of one size).
     */
    @Transactional(readOnly = true)
    public QuotaDimension exceededBy(UUID subscriptionId, UUID cloudId, UUID stampId, int vmCount, long cpuCount,
            long memoryMb, long storageGb) {
        Map<QuotaDimension, Allowance> usage = usage(subscriptionId, cloudId, stampId);
        Map<QuotaDimension, Long> wanted = Map.of(QuotaDimension.VMCount, (long) vmCount, QuotaDimension.CpuCount,
                cpuCount, QuotaDimension.MemoryMB, memoryMb, QuotaDimension.StorageGB, storageGb);
        for (QuotaDimension dimension : QuotaDimension.values()) {
            Allowance allowance = usage.get(dimension);
            if (allowance != null && !allowance.allows(wanted.get(dimension))) {
                return dimension;
            }
        }
        return null;
    }
}
