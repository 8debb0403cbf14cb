package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * POST VirtualMachines (spec 3.3): from a template, or from a library disk and a hardware profile, granted to the
 * subscription on the request's stamp; 201 with the machine, its devices and its "Create virtual machine" job;
 * secrets never kept; over quota refused with nothing created.
 */
class VirtualMachineCreateTest extends HttpTestSupport {

    // 13_vmm_library.sql: the east stamp's library (Fabrikam's first cloud is Fabrikam East Cloud there)
    static final String EAST_WINDOWS_TEMPLATE = "b33fac58-7bb9-5e6e-99c3-4c671ccfd33f";
    static final String EAST_UBUNTU_DISK = "f4db513e-3938-59a2-b5ac-fd5466cba208";
    static final String EAST_WINDOWS_DISK = "e55e12d5-5bfa-553a-a375-b60f790c07f2";
    static final String EAST_LARGE_PROFILE = "35e6e78c-ac65-588e-b8ba-d2d9c65e47f6";
    static final String WEST_WINDOWS_TEMPLATE = "c2a94cd1-d3a2-52a8-9a94-711b468a9bbf";
    /** 14_vmm_vm_hardware.sql: the VM network Fabrikam's east machines use. */
    static final String FABRIKAM_VM_NETWORK = "8d1f3b2a-6c4e-4f70-9a12-3b4c5d6e7f81";
    static final String EXPAND = "$expand=VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,VirtualHardDisks,"
            + "VirtualDVDDrives,VirtualDiskDrives";

    private final List<UUID> created = new ArrayList<>();

    @AfterEach
    void removeCreatedMachines() {
        created.forEach(id -> jdbc.update("DELETE FROM virtual_machines WHERE id = ?", id));
    }

    @Test
    void fromATemplateWithAzurePowerShellsBodyStartedAndWithItsDevices() {
        Response response = send("POST", vmm(FABRIKAM) + "/VirtualMachines", """
                {"odata.type":"VMM.VirtualMachine","ID":"00000000-0000-0000-0000-000000000000",
                 "StampId":"%s","CloudId":"%s","Name":"azps-new","VMTemplateId":"%s","ComputerName":"azps-new",
                 "LocalAdminUserName":"Administrator","LocalAdminPassword":"p4ss-marker","ProductKey":"KEY-marker",
                 "LinuxAdministratorSSHKeyString":null,"StartVM":true,"Status":null,"CPUCount":null,
                 "NewVirtualNetworkAdapterInput@odata.type":"Collection(VMM.NewVMVirtualNetworkAdapterInput)",
                 "NewVirtualNetworkAdapterInput":[{"VMNetworkName":"Fabrikam VM Network"},
                   {"VMNetworkName":null,"VMNetworkId":null,"MACAddressType":null,"IPv4AddressType":null}]}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, EAST_WINDOWS_TEMPLATE),
                v3("Accept", "application/json", "x-ms-principal-id", "admin@fabrikam.example"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode vm = response.json();
        String id = vm.get("ID").asText();
        created.add(UUID.fromString(id));
        assertThat(response.header("Location")).contains("VirtualMachines(ID=guid'" + id);
        String jobId = response.header("x-ms-request-id");
        assertThat(vm.get("MostRecentTaskId").asText()).isEqualTo(jobId);
        assertThat(vm.get("Status").asText()).isEqualTo("Running");
        assertThat(vm.get("CPUCount").asInt()).isEqualTo(2);
        assertThat(vm.get("VMTemplateId").asText()).isEqualTo(EAST_WINDOWS_TEMPLATE);
        assertThat(vm.get("ComputerName").asText()).isEqualTo("azps-new");
        assertThat(vm.get("Owner").get("UserName").asText()).isEqualTo("admin@fabrikam.example");
        assertThat(vm.get("LocalAdminPassword").isNull()).isTrue();
        assertThat(response.body()).doesNotContain("marker");
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("Name").asText()).isEqualTo("Create virtual machine");
        assertThat(job.get("Status").asText()).isEqualTo("Completed");

        JsonNode expanded = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ID eq guid'" + id + "'&" + EXPAND,
                "Accept", "application/json").json().get("value").get(0);
        JsonNode adapters = expanded.get("VirtualNetworkAdapters");
        assertThat(adapters).hasSize(2);
        // $expand answers in key order: find each by its slot
        JsonNode first = adapters.get(0).get("SlotId").asInt() == 0 ? adapters.get(0) : adapters.get(1);
        JsonNode second = first == adapters.get(0) ? adapters.get(1) : adapters.get(0);
        assertThat(first.get("VMNetworkId").asText()).isEqualTo(FABRIKAM_VM_NETWORK);
        assertThat(second.get("VMNetworkId").isNull()).as("an all-null input is not connected").isTrue();
        assertThat(expanded.get("VirtualHardDisks")).hasSize(1);
        assertThat(expanded.get("VirtualDiskDrives")).hasSize(1);
        assertThat(expanded.get("VirtualDVDDrives")).hasSize(1);
        assertThat(expanded.get("VirtualSCSIAdapters")).hasSize(1);
        assertThat(expanded.get("VMCheckpoints")).isEmpty();

        // the secrets are nowhere: not in the jobs, not in the machine, not in the request journal
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE CAST(parameters AS VARCHAR(10000)) LIKE ?",
                Integer.class, "%marker%")).isZero();
        assertThat(jdbc.queryForList("SELECT * FROM virtual_machines WHERE id = ?", UUID.fromString(id)).toString())
                .doesNotContain("marker");
        assertThat(get(base + "/_localpack/journal?path=/VirtualMachines&method=POST").body())
                .doesNotContain("marker").contains("***");
    }

    @Test
    void fromADiskAndAProfileStoppedAndAsynchronouslyInV4() {
        // paced by the client's polls, so the asynchronous answer shows the machine before its job has run
        assertThat(send("PUT", base + "/_localpack/timing/vmm.vm.create", "{\"mode\":\"polls\",\"polls\":2}")
                .status()).isEqualTo(200);
        try {
            createFromADiskAndAProfileAsynchronously();
        } finally {
            send("DELETE", base + "/_localpack/timing/vmm.vm.create", null);
        }
    }

    private void createFromADiskAndAProfileAsynchronously() {
        Response response = send("POST", vmm(FABRIKAM) + "/VirtualMachines?RunAsynchronously=1", """
                {"StampId":"%s","CloudId":"%s","Name":"from disk","VirtualHardDiskId":"%s","HardwareProfileId":"%s",
                 "LinuxAdministratorSSHKeyString":"ssh-rsa AAAA-marker"}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, EAST_UBUNTU_DISK, EAST_LARGE_PROFILE),
                "Accept", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode vm = response.json();
        created.add(UUID.fromString(vm.get("ID").asText()));
        assertThat(vm.get("Status").asText()).isEqualTo("UnderCreation");
        assertThat(vm.get("StatusString").asText()).contains("Creating");
        assertThat(vm.get("CPUCount").asInt()).isEqualTo(4);
        assertThat(vm.get("Memory").asInt()).isEqualTo(7168);
        assertThat(vm.get("HardwareProfileId").asText()).isEqualTo(EAST_LARGE_PROFILE);
        awaitJob(response.header("x-ms-request-id"));
        JsonNode done = get(vmm(FABRIKAM) + "/VirtualMachines(ID=" + vm.get("ID").asText() + ",StampId=" + EAST_STAMP
                + ")", "Accept", "application/json").json();
        assertThat(done.get("Status").asText()).isEqualTo("PowerOff");
        assertThat(done.get("OperatingSystem").asText()).contains("Ubuntu");
    }

    @Test
    void overTheCloudsQuotaIsRefusedAndNothingIsCreated() {
        CloudCpuQuota quota = new CloudCpuQuota(jdbc, FABRIKAM, FABRIKAM_EAST_CLOUD);
        Integer limit = quota.limit();
        quota.setLimit((int) quota.used() + 1);
        try {
            List<String> before = snapshot();
            Response refused = send("POST", vmm(FABRIKAM) + "/VirtualMachines", """
                    {"StampId":"%s","CloudId":"%s","Name":"too big","VMTemplateId":"%s"}
                    """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, EAST_WINDOWS_TEMPLATE), "Accept", "application/json");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error").get("code").asText()).isEqualTo("QuotaExceeded");
            assertThat(refused.json().get("error").get("message").asText()).contains("CpuCount");
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            quota.setLimit(limit);
        }
    }

    @Test
    void deletingTheNewMachineReleasesItsQuotaUsage() {
        long before = usage("VMCount");
        Response response = send("POST", vmm(FABRIKAM) + "/VirtualMachines", """
                {"StampId":"%s","CloudId":"%s","Name":"short-lived","VMTemplateId":"%s"}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, EAST_WINDOWS_TEMPLATE), "Accept", "application/json");
        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("ID").asText();
        assertThat(usage("VMCount")).isEqualTo(before + 1);
        assertThat(usage("StorageGB")).isPositive();
        Response deleted = send("DELETE", vmm(FABRIKAM) + "/VirtualMachines(ID=" + id + ",StampId=" + EAST_STAMP + ")",
                null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(usage("VMCount")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_hard_disks WHERE vm_id = ?", Integer.class,
                UUID.fromString(id))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters WHERE vm_id = ?",
                Integer.class, UUID.fromString(id))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no Name|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\"}|Name",
        "no CloudId|{\"StampId\":\"" + EAST_STAMP + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\"}|CloudId",
        "zero CloudId|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"00000000-0000-0000-0000-000000000000\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\"}|CloudId",
        "no StampId|{\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\"}|StampId",
        "no source|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\"}|VMTemplateId",
        "template and disk|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\",\"VirtualHardDiskId\":\"" + EAST_UBUNTU_DISK + "\"}|not both",
        "template of another stamp|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + WEST_WINDOWS_TEMPLATE + "\"}|VMTemplateId",
        "cloud of another stamp|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\"}|CloudId",
        "unknown profile|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VirtualHardDiskId\":\"" + EAST_UBUNTU_DISK + "\",\"HardwareProfileId\":\"11111111-2222-3333-4444-555555555555\"}|HardwareProfileId",
        "unknown disk|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VirtualHardDiskId\":\"11111111-2222-3333-4444-555555555555\"}|VirtualHardDiskId",
        "CPUCount zero|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\",\"CPUCount\":0}|CPUCount",
        "bad address type|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"n\",\"IPv4AddressType\":\"Sometimes\"}]}|IPv4AddressType",
        "StartVM not a boolean|{\"StampId\":\"" + EAST_STAMP + "\",\"CloudId\":\"" + FABRIKAM_EAST_CLOUD + "\",\"Name\":\"x\",\"VMTemplateId\":\"" + EAST_WINDOWS_TEMPLATE + "\",\"StartVM\":\"soon\"}|",
    })
    void badCreatesAreRefusedNamingWhyAndCreateNothing(String label, String body, String named) {
        List<String> before = snapshot();
        Response response = send("POST", vmm(FABRIKAM) + "/VirtualMachines", body, "Accept", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        if (named != null && !named.isEmpty()) {
            assertThat(response.json().get("error").get("message").asText()).contains(named);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void contosoCannotUseATemplateOnlyFabrikamIsGranted() {
        List<String> before = snapshot();
        Response response = send("POST", vmm(CONTOSO) + "/VirtualMachines", """
                {"StampId":"%s","CloudId":"%s","Name":"x","VMTemplateId":"%s"}
                """.formatted(EAST_STAMP, FABRIKAM_EAST_CLOUD, EAST_WINDOWS_TEMPLATE), "Accept", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText()).contains("CloudId");
        assertThat(snapshot()).isEqualTo(before);
    }

    private long usage(String dimension) {
        return jdbc.queryForObject("SELECT user_role_usage FROM quota_and_usage_components WHERE subscription_id = ?"
                + " AND cloud_id = ? AND quota_dimension = ?", Long.class, UUID.fromString(FABRIKAM),
                UUID.fromString(FABRIKAM_EAST_CLOUD), dimension);
    }

    /** The machines, their devices and the jobs: a refused create adds to none of them. */
    private List<String> snapshot() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("virtual_hard_disks", "virtual_network_adapters", "virtual_disk_drives",
                "virtual_dvd_drives", "virtual_scsi_adapters", "jobs")) {
            rows.add(table + " " + jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return rows;
    }
}
