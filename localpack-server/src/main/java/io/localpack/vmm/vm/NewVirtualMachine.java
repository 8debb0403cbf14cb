package io.localpack.vmm.vm;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's request for a new stand-alone virtual machine (POST VirtualMachines, spec 3.3), as read from the wire.
 * The guest customisation secrets (LocalAdminPassword, ProductKey, SSH keys) are not part of it: LocalPack accepts
 * them and drops them at the adapter, so they are never stored, logged or read back.
 *
 * @param cpuCount, memoryMb override the template's or profile's hardware when given
 * @param startVm   whether the new machine ends Running (else PowerOff)
 * @param adapters  NewVirtualNetworkAdapterInput, in order; an all-null entry is an adapter not connected
 */
public record NewVirtualMachine(UUID stampId, UUID cloudId, String name, String description, String computerName,
        UUID vmTemplateId, UUID hardwareProfileId, UUID virtualHardDiskId, Integer cpuCount, Integer memoryMb,
        Boolean dynamicMemoryEnabled, Integer dynamicMemoryMinimumMb, Integer dynamicMemoryMaximumMb,
        boolean startVm, List<NewAdapter> adapters) {

    public NewVirtualMachine {
        adapters = adapters == null ? List.of() : List.copyOf(adapters);
    }

    /** One NewVMVirtualNetworkAdapterInput. */
    public record NewAdapter(String vmNetworkName, UUID vmNetworkId, String macAddressType, String macAddress,
            String ipv4AddressType, String ipv6AddressType, Boolean vlanEnabled, Integer vlanId) {

        /** Azure PowerShell sends one entry per template adapter, only the first naming a network. */
        public boolean connected() {
            return vmNetworkId != null || (vmNetworkName != null && !vmNetworkName.isBlank());
        }
    }
}
