package io.localpack.vmm.vm;

import io.localpack.vmm.library.VirtualHardDiskRepository;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Saves the devices a new stand-alone machine gets with it, as {@link VirtualMachineDevices#forNewVm} builds them
 * (adapters, the machine's copy of the OS disk with its drive, a DVD drive, a SCSI adapter), and answers the lookups
 * a create needs about adapters. The machine's row must be saved first: every device references it.
 */
@Component
class NewVirtualMachineDevices {

    private final VirtualNetworkAdapterRepository adapters;
    private final VirtualHardDiskRepository disks;
    private final VirtualDiskDriveRepository diskDrives;
    private final VirtualDvdDriveRepository dvdDrives;
    private final VirtualScsiAdapterRepository scsiAdapters;
    private final JdbcTemplate jdbc;

    NewVirtualMachineDevices(VirtualNetworkAdapterRepository adapters, VirtualHardDiskRepository disks,
            VirtualDiskDriveRepository diskDrives, VirtualDvdDriveRepository dvdDrives,
            VirtualScsiAdapterRepository scsiAdapters, JdbcTemplate jdbc) {
        this.adapters = adapters;
        this.disks = disks;
        this.diskDrives = diskDrives;
        this.dvdDrives = dvdDrives;
        this.scsiAdapters = scsiAdapters;
        this.jdbc = jdbc;
    }

    void save(VirtualMachineDevices devices) {
        disks.save(devices.osDisk());
        diskDrives.save(devices.osDrive());
        dvdDrives.save(devices.dvdDrive());
        scsiAdapters.save(devices.scsiAdapter());
        adapters.saveAll(devices.adapters());
    }

    /** How many adapters a template has: a machine made from it without adapter input gets as many, unconnected. */
    int templateAdapterCount(UUID templateId, UUID stampId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters WHERE template_id = ?"
                + " AND stamp_id = ?", Integer.class, templateId, stampId);
        return count == null ? 0 : count;
    }
}
