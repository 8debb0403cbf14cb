package io.localpack.vmm.quota;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.CONTOSO_CLOUD;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Clouds(…)/QuotaAndUsageComponents: the fixture limits, usage computed from the VMs, and tenant isolation. */
class QuotaAndUsageTest extends HttpTestSupport {

    @Autowired
    private CloudQuotas quotas;

    private String quotaUrl(String subscription, String cloud, String stamp) {
        return vmm(subscription) + "/Clouds(ID=guid'" + cloud + "',StampId=guid'" + stamp
                + "')/QuotaAndUsageComponents";
    }

    @Test
    void limitsFromTheFixturesAndUsageFromTheVms() {
        Map<String, JsonNode> read = byDimension(get(quotaUrl(FABRIKAM, FABRIKAM_EAST_CLOUD, EAST_STAMP), "Accept",
                "application/json"));
        assertThat(read.keySet()).containsExactlyInAnyOrder("VMCount", "CpuCount", "MemoryMB", "StorageGB");
        assertThat(read.get("VMCount").get("UserRoleQuota").asInt()).isEqualTo(30);
        assertThat(read.get("StorageGB").get("UserRoleQuota").asInt()).isEqualTo(2000);
        String vms = " FROM virtual_machines WHERE subscription_id = ? AND cloud_id = ?";
        Object[] args = {UUID.fromString(FABRIKAM), UUID.fromString(FABRIKAM_EAST_CLOUD)};
        assertThat(read.get("VMCount").get("UserRoleUsage").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*)" + vms, Long.class, args)).isEqualTo(16);
        assertThat(read.get("CpuCount").get("UserRoleUsage").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT SUM(cpu_count)" + vms, Long.class, args));
        assertThat(read.get("MemoryMB").get("UserRoleUsage").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT SUM(memory_mb)" + vms, Long.class, args));
        // 9 service VMs: 6 Windows web (40 GB) and 3 data disks of 40 GB; 5 stand-alone: 3 Windows (40 GB), 2 Ubuntu
        // (30 GB), and the data disk (100 GB) of Fabrikam Db01; the VM Role FabrikamWeb's two Windows machines (40 GB)
        assertThat(read.get("StorageGB").get("UserRoleUsage").asLong())
                .isEqualTo(9 * 40 + 3 * 40 + 2 * 30 + 100 + 2 * 40);
    }

    @Test
    void usageFollowsTheVmsAndTheDomainClassAgrees() {
        Map<QuotaDimension, CloudQuotas.Allowance> before = quotas.usage(UUID.fromString(CONTOSO),
                UUID.fromString(CONTOSO_CLOUD), UUID.fromString(WEST_STAMP));
        UUID vm = UUID.randomUUID();
        jdbc.update("INSERT INTO virtual_machines (id, stamp_id, subscription_id, cloud_id, name, status, status_string,"
                + " cpu_count, memory_mb) VALUES (?, ?, ?, ?, 'Quota probe', 'PowerOff', 'Power Off', 3, 1000)", vm,
                UUID.fromString(WEST_STAMP), UUID.fromString(CONTOSO), UUID.fromString(CONTOSO_CLOUD));
        try {
            Map<QuotaDimension, CloudQuotas.Allowance> after = quotas.usage(UUID.fromString(CONTOSO),
                    UUID.fromString(CONTOSO_CLOUD), UUID.fromString(WEST_STAMP));
            assertThat(after.get(QuotaDimension.VMCount).used()).isEqualTo(before.get(QuotaDimension.VMCount).used() + 1);
            assertThat(after.get(QuotaDimension.CpuCount).used())
                    .isEqualTo(before.get(QuotaDimension.CpuCount).used() + 3);
            Map<String, JsonNode> read = byDimension(get(quotaUrl(CONTOSO, CONTOSO_CLOUD, WEST_STAMP), "Accept",
                    "application/json"));
            assertThat(read.get("MemoryMB").get("UserRoleUsage").asLong())
                    .isEqualTo(after.get(QuotaDimension.MemoryMB).used());
            assertThat(after.get(QuotaDimension.VMCount).limit()).isEqualTo(20);
            assertThat(quotas.exceededBy(UUID.fromString(CONTOSO), UUID.fromString(CONTOSO_CLOUD),
                    UUID.fromString(WEST_STAMP), 1, 512, 1)).isNull();
            assertThat(quotas.exceededBy(UUID.fromString(CONTOSO), UUID.fromString(CONTOSO_CLOUD),
                    UUID.fromString(WEST_STAMP), 64, 512, 1)).isEqualTo(QuotaDimension.CpuCount);
        } finally {
            jdbc.update("DELETE FROM virtual_machines WHERE id = ?", vm);
        }
    }

    @Test
    void unlimitedIsNullAndAnotherTenantsCloudIsAbsent() {
        Map<String, JsonNode> test = byDimension(get(quotaUrl(FABRIKAM, "b2c4d6e8-0a1b-4c3d-9e5f-7a8b9c0d1e2f",
                WEST_STAMP), v3("Accept", "application/json")));
        assertThat(test.get("CpuCount").get("UserRoleQuota").isNull()).isTrue();
        assertThat(get(quotaUrl(CONTOSO, FABRIKAM_EAST_CLOUD, EAST_STAMP), "Accept", "application/json").status())
                .isEqualTo(404);
        JsonNode contosoRows = get(vmm(CONTOSO) + "/QuotaAndUsageComponents?$filter=" + encode("CloudId eq guid'"
                + FABRIKAM_EAST_CLOUD + "'"), "Accept", "application/json").json().get("value");
        assertThat(contosoRows).isEmpty();
        Response expanded = get(vmm(FABRIKAM) + "/Clouds?$expand=QuotaAndUsageComponents", "Accept",
                "application/json");
        assertThat(expanded.status()).as(expanded.body()).isEqualTo(200);
        expanded.json().get("value").forEach(cloud -> assertThat(cloud.get("QuotaAndUsageComponents")).hasSize(4));
    }

    private static Map<String, JsonNode> byDimension(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        response.json().get("value").forEach(row -> rows.put(row.get("QuotaDimension").asText(), row));
        return rows;
    }
}
