package io.localpack.vmroles;

import io.localpack.vmm.vm.NewVmNetworkAdapterInput;
import io.localpack.vmm.vm.VirtualMachinesOfRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The network adapters of a VM Role's machines: the one place that decides them, so address allocation from the
 * networks' IP pools (issue 18) plugs in here.
 */
@Component
class RoleNetworkAdapters {

    private final VirtualMachinesOfRoles machines;

    RoleNetworkAdapters(VirtualMachinesOfRoles machines) {
        this.machines = machines;
    }

    /**
     * One adapter per NetworkAdapters entry of the role's definition, joined to the VM network its NetworkRef names
     * (resolved from the role's parameters); a definition without adapters gives one unconnected adapter. Today the
     * network is found by name as a stand-alone machine's create finds it, and addresses are Dynamic (none assigned
     * yet): replace the body of this method to allocate from the network's pool.
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
