package io.localpack.vmm.quota;

/** The quota dimensions of a VMM cloud for a user role, by the names QuotaAndUsageComponents shows. */
public enum QuotaDimension {
    /** Virtual machines. */
    VMCount,
    /** Virtual CPUs. */
    CpuCount,
    /** Memory, MB. */
    MemoryMB,
    /** Virtual hard disk capacity (maximum sizes), GB. */
    StorageGB
}
