package io.localpack.vmm.vm;

import java.util.List;

/**
 * The machines one tier of a service template deploys. LocalPack does not model computer tier templates yet, so the
 * tiers of the bundled templates are known here by template name; the bundled fixtures (11_vmm_vms.sql) follow the same
 * plan, so a freshly deployed service looks like the ones that came with LocalPack.
 *
 * @param name tier name as VMM shows it, e.g. "Web Tier"
 * @param machineNameSuffix what machine names end in before their number, e.g. "Web" for "Fabrikam Shop-Web01"
 * @param instanceCount machines the tier deploys
 * @param cpuCount virtual processors of each machine
 * @param memoryMb memory of each machine, in MB
 * @param operatingSystem VMM's OperatingSystem text
 */
public record ComputerTierPlan(String name, String machineNameSuffix, int instanceCount, int cpuCount, int memoryMb,
        String operatingSystem) {

    public ComputerTierPlan {
        if (instanceCount < 1) {
            throw new IllegalArgumentException("A tier deploys at least one machine: " + name);
        }
    }

    private static final String WINDOWS_DATACENTER = "Windows Server 2012 R2 Datacenter";
    private static final String WINDOWS_STANDARD = "Windows Server 2012 R2 Standard";

    /** Tiers of a template without a known plan: one machine, so every deployed service has at least one. */
    static final ComputerTierPlan SINGLE_MACHINE = new ComputerTierPlan("Tier 1", "VM", 1, 2, 2048,
            WINDOWS_DATACENTER);

    /** The tiers a template deploys, by the template's Name; any other template deploys {@link #SINGLE_MACHINE}. */
    public static List<ComputerTierPlan> forTemplate(String templateName) {
        return switch (templateName == null ? "" : templateName) {
            case "Network Gateway" -> List.of(
                    new ComputerTierPlan("Gateway Tier", "GW", 2, 2, 2048, WINDOWS_DATACENTER));
            case "SQL-backed Website" -> List.of(
                    new ComputerTierPlan("Web Tier", "Web", 2, 2, 4096, WINDOWS_STANDARD),
                    new ComputerTierPlan("Data Tier", "Data", 1, 4, 8192, WINDOWS_DATACENTER));
            case "Web Farm" -> List.of(
                    new ComputerTierPlan("Web Tier", "Web", 2, 2, 4096, WINDOWS_STANDARD));
            default -> List.of(SINGLE_MACHINE);
        };
    }
}
