package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Reset, snapshot and restore of the control plane cover the VM hardware, library and quota tables: per subscription
 * (a tenant's VM devices and grants) and whole. Its own application context, as it resets the database.
 */
@TestPropertySource(properties = "localpack.test.context=vm-hardware-state")
class VirtualMachineHardwareStateTest extends HttpTestSupport {

    private static final String SQL = "application/sql";
    /** The tables the VM read side added, each with fixture rows of both tenants or shared. */
    private static final List<String> TABLES = List.of("virtual_network_adapters", "virtual_hard_disks",
            "virtual_disk_drives", "virtual_dvd_drives", "virtual_scsi_adapters", "vm_checkpoints", "vm_templates",
            "hardware_profiles", "subscription_vm_templates", "subscription_hardware_profiles",
            "subscription_virtual_hard_disks", "cloud_quotas");

    @BeforeEach
    void bundledFixtures() {
        assertThat(post("/_localpack/reset", null).status()).isEqualTo(200);
    }

    @Test
    void resettingASubscriptionBringsBackItsDevicesAndGrantsOnly() {
        List<String> fixtures = rows();
        UUID fabrikamDb = UUID.fromString(VirtualMachineHardwareReadTest.FABRIKAM_DB);
        jdbc.update("DELETE FROM vm_checkpoints WHERE vm_id = ?", fabrikamDb);
        jdbc.update("DELETE FROM virtual_network_adapters WHERE subscription_id = ?", UUID.fromString(FABRIKAM));
        jdbc.update("DELETE FROM subscription_vm_templates WHERE subscription_id = ?", UUID.fromString(FABRIKAM));
        jdbc.update("DELETE FROM virtual_scsi_adapters WHERE subscription_id = ?", UUID.fromString(CONTOSO));
        jdbc.update("UPDATE cloud_quotas SET user_role_quota = 1 WHERE subscription_id = ?", UUID.fromString(CONTOSO));

        assertThat(post("/_localpack/reset/" + FABRIKAM, null).status()).isEqualTo(200);

        assertThat(count("vm_checkpoints WHERE vm_id = ?", fabrikamDb)).isEqualTo(2);
        assertThat(count("subscription_vm_templates WHERE subscription_id = ?", UUID.fromString(FABRIKAM)))
                .isEqualTo(4);
        assertThat(count("virtual_scsi_adapters WHERE subscription_id = ?", UUID.fromString(CONTOSO))).isZero();
        assertThat(post("/_localpack/reset/" + CONTOSO, null).status()).isEqualTo(200);
        assertThat(rows()).isEqualTo(fixtures);
    }

    @Test
    void aSubscriptionsSnapshotHoldsItsDevicesAndRestoresThem() {
        List<String> fixtures = rows();
        String snapshot = get(base + "/_localpack/snapshot?subscription=" + CONTOSO).body();
        for (String table : List.of("virtual_network_adapters", "virtual_hard_disks", "virtual_disk_drives",
                "virtual_dvd_drives", "virtual_scsi_adapters", "vm_checkpoints", "subscription_vm_templates",
                "cloud_quotas")) {
            assertThat(snapshot).as(table).contains("INSERT INTO " + table + " ");
        }
        assertThat(snapshot).doesNotContain(FABRIKAM).doesNotContain("INSERT INTO vm_templates ");
        jdbc.update("DELETE FROM virtual_machines WHERE subscription_id = ? AND service_id IS NULL",
                UUID.fromString(CONTOSO));
        assertThat(rows()).isNotEqualTo(fixtures);

        assertThat(post("/_localpack/restore", snapshot).status()).isEqualTo(200);

        assertThat(rows()).isEqualTo(fixtures);
    }

    @Test
    void theWholeSnapshotRestoresTheLibraryToo() {
        List<String> fixtures = rows();
        String snapshot = get(base + "/_localpack/snapshot").body();
        jdbc.update("DELETE FROM vm_templates");
        jdbc.update("DELETE FROM hardware_profiles");

        assertThat(post("/_localpack/restore", snapshot).status()).isEqualTo(200);

        assertThat(rows()).isEqualTo(fixtures);
    }

    private Response post(String path, String sql) {
        return sql == null ? send("POST", base + path, null) : send("POST", base + path, sql, "Content-Type", SQL);
    }

    private long count(String from, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class, args);
    }

    private List<String> rows() {
        List<String> rows = new java.util.ArrayList<>();
        for (String table : TABLES) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
