package io.localpack.vmm.vm;

import java.util.UUID;

/**
 * One entry of a create's NewVirtualNetworkAdapterInput (VMM.NewVMVirtualNetworkAdapterInput): the network a new VM's
 * adapter joins and how it gets its addresses. All members may be null (an adapter left unconnected).
 */
public record NewVmNetworkAdapterInput(String vmNetworkName, UUID vmNetworkId, String vmSubnetName,
        String macAddressType, String macAddress, String ipv4AddressType, String ipv6AddressType, Boolean vlanEnabled,
        Short vlanId) {
}
