package io.localpack.vmroles;

import io.localpack.vmm.vm.NewVmNetworkAdapterInput;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The network adapters of a VM Role's machines: the one place that decides which networks they join. Their addresses
 * come later, from the networks' static IP address pools, in the role job's first step
 * ({@link VirtualMachinesOfRoles#allocateAddresses}), as a stand-alone machine's create job gives them.
 */
@Component
class RoleNetworkAdapters {

    private final VirtualMachinesOfRoles machines;

    RoleNetworkAdapters(VirtualMachinesOfRoles machines) {
        this.machines = machines;
    }

    /**
     * One adapter per NetworkAdapters entry of the role's definition, joined to the VM network its NetworkRef names
     * (resolved from the role's parameters); a definition without adapters gives one unconnected adapter. The
     * network is found by name as a stand-alone machine's create finds it; an adapter is Dynamic until the job gives
     * it a pool address (a network without pools leaves it so).
     */
    List<NewVmNetworkAdapterInput> adaptersFor(UUID subscriptionId, UUID stampId, List<String> networkNames) {
        List<NewVmNetworkAdapterInput> adapters = new ArrayList<>();
        for (String network : networkNames) {
            boolean connected = network != null && !network.isBlank();
            adapters.add(new NewVmNetworkAdapterInput(connected ? network : null,
                    connected ? machines.networkIdOf(subscriptionId, stampId, network) : null, null, "Dynamic", null,
                    "Dynamic", "Dynamic", false, null));
        }
        return adapters;
    }
}
