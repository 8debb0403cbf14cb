package io.localpack.vmm.vm;

import io.localpack.vmm.network.NetworkAddresses;

import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.library.VirtualHardDisk;
import io.localpack.vmm.library.VirtualHardDiskRepository;
import io.localpack.vmm.quota.CloudQuotas;
import io.localpack.vmm.vm.VirtualMachineStates.PowerState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The virtual machines side of a VM Role (WAP's tenant VM Role API, package {@code io.localpack.vmroles}): a role's
 * instances are ordinary {@link VirtualMachine} rows, made as a stand-alone machine is made (own copy of the OS disk,
 * drives, adapters), that name their role (VMRoleId, CloudVMRoleName). The role's jobs move them through the same
 * states as the VM jobs do.
 */
@Component
public class VirtualMachinesOfRoles {

    private final VirtualMachineRepository machines;
    private final VirtualNetworkAdapterRepository adapters;
    private final VirtualHardDiskRepository disks;
    private final NewVirtualMachineDevices devices;
    private final VirtualMachineSources sources;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NetworkAddresses networks;
    private final VirtualDiskDriveRepository diskDrives;

    VirtualMachinesOfRoles(VirtualMachineRepository machines, VirtualNetworkAdapterRepository adapters,
            VirtualHardDiskRepository disks, NewVirtualMachineDevices devices, VirtualMachineSources sources,
            JdbcTemplate jdbc, Clock clock, NetworkAddresses networks, VirtualDiskDriveRepository diskDrives) {
        this.networks = networks;
        this.diskDrives = diskDrives;
        this.machines = machines;
        this.adapters = adapters;
        this.disks = disks;
        this.devices = devices;
        this.sources = sources;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What every instance of a role is made of. */
    public record RoleHardware(UUID subscriptionId, UUID stampId, UUID cloudId, UUID roleId, String roleName,
            int cpuCount, int memoryMb, UUID osDiskId) {
    }

    /** One instance to make: its name (also its computer name) and its adapters' inputs, in slot order. */
    public record NewInstance(String computerName, List<NewVmNetworkAdapterInput> adapters) {
    }

    /**
     * The library disk a role's image reference ("FamilyName:Release") names: granted to the subscription, on the
     * stamp, enabled and usable.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> libraryDisk(UUID subscriptionId, UUID stampId, String familyName, String release) {
        return jdbc.queryForList("SELECT d.id FROM virtual_hard_disks d JOIN subscription_virtual_hard_disks g"
                + " ON g.disk_id = d.id AND g.stamp_id = d.stamp_id AND g.subscription_id = ?"
                + " WHERE d.stamp_id = ? AND d.vm_id IS NULL AND d.family_name = ? AND d.release = ?"
                + " AND d.enabled = TRUE AND d.state = 'Normal' ORDER BY d.name FETCH FIRST 1 ROWS ONLY", UUID.class,
                subscriptionId, stampId, familyName, release).stream().findFirst();
    }

    /** The capacity one instance's OS disk counts against the storage quota, in GB. */
    @Transactional(readOnly = true)
    public long storageGbOf(UUID diskId, UUID stampId) {
        return disks.findById(new VmmKey(diskId, stampId)).map(d -> CloudQuotas.storageGb(d.getMaximumSize()))
                .orElse(0L);
    }

    /** The id of a VM network the subscription may join, by its name, as a stand-alone machine's create finds it. */
    @Transactional(readOnly = true)
    public UUID networkIdOf(UUID subscriptionId, UUID stampId, String vmNetworkName) {
        return networks.joinable(subscriptionId, stampId, null, vmNetworkName)
                .map(NetworkAddresses.JoinableNetwork::id).orElse(null);
    }

    /** Saves new instances, UnderCreation, with their devices; their MostRecentTaskId is the role's job. */
    @Transactional
    public List<VmmKey> create(RoleHardware hardware, List<NewInstance> instances, String principal, UUID jobId) {
        VirtualHardDisk disk = disks.findVisible(hardware.subscriptionId(), hardware.osDiskId(), hardware.stampId())
                .orElseThrow(() -> new IllegalStateException("Disk " + hardware.osDiskId() + " is not visible"));
        UserAndRole owner = sources.owner(hardware.subscriptionId(), principal);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<VmmKey> keys = new ArrayList<>();
        for (NewInstance instance : instances) {
            VirtualMachine.Blueprint blueprint = new VirtualMachine.Blueprint(instance.computerName(),
                    instance.computerName(), null, hardware.cpuCount(), hardware.memoryMb(), false, null, null, null,
                    1, null, disk.getOperatingSystem(), null, null, disk.getId(), disk.getSize(),
                    VirtualMachineSources.HOST_FOLDER + instance.computerName());
            VirtualMachine machine = VirtualMachine.standAlone(UUID.randomUUID(), hardware.stampId(),
                    hardware.subscriptionId(), hardware.cloudId(), blueprint, owner, now);
            machine.assignToRole(hardware.roleId(), hardware.roleName());
            machine.setMostRecentTaskId(jobId);
            machines.saveAndFlush(machine);
            devices.save(VirtualMachineDevices.forNewVm(machine, disk, instance.adapters(), now));
            keys.add(machine.key());
        }
        return keys;
    }

    /**
     * Gives the instances' connected adapters the next free addresses of their networks' static IP address pools, as
     * a stand-alone machine's create job does; all or none (one transaction).
     *
     * @throws io.localpack.jobs.JobFailedException when a network's pools have no address left
     */
    @Transactional
    public void allocateAddresses(List<VmmKey> instances) {
        instances.forEach(machine -> networks.allocateFor(machine.getId(), machine.getStampId()));
    }

    /** A role's instances, by name. */
    @Transactional(readOnly = true)
    public List<VirtualMachine> instances(UUID subscriptionId, UUID roleId) {
        return machines.findByRole(subscriptionId, roleId);
    }

    /** The adapters of some machines, by machine id, each list in slot order. */
    @Transactional(readOnly = true)
    public Map<UUID, List<VirtualNetworkAdapter>> adaptersOf(Collection<UUID> vmIds) {
        Map<UUID, List<VirtualNetworkAdapter>> byMachine = new LinkedHashMap<>();
        if (!vmIds.isEmpty()) {
            adapters.findByVmIds(vmIds).forEach(a -> byMachine.computeIfAbsent(a.getVmId(), id -> new ArrayList<>())
                    .add(a));
        }
        return byMachine;
    }

    /** Shows a state on an instance (a machine gone meanwhile is left alone). */
    @Transactional
    public void show(VmmKey machine, PowerState state, UUID jobId) {
        machines.findById(machine).ifPresent(vm -> {
            vm.setMostRecentTaskId(jobId);
            vm.showState(state, OffsetDateTime.now(clock));
        });
    }

    /** An instance whose creation failed: CreationFailed, with the role's failed job as its FailedJobID. */
    @Transactional
    public void creationFailed(VmmKey machine, UUID jobId) {
        machines.findById(machine).ifPresent(vm -> {
            vm.setMostRecentTaskId(jobId);
            vm.setFailedJobId(jobId);
            vm.showState(VirtualMachineStates.CREATION_FAILED_STATE, OffsetDateTime.now(clock));
        });
    }

    /**
     * Removes an instance with its devices (their rows go with it) and gives its addresses back to their pools, at
     * once: the role's rows may be removed by SQL
     * next in the same transaction.
     */
    @Transactional
    public void remove(VmmKey machine) {
        networks.releaseFor(machine.getId(), machine.getStampId());
        machines.findById(machine).ifPresent(machines::delete);
        machines.flush();
    }

    // ---- disks (the role API's VMs/{id}/Disks: the machine's own VirtualHardDisks and VirtualDiskDrives) --------

    /**
     * A disk of an instance as the role API shows it: the VHD (its id is the disk's), the drive it hangs on, the image
     * it was copied from ("FamilyName:Release"), its file and its capacity in bytes.
     */
    public record InstanceDisk(UUID id, UUID driveId, String busType, int bus, int lun, String familyName,
            String release, String dataFile, long maximumSize, boolean operatingSystem) {
    }

    /** The instance's disks: the OS disk (IDE) first, then the data disks by LUN. */
    @Transactional(readOnly = true)
    public List<InstanceDisk> disks(VmmKey machine) {
        return jdbc.query("SELECT h.id, d.id, d.bus_type, d.bus, d.lun, h.family_name, h.release, h.share_path,"
                + " h.maximum_size, d.volume_type FROM virtual_disk_drives d JOIN virtual_hard_disks h"
                + " ON h.id = d.virtual_hard_disk_id AND h.stamp_id = d.stamp_id"
                + " WHERE d.vm_id = ? AND d.stamp_id = ? ORDER BY d.bus_type, d.bus, d.lun",
                (rs, i) -> new InstanceDisk(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getLong(9), "BootAndSystem".equals(rs.getString(10))),
                machine.getId(), machine.getStampId());
    }

    /** The bytes a library disk holds for its guest (what a copy of it counts against the storage quota). */
    @Transactional(readOnly = true)
    public long maximumSizeOf(UUID diskId, UUID stampId) {
        return disks.findById(new VmmKey(diskId, stampId)).map(VirtualHardDisk::getMaximumSize).orElse(0L);
    }

    /**
     * Attaches a copy of a library disk to the instance as a data disk on SCSI bus 0 at {@code lun}: rows VMM's
     * VirtualHardDisks and VirtualDiskDrives show for the machine too.
     */
    @Transactional
    public InstanceDisk attachDataDisk(VmmKey machine, UUID libraryDiskId, int lun) {
        VirtualMachine vm = machines.findById(machine).orElseThrow(() -> new IllegalStateException(
                "Machine " + machine.getId() + " is gone"));
        VirtualHardDisk source = disks.findById(new VmmKey(libraryDiskId, machine.getStampId()))
                .orElseThrow(() -> new IllegalStateException("Disk " + libraryDiskId + " is gone"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        VirtualHardDisk copy = VirtualHardDisk.copyFor(source, vm.getId(), vm.getSubscriptionId(), vm.getCloudId(),
                vm.getName() + "-LUN" + lun + "-" + source.getName(), VirtualMachineSources.HOST_FOLDER
                        + vm.getName(), now);
        disks.saveAndFlush(copy);
        VirtualDiskDrive drive = VirtualDiskDrive.attaching(vm, copy, "SCSI", 0, lun, "None", now);
        diskDrives.saveAndFlush(drive);
        return new InstanceDisk(copy.getId(), drive.getId(), "SCSI", 0, lun, copy.getFamilyName(),
                copy.getRelease(), copy.getSharePath(), copy.getMaximumSize(), false);
    }

    /** Removes a data disk and its drive (an add whose job failed); gone already is fine. */
    @Transactional
    public void detachDataDisk(UUID diskId, UUID stampId) {
        jdbc.update("DELETE FROM virtual_disk_drives WHERE virtual_hard_disk_id = ? AND stamp_id = ?", diskId,
                stampId);
        jdbc.update("DELETE FROM virtual_hard_disks WHERE id = ? AND stamp_id = ? AND vm_id IS NOT NULL", diskId,
                stampId);
    }

    /** A disk's new capacity; a fixed-size file grows with it, a dynamically expanding one does not. */
    @Transactional
    public void expandDisk(UUID diskId, UUID stampId, long maximumSize) {
        jdbc.update("UPDATE virtual_hard_disks SET maximum_size = ?, size = CASE WHEN vhd_type = 'FixedSize' THEN ?"
                + " ELSE size END, modified_time = ? WHERE id = ? AND stamp_id = ? AND vm_id IS NOT NULL",
                maximumSize, maximumSize, OffsetDateTime.now(clock), diskId, stampId);
    }
}
