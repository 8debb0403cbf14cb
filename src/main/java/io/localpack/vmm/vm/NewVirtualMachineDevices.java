package io.localpack.vmm.vm;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The devices a new stand-alone machine gets with it, as VMM builds them from a template or a library disk: its own
 * copy of the OS disk on IDE 0:0 (SCSI 0:0 for generation 2) with its drive, a DVD drive, a SCSI adapter and its
 * network adapters. Plain parameterized INSERTs joining the caller's transaction; the machine's row must be written
 * (flushed) first, as every device references it.
 */
@Repository
class NewVirtualMachineDevices {

    private final JdbcTemplate jdbc;

    NewVirtualMachineDevices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The library disk a machine's OS disk is copied from. */
    record SourceDisk(UUID id, String fileName, String familyName, String release, String operatingSystem,
            String vhdType, String vhdFormat, long size, long maximumSize) {
    }

    /** A network adapter to create; a null network is an adapter not connected. */
    record Adapter(String name, int slot, UUID vmNetworkId, String vmNetworkName, String macAddressType,
            String macAddress, String ipv4AddressType, String ipv6AddressType, boolean vlanEnabled, int vlanId) {
    }

    void create(VirtualMachine vm, SourceDisk disk, List<Adapter> adapters, OffsetDateTime now) {
        UUID diskId = UUID.randomUUID();
        String fileName = vm.getName() + "-" + disk.fileName();
        jdbc.update("""
                INSERT INTO virtual_hard_disks (id, stamp_id, subscription_id, vm_id, cloud_id, name, directory,
                  share_path, family_name, release, operating_system, vhd_type, vhd_format, size, maximum_size,
                  parent_disk_id, added_time, modified_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                diskId, vm.getStampId(), vm.getSubscriptionId(), vm.getId(), vm.getCloudId(), fileName,
                vm.getLocation(), vm.getLocation() + "\\" + fileName, disk.familyName(), disk.release(),
                disk.operatingSystem(), disk.vhdType(), disk.vhdFormat(), disk.size(), disk.maximumSize(), disk.id(),
                now, now);
        boolean generation2 = Integer.valueOf(2).equals(vm.getGeneration());
        jdbc.update("""
                INSERT INTO virtual_disk_drives (id, stamp_id, subscription_id, vm_id, name, bus_type, bus, lun,
                  virtual_hard_disk_id, volume_type, added_time, modified_time)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, 'BootAndSystem', ?, ?)""",
                UUID.randomUUID(), vm.getStampId(), vm.getSubscriptionId(), vm.getId(),
                generation2 ? "SCSI 0:0" : "IDE 0:0", generation2 ? "SCSI" : "IDE", diskId, now, now);
        jdbc.update("""
                INSERT INTO virtual_dvd_drives (id, stamp_id, subscription_id, vm_id, name, bus, lun, connection,
                  added_time, modified_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'None', ?, ?)""",
                UUID.randomUUID(), vm.getStampId(), vm.getSubscriptionId(), vm.getId(),
                generation2 ? "SCSI 0:1" : "IDE 1:0", generation2 ? 0 : 1, generation2 ? 1 : 0, now, now);
        jdbc.update("""
                INSERT INTO virtual_scsi_adapters (id, stamp_id, subscription_id, vm_id, name, adapter_id,
                  added_time, modified_time)
                VALUES (?, ?, ?, ?, 'SCSI Adapter 0', 0, ?, ?)""",
                UUID.randomUUID(), vm.getStampId(), vm.getSubscriptionId(), vm.getId(), now, now);
        for (Adapter adapter : adapters) {
            jdbc.update("""
                    INSERT INTO virtual_network_adapters (id, stamp_id, subscription_id, vm_id, name, slot_id,
                      vm_network_id, vm_network_name, mac_address, mac_address_type, ipv4_address_type,
                      ipv6_address_type, vlan_enabled, vlan_id, enabled, added_time, modified_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID(), vm.getStampId(), vm.getSubscriptionId(), vm.getId(), adapter.name(),
                    adapter.slot(), adapter.vmNetworkId(), adapter.vmNetworkName(), adapter.macAddress(),
                    adapter.macAddressType(), adapter.ipv4AddressType(), adapter.ipv6AddressType(),
                    adapter.vlanEnabled(), adapter.vlanId(), adapter.vmNetworkId() != null, now, now);
        }
    }

    /** The names of a template's adapters, by slot: a machine made from it gets as many. */
    List<String> templateAdapterNames(UUID templateId, UUID stampId) {
        return jdbc.queryForList("SELECT name FROM virtual_network_adapters WHERE template_id = ? AND stamp_id = ?"
                + " ORDER BY slot_id", String.class, templateId, stampId);
    }

    /**
     * The id of the VM network named so on the stamp, as the subscription's machines already use it; VM networks are
     * not a table of their own yet (the networks issue), so an unknown name gets a stable id of its own [INFER].
     */
    UUID networkIdOf(UUID subscriptionId, UUID stampId, String vmNetworkName) {
        List<UUID> known = jdbc.queryForList("SELECT vm_network_id FROM virtual_network_adapters WHERE subscription_id = ?"
                + " AND stamp_id = ? AND vm_network_name = ? AND vm_network_id IS NOT NULL FETCH FIRST 1 ROWS ONLY",
                UUID.class, subscriptionId, stampId, vmNetworkName);
        return known.isEmpty() ? UUID.nameUUIDFromBytes(("localpack:vmnetwork:" + stampId + ":"
                + vmNetworkName.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)) : known.get(0);
    }
}
