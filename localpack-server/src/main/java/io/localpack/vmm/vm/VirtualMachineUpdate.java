package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The properties a tenant's update may change on a virtual machine, with merge semantics: a null member leaves the
 * property as it is. Hardware members (all but Name and Description) are the ones VMM changes only on a stopped
 * machine; a hardware profile stands for its CPU count and memory.
 */
public record VirtualMachineUpdate(String name, String description, Integer cpuCount, Integer memoryMb,
        Boolean dynamicMemoryEnabled, Integer dynamicMemoryMinimumMb, Integer dynamicMemoryMaximumMb,
        UUID hardwareProfileId) {

    /** Hyper-V's limits for a virtual machine [INFER: Hyper-V 2012 R2: 64 virtual processors, 32 MB to 1 TB]. */
    public static final int MAX_CPU_COUNT = 64;
    public static final int MIN_MEMORY_MB = 32;
    public static final int MAX_MEMORY_MB = 1_048_576;

    /** The job parameter names the update travels under, from the request to its job. */
    private static final String NAME = "Name";
    private static final String DESCRIPTION = "Description";
    private static final String CPU_COUNT = "CPUCount";
    private static final String MEMORY = "Memory";
    private static final String DYNAMIC_MEMORY_ENABLED = "DynamicMemoryEnabled";
    private static final String DYNAMIC_MEMORY_MINIMUM = "DynamicMemoryMinimumMB";
    private static final String DYNAMIC_MEMORY_MAXIMUM = "DynamicMemoryMaximumMB";
    private static final String HARDWARE_PROFILE = "HardwareProfileId";

    public static final VirtualMachineUpdate NONE = new VirtualMachineUpdate(null, null, null, null, null, null, null,
            null);

    /** Name and description only. */
    public static VirtualMachineUpdate properties(String name, String description) {
        return new VirtualMachineUpdate(name, description, null, null, null, null, null, null);
    }

    /**
     * Refuses values VMM would not take, naming the property.
     *
     * @throws VmmRequestException a value is out of range
     */
    public void validate() {
        if (name != null && name.isBlank()) {
            throw VmmRequestException.invalid("Name cannot be empty");
        }
        if (cpuCount != null && (cpuCount < 1 || cpuCount > MAX_CPU_COUNT)) {
            throw VmmRequestException.invalid("CPUCount must be from 1 to " + MAX_CPU_COUNT + "; it is " + cpuCount);
        }
        requireMemory("Memory", memoryMb);
        requireMemory("DynamicMemoryMinimumMB", dynamicMemoryMinimumMb);
        requireMemory("DynamicMemoryMaximumMB", dynamicMemoryMaximumMb);
    }

    /**
     * Refuses dynamic memory whose bounds do not hold the startup memory, on the machine as it would be after the
     * change (Set-SCVirtualMachine: minimum ≤ startup ≤ maximum).
     */
    public void validateAgainst(VirtualMachine machine) {
        boolean dynamic = Boolean.TRUE.equals(or(dynamicMemoryEnabled, machine.getDynamicMemoryEnabled()));
        if (!dynamic) {
            return;
        }
        Integer startup = or(memoryMb, machine.getMemoryMb());
        Integer minimum = or(dynamicMemoryMinimumMb, machine.getDynamicMemoryMinimumMb());
        Integer maximum = or(dynamicMemoryMaximumMb, machine.getDynamicMemoryMaximumMb());
        if (startup != null && ((minimum != null && minimum > startup) || (maximum != null && maximum < startup))) {
            throw VmmRequestException.invalid("Dynamic memory needs DynamicMemoryMinimumMB <= Memory <="
                    + " DynamicMemoryMaximumMB; they would be " + minimum + ", " + startup + " and " + maximum);
        }
    }

    /**
     * Only what differs from the machine: clients send back the whole object they read, so an unchanged value is no
     * change (and no reason to refuse hardware changes on a running machine).
     */
    public VirtualMachineUpdate differencesFrom(VirtualMachine machine) {
        return new VirtualMachineUpdate(
                differs(name, machine.getName()),
                differs(description, machine.getDescription()),
                differs(cpuCount, machine.getCpuCount()),
                differs(memoryMb, machine.getMemoryMb()),
                differs(dynamicMemoryEnabled, machine.getDynamicMemoryEnabled()),
                differs(dynamicMemoryMinimumMb, machine.getDynamicMemoryMinimumMb()),
                differs(dynamicMemoryMaximumMb, machine.getDynamicMemoryMaximumMb()),
                differs(hardwareProfileId, machine.getHardwareProfileId()));
    }

    /** This update with the hardware of a profile, where the request does not name CPUCount or Memory itself. */
    public VirtualMachineUpdate withProfileHardware(int profileCpuCount, int profileMemoryMb) {
        return new VirtualMachineUpdate(name, description, or(cpuCount, profileCpuCount), or(memoryMb, profileMemoryMb),
                dynamicMemoryEnabled, dynamicMemoryMinimumMb, dynamicMemoryMaximumMb, hardwareProfileId);
    }

    /** The name and description only: they change as the job begins, the hardware when it ends. */
    public VirtualMachineUpdate withoutHardware() {
        return properties(name, description);
    }

    public VirtualMachineUpdate hardwareOnly() {
        return new VirtualMachineUpdate(null, null, cpuCount, memoryMb, dynamicMemoryEnabled, dynamicMemoryMinimumMb,
                dynamicMemoryMaximumMb, hardwareProfileId);
    }

    public boolean changesHardware() {
        return cpuCount != null || memoryMb != null || dynamicMemoryEnabled != null || dynamicMemoryMinimumMb != null
                || dynamicMemoryMaximumMb != null || hardwareProfileId != null;
    }

    public boolean isEmpty() {
        return name == null && description == null && !changesHardware();
    }

    /** As job parameters (only the members given). */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, NAME, name);
        putIfGiven(parameters, DESCRIPTION, description);
        putIfGiven(parameters, CPU_COUNT, cpuCount);
        putIfGiven(parameters, MEMORY, memoryMb);
        putIfGiven(parameters, DYNAMIC_MEMORY_ENABLED, dynamicMemoryEnabled);
        putIfGiven(parameters, DYNAMIC_MEMORY_MINIMUM, dynamicMemoryMinimumMb);
        putIfGiven(parameters, DYNAMIC_MEMORY_MAXIMUM, dynamicMemoryMaximumMb);
        putIfGiven(parameters, HARDWARE_PROFILE, hardwareProfileId);
        return parameters;
    }

    /** Read back from a job's parameters. */
    public static VirtualMachineUpdate fromParameters(Map<String, String> parameters) {
        String enabled = parameters.get(DYNAMIC_MEMORY_ENABLED);
        String profile = parameters.get(HARDWARE_PROFILE);
        return new VirtualMachineUpdate(parameters.get(NAME), parameters.get(DESCRIPTION),
                integer(parameters.get(CPU_COUNT)), integer(parameters.get(MEMORY)),
                enabled == null ? null : Boolean.valueOf(enabled), integer(parameters.get(DYNAMIC_MEMORY_MINIMUM)),
                integer(parameters.get(DYNAMIC_MEMORY_MAXIMUM)), profile == null ? null : UUID.fromString(profile));
    }

    private static void requireMemory(String property, Integer value) {
        if (value != null && (value < MIN_MEMORY_MB || value > MAX_MEMORY_MB)) {
            throw VmmRequestException.invalid(property + " must be from " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB
                    + " MB; it is " + value);
        }
    }

    private static <T> T differs(T wanted, T current) {
        return Objects.equals(wanted, current) ? null : wanted;
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static void putIfGiven(Map<String, String> parameters, String key, Object value) {
        if (value != null) {
            parameters.put(key, value.toString());
        }
    }
}
