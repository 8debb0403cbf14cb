package io.localpack.vmm.vm;

import java.util.Locale;

/**
 * A guest operating system as VMM.OperatingSystem describes it, derived from the name VMM shows (e.g. "Windows Server
 * 2012 R2 Datacenter", "Ubuntu Linux 14.04 (64 bit)"); LocalPack stores only the name.
 */
public record GuestOperatingSystem(String name, String osType, String edition, String version, String architecture) {

    /** The description of the named system; null for no name. */
    public static GuestOperatingSystem named(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean windows = lower.contains("windows");
        String edition = !windows ? null : lower.endsWith("datacenter") ? "Datacenter"
                : lower.endsWith("standard") ? "Standard" : null;
        String version = lower.contains("2012 r2") ? "6.3.9600" : lower.contains("2012") ? "6.2.9200"
                : lower.contains("2008 r2") ? "6.1.7601" : null;
        return new GuestOperatingSystem(name, windows ? "Windows" : "Linux", edition, version, "amd64");
    }

    public String productType() {
        return "Windows".equals(osType) ? "Server" : null;
    }
}
