package io.localpack.vmroles;

import static io.localpack.vmroles.CloudServiceTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disks and network adapters of a role's machine (spec 4.4): the OS disk and data disks are the machine's own VMM
 * VirtualHardDisks and VirtualDiskDrives; adding one (POST, LUN as a string) and expanding one (PATCH, MB as a
 * string, grow only, machine Stopped) are jobs; bad requests are refused naming why and change nothing.
 */
class VmRoleDisksTest extends VmRoleApiSupport {

    private static final String CS = "csDisks";
    private static final String UBUNTU_IMAGE = "Ubuntu Server 14.04 LTS:14.04.1";
    /** 13_vmm_library.sql: the Windows disk of the stamp Fabrikam's roles go to. */
    private static final String WINDOWS_LIBRARY_DISK = "e55e12d5-5bfa-553a-a375-b60f790c07f2";

    @AfterEach
    void removeCloudService() {
        if (call("GET", root(FABRIKAM) + "/CloudServices/" + CS, null).status() == 200) {
            awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/" + CS, null));
        }
    }

    @Test
    void aMachinesDisksAreItsVmmDisksAndGrowThroughJobs() {
        provisionedRole(CS, "disks", "DISK##", 1);
        String vmId = call("GET", roles(FABRIKAM, CS) + "/disks/VMs", null).json().at("/value/0/Id").asText();
        String vmUrl = roles(FABRIKAM, CS) + "/disks/VMs/" + vmId;
        long osMb = jdbc.queryForObject("SELECT maximum_size FROM virtual_hard_disks WHERE id = ?", Long.class,
                UUID.fromString(WINDOWS_LIBRARY_DISK)) / (1024 * 1024);

        JsonNode os = call("GET", vmUrl + "/Disks", null).json().get("value");
        assertThat(os).hasSize(1);
        assertThat(os.get(0).get("DataVirtualHardDiskImage").asText()).isEqualTo(WINDOWS_IMAGE);
        assertThat(os.get(0).get("DiskLun").asInt()).isZero();
        assertThat(os.get(0).get("DiskSize").asText()).isEqualTo(Long.toString(osMb));
        assertThat(os.get(0).get("DiskDataFile").asText()).endsWith(".vhdx").contains("DISK01");

        // add a data disk at LUN 3 (Azure PowerShell's root, the LUN as a string)
        String vmmVmUrl = vmmRoot(FABRIKAM) + "/CloudServices/" + CS + "/Resources/MicrosoftCompute/VMRoles/disks/VMs/"
                + vmId;
        Response added = call("POST", vmmVmUrl + "/Disks",
                "{\"DataVirtualHardDiskImage\":\"" + UBUNTU_IMAGE + "\",\"DiskLun\":\"3\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String diskId = added.json().get("Id").asText();
        assertThat(added.header("Location")).isEqualTo(vmmVmUrl + "/Disks/" + diskId);
        assertThat(added.json().get("DiskLun").asInt()).isEqualTo(3);
        JsonNode job = awaitJobOf(FABRIKAM, added);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo("Add virtual hard disk");
        assertThat(luns(vmUrl)).containsExactly(0, 3);
        JsonNode data = call("GET", vmUrl + "/Disks/" + diskId, null).json();
        assertThat(data.get("DataVirtualHardDiskImage").asText()).isEqualTo(UBUNTU_IMAGE);
        // VMM shows the same disk on the machine: its drive on SCSI 0:3, its VHD
        JsonNode machine = vmmMachine(vmId);
        assertThat(machine.get("VirtualHardDisks")).hasSize(2);
        JsonNode drive = null;
        for (JsonNode d : machine.get("VirtualDiskDrives")) {
            if (diskId.equals(d.get("VirtualHardDiskId").asText())) {
                drive = d;
            }
        }
        assertThat(drive).isNotNull();
        assertThat(drive.get("BusType").asText()).isEqualTo("SCSI");
        assertThat(drive.get("LUN").asInt()).isEqualTo(3);

        // expanding needs the machine Stopped
        String patch = "{\"Id\":\"" + diskId + "\",\"DiskSize\":\"" + (osMb + 10240) + "\"}";
        List<String> before = diskState();
        assertRefused(call("PATCH", vmUrl + "/Disks/" + diskId, patch), 409, "Stopped");
        assertThat(diskState()).isEqualTo(before);
        Response stop = send("PUT", vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + vmId + "',StampId=guid'"
                + EAST_STAMP + "')", "{\"Operation\":\"Stop\"}", "Accept", "application/json");
        assertThat(stop.status()).as(stop.body()).isEqualTo(204);
        awaitJob(stop.header("x-ms-request-id"));
        assertThat(call("GET", vmUrl, null).json().get("RuntimeState").asText()).isEqualTo("Stopped");

        Response expanded = call("PATCH", vmUrl + "/Disks/" + diskId, patch);
        assertThat(expanded.status()).as(expanded.body()).isEqualTo(204);
        assertThat(awaitJobOf(FABRIKAM, expanded).get("Name").asText()).isEqualTo("Expand virtual hard disk");
        assertThat(call("GET", vmUrl + "/Disks/" + diskId, null).json().get("DiskSize").asText())
                .isEqualTo(Long.toString(osMb + 10240));
        for (JsonNode vhd : vmmMachine(vmId).get("VirtualHardDisks")) {
            if (diskId.equals(vhd.get("ID").asText())) {
                assertThat(vhd.get("MaximumSize").asLong()).isEqualTo((osMb + 10240) * 1024 * 1024);
            }
        }

        // the machine's network adapter, named as the definition names it
        JsonNode nics = call("GET", vmUrl + "/Nics", null).json().get("value");
        assertThat(nics).hasSize(1);
        assertThat(nics.get(0).get("NetworkAdapterName").asText()).isEqualTo("NIC1");
        assertThat(nics.get(0).get("CurrentIpAddresses").isArray()).isTrue();
        assertThat(nics.get(0).get("Id").asText()).isEqualTo(machine.at("/VirtualNetworkAdapters/0/ID").asText());
        assertThat(call("GET", vmUrl + "/Nics/" + nics.get(0).get("Id").asText(), null).json()
                .get("NetworkAdapterName").asText()).isEqualTo("NIC1");
    }

    @Test
    void badDiskRequestsAreRefusedNamingWhyAndChangeNothing() {
        provisionedRole(CS, "baddisk", "BADD##", 1);
        String vmId = call("GET", roles(FABRIKAM, CS) + "/baddisk/VMs", null).json().at("/value/0/Id").asText();
        String vmUrl = roles(FABRIKAM, CS) + "/baddisk/VMs/" + vmId;
        Response added = call("POST", vmUrl + "/Disks", "{\"DataVirtualHardDiskImage\":\"" + WINDOWS_IMAGE
                + "\",\"DiskLun\":2}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        awaitJobOf(FABRIKAM, added);
        String diskId = added.json().get("Id").asText();
        List<String> before = diskState();
        String image = "\"DataVirtualHardDiskImage\":\"" + WINDOWS_IMAGE + "\"";
        Object[][] posts = {
            {"{\"DiskLun\":\"1\"}", 400, "DataVirtualHardDiskImage"},
            {"{\"DataVirtualHardDiskImage\":\"NoRelease\",\"DiskLun\":\"1\"}", 400, "DataVirtualHardDiskImage"},
            {"{\"DataVirtualHardDiskImage\":\"Windows Server 2003:1.0\",\"DiskLun\":\"1\"}", 400,
                "DataVirtualHardDiskImage"},
            {"{" + image + "}", 400, "DiskLun"},
            {"{" + image + ",\"DiskLun\":\"64\"}", 400, "DiskLun"},
            {"{" + image + ",\"DiskLun\":\"one\"}", 400, "DiskLun"},
            {"{" + image + ",\"DiskLun\":\"2\"}", 409, "DiskLun"},
            {"{" + image + ",\"DiskLun\":\"1\",\"Color\":\"red\"}", 400, "Color"},
            {"[]", 400, "JSON"},
        };
        for (Object[] row : posts) {
            assertRefused(call("POST", vmUrl + "/Disks", (String) row[0]), (Integer) row[1], (String) row[2]);
        }
        String missingVm = roles(FABRIKAM, CS) + "/baddisk/VMs/" + UUID.randomUUID();
        assertRefused(call("POST", missingVm + "/Disks", "{" + image + ",\"DiskLun\":\"1\"}"), 404, "virtual machine");
        assertRefused(call("GET", missingVm + "/Disks", null), 404, "virtual machine");
        assertRefused(call("GET", vmUrl + "/Disks/" + UUID.randomUUID(), null), 404, "disk");
        assertRefused(call("GET", vmUrl + "/Nics/" + UUID.randomUUID(), null), 404, "network adapter");
        // another tenant reaching for this machine finds nothing
        assertRefused(call("GET", roles(CONTOSO, CS) + "/baddisk/VMs/" + vmId + "/Disks", null), 404, CS);

        Response stop = send("PUT", vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + vmId + "',StampId=guid'"
                + EAST_STAMP + "')", "{\"Operation\":\"Stop\"}", "Accept", "application/json");
        awaitJob(stop.header("x-ms-request-id"));
        before = diskState();
        Object[][] patches = {
            {"{\"DiskSize\":\"100\"}", 400, "DiskSize"},
            {"{\"DiskSize\":\"big\"}", 400, "DiskSize"},
            {"{}", 400, "DiskSize"},
            {"{\"DiskSize\":\"999999999\"}", 400, "DiskSize"},
            {"{\"Id\":\"" + UUID.randomUUID() + "\",\"DiskSize\":\"99999\"}", 400, "Id"},
            {"{\"DiskLun\":\"5\",\"DiskSize\":\"99999\"}", 400, "DiskLun"},
            {"{\"Shape\":\"round\",\"DiskSize\":\"99999\"}", 400, "Shape"},
        };
        for (Object[] row : patches) {
            assertRefused(call("PATCH", vmUrl + "/Disks/" + diskId, (String) row[0]), (Integer) row[1],
                    (String) row[2]);
        }
        assertRefused(call("PATCH", vmUrl + "/Disks/" + UUID.randomUUID(), "{\"DiskSize\":\"99999\"}"), 404, "disk");
        assertThat(diskState()).isEqualTo(before);
    }

    private List<Integer> luns(String vmUrl) {
        List<Integer> luns = new ArrayList<>();
        call("GET", vmUrl + "/Disks", null).json().get("value").forEach(d -> luns.add(d.get("DiskLun").asInt()));
        return luns;
    }

    private JsonNode vmmMachine(String vmId) {
        return get(vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + vmId + "',StampId=guid'" + EAST_STAMP
                + "')?$expand=VirtualDiskDrives,VirtualHardDisks,VirtualNetworkAdapters", "Accept",
                "application/json").json();
    }

    /** The role rows, the machines' rows and their disk drives: equal snapshots mean nothing changed. */
    private List<String> diskState() {
        List<String> rows = new ArrayList<>(vmRoleState());
        jdbc.queryForList("SELECT * FROM virtual_disk_drives").forEach(row -> rows.add("virtual_disk_drives " + row));
        rows.sort(String::compareTo);
        return rows;
    }
}
