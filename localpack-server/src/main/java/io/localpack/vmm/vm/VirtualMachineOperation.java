package io.localpack.vmm.vm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Operation} verbs a tenant sends in a PUT, MERGE or PATCH of a virtual machine
 * (shared/spec/vmm-vms-networks-vmroles.md 3.1), with the job each becomes: its kind, VMM's job name and the cmdlet
 * VMM runs. {@code Refresh}, {@code Store} and {@code Deploy} (named by one client only) are not accepted.
 */
public enum VirtualMachineOperation {

    START("Start", "vmm.vm.start", "Start virtual machine", "Start-SCVirtualMachine"),
    STOP("Stop", "vmm.vm.stop", "Stop virtual machine", "Stop-SCVirtualMachine -Force"),
    SHUTDOWN("Shutdown", "vmm.vm.shutdown", "Shut down virtual machine", "Stop-SCVirtualMachine -Shutdown"),
    SUSPEND("Suspend", "vmm.vm.suspend", "Pause virtual machine", "Suspend-SCVirtualMachine"),
    RESUME("Resume", "vmm.vm.resume", "Resume virtual machine", "Resume-SCVirtualMachine"),
    RESET("Reset", "vmm.vm.reset", "Reset virtual machine", "Reset-SCVirtualMachine"),
    SAVE_STATE("SaveState", "vmm.vm.save-state", "Save state of virtual machine",
            "Stop-SCVirtualMachine -SaveState"),
    DISCARD_SAVED_STATE("DiscardSavedState", "vmm.vm.discard-saved-state", "Discard saved state of virtual machine",
            "Stop-SCVirtualMachine -DiscardSavedState"),
    REPAIR("Repair", "vmm.vm.repair", "Repair virtual machine", "Repair-SCVirtualMachine");

    private final String wireName;
    private final String jobKind;
    private final String jobName;
    private final String cmdlet;

    VirtualMachineOperation(String wireName, String jobKind, String jobName, String cmdlet) {
        this.wireName = wireName;
        this.jobKind = jobKind;
        this.jobName = jobName;
        this.cmdlet = cmdlet;
    }

    /** The verb as clients send it; matched without regard to case, as SPF's enum parsing does [INFER]. */
    public static Optional<VirtualMachineOperation> of(String wireName) {
        return Arrays.stream(values()).filter(o -> o.wireName.equalsIgnoreCase(wireName.trim())).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(VirtualMachineOperation::wireName).toList();
    }

    public String wireName() {
        return wireName;
    }

    public String jobKind() {
        return jobKind;
    }

    public String jobName() {
        return jobName;
    }

    public String cmdlet() {
        return cmdlet;
    }
}
