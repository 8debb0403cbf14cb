package io.localpack.vmm.vm;

import java.util.UUID;

/** VMM.VMNetworkAssignment: which VM network one adapter of a VM is connected to. */
public record VmNetworkAssignment(UUID virtualNetworkAdapterId, String vmNetworkName) {
}
