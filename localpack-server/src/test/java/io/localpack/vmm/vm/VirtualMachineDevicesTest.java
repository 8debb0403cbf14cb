package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.library.VirtualHardDisk;
import io.localpack.vmm.library.VirtualHardDiskRepository;
import io.localpack.vmm.quota.CloudQuotas;
import io.localpack.vmm.quota.QuotaDimension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The devices a new VM gets (what a create saves), read back over HTTP, and counted by the quota at once. */
class VirtualMachineDevicesTest extends HttpTestSupport {

    @Autowired
    private VirtualMachineRepository machines;
    @Autowired
    private VirtualHardDiskRepository disks;
    @Autowired
    private VirtualNetworkAdapterRepository adapters;
    @Autowired
    private VirtualDiskDriveRepository diskDrives;
    @Autowired
    private VirtualDvdDriveRepository dvdDrives;
    @Autowired
    private VirtualScsiAdapterRepository scsiAdapters;
    @Autowired
    private CloudQuotas quotas;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aNewVmsDevicesReadLikeTheFixtures() {
        UUID id = UUID.randomUUID();
        UUID stamp = UUID.fromString(EAST_STAMP);
        UUID subscription = UUID.fromString(FABRIKAM);
        UUID cloud = UUID.fromString(FABRIKAM_EAST_CLOUD);
        long storageBefore = quotas.usage(subscription, cloud, stamp).get(QuotaDimension.StorageGB).used();
        jdbc.update("INSERT INTO virtual_machines (id, stamp_id, subscription_id, cloud_id, name, status, status_string,"
                + " cpu_count, memory_mb) VALUES (?, ?, ?, ?, 'Devices probe', 'PowerOff', 'Power Off', 1, 1792)", id,
                stamp, subscription, cloud);
        try {
            transactions.executeWithoutResult(status -> {
                VirtualMachine vm = machines.findOwned(subscription, id, stamp).orElseThrow();
                VirtualHardDisk ubuntu = disks.findAll().stream()
                        .filter(d -> d.getVmId() == null && d.getStampId().equals(stamp)
                                && d.getName().startsWith("Ubuntu")).findFirst().orElseThrow();
                VirtualMachineDevices devices = VirtualMachineDevices.forNewVm(vm, ubuntu, List.of(
                        new NewVmNetworkAdapterInput("Fabrikam VM Network", null, null, null, null, "static", null,
                                null, null),
                        new NewVmNetworkAdapterInput(null, null, null, null, null, null, null, null, null)),
                        OffsetDateTime.now());
                assertThat(devices.storageGb()).isEqualTo(30);
                adapters.saveAll(devices.adapters());
                disks.save(devices.osDisk());
                diskDrives.save(devices.osDrive());
                dvdDrives.save(devices.dvdDrive());
                scsiAdapters.save(devices.scsiAdapter());
            });
            JsonNode vm = get(vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + id + "',StampId=guid'" + EAST_STAMP
                    + "')?$expand=" + VirtualMachineHardwareReadTest.SIX_WAY, "Accept", "application/json").json();
            assertThat(vm.get("VirtualNetworkAdapters")).hasSize(2);
            JsonNode first = null;
            JsonNode second = null;
            for (JsonNode adapter : vm.get("VirtualNetworkAdapters")) { // listed by key, not by slot
                if (adapter.get("SlotId").asInt() == 0) {
                    first = adapter;
                } else {
                    second = adapter;
                }
            }
            assertThat(first.get("VMNetworkName").asText()).isEqualTo("Fabrikam VM Network");
            assertThat(first.get("IPv4AddressType").asText()).isEqualTo("Static");
            assertThat(second.get("VMNetworkId").isNull()).isTrue();
            assertThat(second.get("Name").asText()).isEqualTo("Network Adapter 2");
            assertThat(vm.get("VirtualHardDisks").get(0).get("FamilyName").asText())
                    .isEqualTo("Ubuntu Server 14.04 LTS");
            assertThat(vm.get("VirtualDiskDrives").get(0).get("VolumeType").asText()).isEqualTo("BootAndSystem");
            assertThat(vm.get("VirtualDVDDrives")).hasSize(1);
            assertThat(vm.get("VirtualSCSIAdapters")).hasSize(1);
            assertThat(vm.get("VMCheckpoints")).isEmpty();
            assertThat(vm.get("Generation").asInt()).isEqualTo(1); // the column default for a row inserted bare
            assertThat(quotas.usage(subscription, cloud, stamp).get(QuotaDimension.StorageGB).used())
                    .isEqualTo(storageBefore + 30);
        } finally {
            jdbc.update("DELETE FROM virtual_machines WHERE id = ?", id); // its devices go with it
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters WHERE vm_id = ?", Long.class,
                id)).isZero();
        assertThat(machines.findById(new VmmKey(id, stamp))).isEmpty();
    }
}
