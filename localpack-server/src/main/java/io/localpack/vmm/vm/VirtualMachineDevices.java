package io.localpack.vmm.vm;

import io.localpack.vmm.library.VirtualHardDisk;
import io.localpack.vmm.quota.CloudQuotas;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The devices a new VM gets, as VMM gives them to a VM made from a template or a library disk: one network adapter
 * per NewVirtualNetworkAdapterInput entry (at least one), its own copy of the OS disk attached on IDE 0:0, an empty
 * DVD drive on IDE 1:0 and a SCSI adapter. The shape of every VM in the bundled fixtures. Nothing is saved.
 */
public record VirtualMachineDevices(List<VirtualNetworkAdapter> adapters, VirtualHardDisk osDisk,
        VirtualDiskDrive osDrive, VirtualDvdDrive dvdDrive, VirtualScsiAdapter scsiAdapter) {

    /**
     * @param vm the new VM, with its id, stamp, subscription, cloud and name
     * @param osDiskSource the library disk the VM starts from (the template's, or the one named in the create)
     * @param adapterInputs the create's NewVirtualNetworkAdapterInput; null or empty gives one unconnected adapter
     */
    public static VirtualMachineDevices forNewVm(VirtualMachine vm, VirtualHardDisk osDiskSource,
            List<NewVmNetworkAdapterInput> adapterInputs, OffsetDateTime now) {
        List<VirtualNetworkAdapter> adapters = new ArrayList<>();
        List<NewVmNetworkAdapterInput> inputs = adapterInputs == null || adapterInputs.isEmpty()
                ? Collections.singletonList(null) : adapterInputs;
        for (int slot = 0; slot < inputs.size(); slot++) {
            adapters.add(VirtualNetworkAdapter.forNewVm(vm, slot, inputs.get(slot), now));
        }
        String folder = "C:\\ClusterStorage\\Volume1\\" + vm.getName();
        VirtualHardDisk osDisk = VirtualHardDisk.copyFor(osDiskSource, vm.getId(), vm.getSubscriptionId(),
                vm.getCloudId(), vm.getName() + "-" + osDiskSource.getName(), folder, now);
        return new VirtualMachineDevices(List.copyOf(adapters), osDisk,
                VirtualDiskDrive.attaching(vm, osDisk, "IDE", 0, 0, "BootAndSystem", now),
                VirtualDvdDrive.emptyFor(vm, now), VirtualScsiAdapter.firstFor(vm, now));
    }

    /** Bytes the VM's files take: its TotalSize. */
    public long totalSize() {
        return osDisk.getSize() == null ? 0 : osDisk.getSize();
    }

    /** The capacity a quota counts, in whole GB rounded up (as the quota view does). */
    public long storageGb() {
        return CloudQuotas.storageGb(osDisk.getMaximumSize() == null ? 0 : osDisk.getMaximumSize());
    }
}
