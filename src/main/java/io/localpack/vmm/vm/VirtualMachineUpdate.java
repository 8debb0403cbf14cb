package io.localpack.vmm.vm;

import io.localpack.vmm.common.VmmRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The properties a tenant's update may change on a virtual machine, with merge semantics: a null member leaves the
 * property as it is. Hardware members are the ones VMM changes only on a stopped machine.
 */
public record VirtualMachineUpdate(String name, String description, Integer cpuCount, Integer memoryMb) {

    /** Hyper-V's limits for a virtual machine [INFER: Hyper-V 2012 R2: 64 virtual processors, 32 MB to 1 TB]. */
    public static final int MAX_CPU_COUNT = 64;
    public static final int MIN_MEMORY_MB = 32;
    public static final int MAX_MEMORY_MB = 1_048_576;

    /** The job parameter names the update travels under, from the request to its job. */
    private static final String NAME = "Name";
    private static final String DESCRIPTION = "Description";
    private static final String CPU_COUNT = "CPUCount";
    private static final String MEMORY = "Memory";

    public static final VirtualMachineUpdate NONE = new VirtualMachineUpdate(null, null, null, null);

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
        if (memoryMb != null && (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB)) {
            throw VmmRequestException.invalid("Memory must be from " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB
                    + " MB; it is " + memoryMb);
        }
    }

    /**
     * Only what differs from the machine: clients send back the whole object they read, so an unchanged value is no
     * change (and no reason to refuse hardware changes on a running machine).
     */
    public VirtualMachineUpdate differencesFrom(VirtualMachine machine) {
        return new VirtualMachineUpdate(
                Objects.equals(name, machine.getName()) ? null : name,
                Objects.equals(description, machine.getDescription()) ? null : description,
                Objects.equals(cpuCount, machine.getCpuCount()) ? null : cpuCount,
                Objects.equals(memoryMb, machine.getMemoryMb()) ? null : memoryMb);
    }

    /** The name and description only: they change as the job begins, the hardware when it ends. */
    public VirtualMachineUpdate withoutHardware() {
        return new VirtualMachineUpdate(name, description, null, null);
    }

    public VirtualMachineUpdate hardwareOnly() {
        return new VirtualMachineUpdate(null, null, cpuCount, memoryMb);
    }

    public boolean changesHardware() {
        return cpuCount != null || memoryMb != null;
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
        return parameters;
    }

    /** Read back from a job's parameters. */
    public static VirtualMachineUpdate fromParameters(Map<String, String> parameters) {
        return new VirtualMachineUpdate(parameters.get(NAME), parameters.get(DESCRIPTION),
                integer(parameters.get(CPU_COUNT)), integer(parameters.get(MEMORY)));
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
