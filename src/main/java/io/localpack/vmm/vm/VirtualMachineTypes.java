package io.localpack.vmm.vm;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT16;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.ComplexTypeDeclaration;

/** The complex types of VMM.VirtualMachine beyond the shared ones. */
public final class VirtualMachineTypes {

    /** Write-only: read from a create's body, never stored as such. */
    public static final ComplexTypeDeclaration<NewVmNetworkAdapterInput> NEW_ADAPTER_INPUT =
            ComplexTypeDeclaration.builder("NewVMVirtualNetworkAdapterInput", NewVmNetworkAdapterInput.class)
                    .property("VMNetworkName", STRING, NewVmNetworkAdapterInput::vmNetworkName)
                    .property("VMNetworkId", GUID, NewVmNetworkAdapterInput::vmNetworkId)
                    .property("VMSubnetName", STRING, NewVmNetworkAdapterInput::vmSubnetName)
                    .property("MACAddressType", STRING, NewVmNetworkAdapterInput::macAddressType)
                    .property("MACAddress", STRING, NewVmNetworkAdapterInput::macAddress)
                    .property("IPv4AddressType", STRING, NewVmNetworkAdapterInput::ipv4AddressType)
                    .property("IPv6AddressType", STRING, NewVmNetworkAdapterInput::ipv6AddressType)
                    .property("VLanEnabled", BOOLEAN, NewVmNetworkAdapterInput::vlanEnabled)
                    .property("VLanId", INT16, NewVmNetworkAdapterInput::vlanId)
                    .build();

    public static final ComplexTypeDeclaration<VmNetworkAssignment> NETWORK_ASSIGNMENT =
            ComplexTypeDeclaration.builder("VMNetworkAssignment", VmNetworkAssignment.class)
                    .property("VirtualNetworkAdapterId", GUID, VmNetworkAssignment::virtualNetworkAdapterId)
                    .property("VMNetworkName", STRING, VmNetworkAssignment::vmNetworkName)
                    .build();

    public static final ComplexTypeDeclaration<GuestOperatingSystem> OPERATING_SYSTEM =
            ComplexTypeDeclaration.builder("OperatingSystem", GuestOperatingSystem.class)
                    .property("Architecture", STRING, GuestOperatingSystem::architecture)
                    .property("Description", STRING, GuestOperatingSystem::name)
                    .property("Edition", STRING, GuestOperatingSystem::edition)
                    .property("Name", STRING, GuestOperatingSystem::name)
                    .property("OSType", STRING, GuestOperatingSystem::osType)
                    .property("ProductType", STRING, GuestOperatingSystem::productType)
                    .property("Version", STRING, GuestOperatingSystem::version)
                    .build();

    /**
     * VMM.ErrorInfo (shared/spec/vmm-states.md 3.4) as a VM's DeploymentErrorInfo: LocalPack's stand-alone VMs have no
     * deployment error to show, so every member reads null.
     */
    public static final ComplexTypeDeclaration<Object> ERROR_INFO =
            ComplexTypeDeclaration.builder("ErrorInfo", Object.class)
                    .property("CloudProblem", STRING, none -> null)
                    .property("Code", STRING, none -> null)
                    .property("DetailedCode", INT32, none -> null)
                    .property("DetailedErrorCode", STRING, none -> null)
                    .property("DetailedSource", STRING, none -> null)
                    .property("DisplayableErrorCode", STRING, none -> null)
                    .property("ErrorCodeString", STRING, none -> null)
                    .property("ErrorType", STRING, none -> null)
                    .property("ExceptionDetails", STRING, none -> null)
                    .property("IsConditionallyTerminating", BOOLEAN, none -> null)
                    .property("IsDeploymentBlocker", BOOLEAN, none -> null)
                    .property("IsMomAlert", BOOLEAN, none -> null)
                    .property("IsSuccess", BOOLEAN, none -> null)
                    .property("IsTerminating", BOOLEAN, none -> null)
                    .property("MessageParameters", STRING, none -> null)
                    .property("Problem", STRING, none -> null)
                    .property("RecommendedAction", STRING, none -> null)
                    .property("RecommendedActionCLI", STRING, none -> null)
                    .property("ShowDetailedError", BOOLEAN, none -> null)
                    .build();

    private VirtualMachineTypes() {
    }
}
