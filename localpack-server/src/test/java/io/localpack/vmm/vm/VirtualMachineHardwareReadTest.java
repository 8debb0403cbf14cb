package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientCollectionValue;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientValue;
import org.apache.olingo.client.core.ODataClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A VM's devices and checkpoints over HTTP as Azure PowerShell reads them: the six-way $expand on a $filter by ID or
 * Name in V4 and the three V3 formats, navigation paths, the device sets themselves, and tenant isolation for each.
 */
class VirtualMachineHardwareReadTest extends HttpTestSupport {

    /** Fabrikam Db01 (14_vmm_vm_hardware.sql): running, two checkpoints, an OS and a data disk. */
    static final String FABRIKAM_DB = "3cc0aef2-e300-532e-bd79-83e2eec03b42";
    /** Contoso Jump01: powered off, so its adapter has no address. */
    static final String CONTOSO_JUMP = "40812c60-ae15-54dc-9fae-e79b34f9d499";
    static final String SIX_WAY = "VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,VirtualHardDisks,"
            + "VirtualDVDDrives,VirtualDiskDrives";
    private static final String JSON_ACCEPT = "application/json";

    static String vmKey(String id, String stamp) {
        return "VirtualMachines(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    private String byIdWithDevices(String subscription, String id) {
        return vmm(subscription) + "/VirtualMachines?$filter=" + encode("ID eq guid'" + id + "'") + "&$expand="
                + SIX_WAY;
    }

    @Test
    void theSixWayExpandInV4() {
        Response response = get(byIdWithDevices(FABRIKAM, FABRIKAM_DB), "Accept", JSON_ACCEPT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode vm = response.json().get("value").get(0);
        assertThat(response.json().get("value")).hasSize(1);
        assertDevicesOfFabrikamDb(vm);
    }

    @Test
    void theSixWayExpandInV3JsonLight() {
        Response response = get(byIdWithDevices(FABRIKAM, FABRIKAM_DB),
                v3("Accept", "application/json;odata=minimalmetadata"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("odata.metadata").asText()).endsWith("$metadata#VirtualMachines");
        assertDevicesOfFabrikamDb(response.json().get("value").get(0));
    }

    @Test
    void theSixWayExpandInV3VerboseJson() {
        Response response = get(byIdWithDevices(FABRIKAM, FABRIKAM_DB),
                v3("Accept", "application/json;odata=verbose"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode vm = response.json().get("d").get("results").get(0);
        assertThat(vm.get("__metadata").get("type").asText()).isEqualTo("VMM.VirtualMachine");
        assertThat(vm.get("VirtualNetworkAdapters").get("results")).hasSize(1);
        assertThat(vm.get("VirtualNetworkAdapters").get("results").get(0).get("IPv4Addresses").get("results")
                .get(0).asText()).isEqualTo("10.0.0.15");
        assertThat(vm.get("VMCheckpoints").get("results")).hasSize(2);
        assertThat(vm.get("VirtualHardDisks").get("results")).hasSize(2);
        assertThat(vm.get("VirtualDiskDrives").get("results")).hasSize(2);
        assertThat(vm.get("VirtualDVDDrives").get("results")).hasSize(1);
        assertThat(vm.get("VirtualSCSIAdapters").get("results")).hasSize(1);
        assertThat(vm.get("NewVirtualNetworkAdapterInput").get("results")).isEmpty();
    }

    @Test
    void theSixWayExpandInAtom() {
        Response response = get(byIdWithDevices(FABRIKAM, FABRIKAM_DB), v3("Accept", "application/atom+xml"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String atom = response.body();
        assertThat(atom).contains("<category term=\"VMM.VirtualMachine\"");
        for (String navigation : SIX_WAY.split(",")) {
            assertThat(atom).contains("title=\"" + navigation + "\"");
        }
        assertThat(count(atom, "term=\"VMM.VMCheckPoint\"")).isEqualTo(2);
        assertThat(count(atom, "term=\"VMM.VirtualHardDisk\"")).isEqualTo(2);
        assertThat(count(atom, "term=\"VMM.VirtualNetworkAdapter\"")).isEqualTo(1);
        assertThat(count(atom, "term=\"VMM.VirtualDVDDrive\"")).isEqualTo(1);
        assertThat(count(atom, "term=\"VMM.VirtualSCSIAdapter\"")).isEqualTo(1);
        assertThat(count(atom, "term=\"VMM.VirtualDiskDrive\"")).isEqualTo(2);
        assertThat(atom).contains("<d:IPv4Addresses m:type=\"Collection(Edm.String)\"><d:element>10.0.0.15</d:element>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void findsAVmByNameWithTheExpand(String dialect) {
        String url = vmm(CONTOSO) + "/VirtualMachines?$filter=" + encode("Name eq 'Contoso Jump01'") + "&$expand="
                + SIX_WAY;
        Response response = dialect.equals("V4") ? get(url, "Accept", JSON_ACCEPT) : get(url, v3("Accept",
                JSON_ACCEPT));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode vm = response.json().get("value").get(0);
        assertThat(vm.get("ID").asText()).isEqualTo(CONTOSO_JUMP);
        assertThat(vm.get("Status").asText()).isEqualTo("PowerOff");
        assertThat(vm.get("VirtualNetworkAdapters").get(0).get("IPv4Addresses")).isEmpty();
        assertThat(vm.get("VMCheckpoints")).isEmpty();
        assertThat(vm.get("VirtualHardDisks")).hasSize(1);
    }

    @Test
    void writeOnlyMembersReadNullAndDerivedOnesFollowTheState() {
        JsonNode vm = get(vmm(FABRIKAM) + "/" + vmKey(FABRIKAM_DB, EAST_STAMP), "Accept", JSON_ACCEPT).json();
        for (String writeOnly : List.of("LocalAdminUserName", "LocalAdminPassword", "ProductKey",
                "LinuxAdministratorSSHKeyString", "Operation", "StartVM", "Retry", "Undo", "Dismiss", "Agent",
                "Password", "TimeZone")) {
            assertThat(vm.get(writeOnly).isNull()).as(writeOnly).isTrue();
        }
        assertThat(vm.get("NewVirtualNetworkAdapterInput")).isEmpty();
        assertThat(vm.get("VMTemplateId").asText()).isNotEmpty();
        assertThat(vm.get("LastRestoredCheckpointId").asText()).isNotEmpty();
        assertThat(vm.get("MemoryAssignedMB").asInt()).isEqualTo(8192);
        assertThat(vm.get("TotalSize").asText()).isEqualTo(String.valueOf(114L * 1024 * 1024 * 1024));
        assertThat(vm.get("OperatingSystemInstance").get("OSType").asText()).isEqualTo("Windows");
        JsonNode off = get(vmm(CONTOSO) + "/" + vmKey(CONTOSO_JUMP, WEST_STAMP), "Accept", JSON_ACCEPT).json();
        assertThat(off.get("MemoryAssignedMB").asInt()).isZero();
        assertThat(off.get("HasSavedState").asBoolean()).isFalse();
    }

    @Test
    void navigationFromAVmAndTheDiskOfADrive() {
        String vm = vmm(FABRIKAM) + "/" + vmKey(FABRIKAM_DB, EAST_STAMP);
        JsonNode checkpoints = get(vm + "/VMCheckpoints?$orderby=AddedTime", "Accept", JSON_ACCEPT).json()
                .get("value");
        assertThat(checkpoints).hasSize(2);
        assertThat(checkpoints.get(1).get("ParentCheckpointID").asText())
                .isEqualTo(checkpoints.get(0).get("ID").asText());
        JsonNode drives = get(vm + "/VirtualDiskDrives?$filter=" + encode("BusType eq 'IDE'"), "Accept",
                JSON_ACCEPT).json().get("value");
        assertThat(drives).hasSize(1);
        String drive = "VirtualDiskDrives(ID=guid'" + drives.get(0).get("ID").asText() + "',StampId=guid'"
                + EAST_STAMP + "')";
        Response disk = get(vmm(FABRIKAM) + "/" + drive + "/VirtualHardDisk", "Accept", JSON_ACCEPT);
        assertThat(disk.status()).as(disk.body()).isEqualTo(200);
        assertThat(disk.json().get("VMId").asText()).isEqualTo(FABRIKAM_DB);
        assertThat(disk.json().get("MaximumSize").asText()).isEqualTo(String.valueOf(40L * 1024 * 1024 * 1024));
        assertThat(disk.json().get("VolumeType")).isNull(); // a drive's member, not the disk's
    }

    /** Another tenant's VM, and each of its devices, answers exactly as a missing one does. */
    @Test
    void anotherTenantsDevicesAreAbsentEverywhere() {
        String missing = "00000000-0000-0000-0000-00000000beef";
        Response missingVm = get(vmm(CONTOSO) + "/" + vmKey(missing, EAST_STAMP), "Accept", JSON_ACCEPT);
        Response otherVm = get(vmm(CONTOSO) + "/" + vmKey(FABRIKAM_DB, EAST_STAMP), "Accept", JSON_ACCEPT);
        assertThat(otherVm.status()).isEqualTo(404);
        assertThat(otherVm.body()).isEqualTo(missingVm.body().replace(missing, FABRIKAM_DB));
        assertThat(get(vmm(CONTOSO) + "/" + vmKey(FABRIKAM_DB, EAST_STAMP) + "/VirtualNetworkAdapters", "Accept",
                JSON_ACCEPT).status()).isEqualTo(404);
        assertThat(get(byIdWithDevices(CONTOSO, FABRIKAM_DB), "Accept", JSON_ACCEPT).json().get("value")).isEmpty();
        for (String set : List.of("VirtualNetworkAdapters", "VirtualHardDisks", "VirtualDiskDrives",
                "VirtualDVDDrives", "VirtualSCSIAdapters", "VMCheckPoints")) {
            JsonNode fabrikamRows = get(vmm(FABRIKAM) + "/" + set + "?$filter=" + encode("VMId eq guid'"
                    + FABRIKAM_DB + "'"), "Accept", JSON_ACCEPT).json().get("value");
            assertThat(fabrikamRows).as(set).isNotEmpty();
            JsonNode contosoRows = get(vmm(CONTOSO) + "/" + set + "?$filter=" + encode("VMId eq guid'"
                    + FABRIKAM_DB + "'"), "Accept", JSON_ACCEPT).json().get("value");
            assertThat(contosoRows).as(set).isEmpty();
            String key = set + "(ID=guid'" + fabrikamRows.get(0).get("ID").asText() + "',StampId=guid'" + EAST_STAMP
                    + "')";
            assertThat(get(vmm(FABRIKAM) + "/" + key, "Accept", JSON_ACCEPT).status()).as(key).isEqualTo(200);
            assertThat(get(vmm(CONTOSO) + "/" + key, "Accept", JSON_ACCEPT).status()).as(key).isEqualTo(404);
            List<String> contosoVmIds = new ArrayList<>();
            get(vmm(CONTOSO) + "/" + set + "?$top=1000", "Accept", JSON_ACCEPT).json().get("value")
                    .forEach(row -> contosoVmIds.add(row.path("VMId").asText()));
            assertThat(contosoVmIds).as(set).doesNotContain(FABRIKAM_DB);
        }
    }

    /** Olingo's own client reads the VM with its devices, primitive collections and Int64 members included. */
    @Test
    void olingosClientReadsTheExpandedVm() {
        ODataClient client = ODataClientFactory.getClient();
        URI uri = client.newURIBuilder(vmm(FABRIKAM)).appendEntitySetSegment("VirtualMachines")
                .filter("ID eq " + FABRIKAM_DB).expand(SIX_WAY.split(",")).build();
        ClientEntitySet read = client.getRetrieveRequestFactory().getEntitySetRequest(uri).execute().getBody();
        ClientEntity vm = read.getEntities().get(0);
        assertThat(vm.getProperty("TotalSize").getPrimitiveValue().toValue()).isEqualTo(114L * 1024 * 1024 * 1024);
        ClientEntitySet nics = vm.getNavigationLink("VirtualNetworkAdapters").asInlineEntitySet().getEntitySet();
        ClientCollectionValue<ClientValue> addresses = nics.getEntities().get(0).getProperty("IPv4Addresses")
                .getCollectionValue();
        assertThat(addresses.size()).isEqualTo(1);
        assertThat(addresses.iterator().next().asPrimitive().toString()).isEqualTo("10.0.0.15");
        assertThat(vm.getNavigationLink("VMCheckpoints").asInlineEntitySet().getEntitySet().getEntities()).hasSize(2);
    }

    /** Sirocco reads a VM's adapters in Atom with $select=VMNetworkId,IPv4Addresses, and its cloud's quota. */
    @Test
    void siroccosAtomReads() {
        Response nics = get(vmm(FABRIKAM) + "/" + vmKey(FABRIKAM_DB, EAST_STAMP)
                + "/VirtualNetworkAdapters?$select=VMNetworkId,IPv4Addresses", v3("Accept", "application/atom+xml"));
        assertThat(nics.status()).as(nics.body()).isEqualTo(200);
        assertThat(nics.body()).contains("<d:VMNetworkId m:type=\"Edm.Guid\">8d1f3b2a-6c4e-4f70-9a12-3b4c5d6e7f81")
                .contains("<d:element>10.0.0.15</d:element>").doesNotContain("<d:MACAddress");
        Response quota = get(vmm(FABRIKAM) + "/Clouds(ID=guid'" + FABRIKAM_EAST_CLOUD + "',StampId=guid'" + EAST_STAMP
                + "')/QuotaAndUsageComponents?$select=QuotaDimension,UserRoleQuota,UserRoleUsage",
                v3("Accept", "application/atom+xml"));
        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        assertThat(quota.body()).contains("<d:QuotaDimension>VMCount</d:QuotaDimension>")
                .contains("<d:UserRoleQuota m:type=\"Edm.Int32\">30</d:UserRoleQuota>");
    }

    @Test
    void serviceVmsHaveDevicesToo() {
        JsonNode vm = get(vmm(FABRIKAM) + "/" + vmKey("fa8aed7e-4564-5414-9d62-80ddf11b0838", WEST_STAMP)
                + "?$expand=VirtualHardDisks,VirtualNetworkAdapters", "Accept", JSON_ACCEPT).json();
        assertThat(vm.get("VirtualHardDisks")).hasSize(1);
        assertThat(vm.get("VirtualNetworkAdapters").get(0).get("VMNetworkName").asText()).isEqualTo("External");
    }

    private static void assertDevicesOfFabrikamDb(JsonNode vm) {
        assertThat(vm.get("Name").asText()).isEqualTo("Fabrikam Db01");
        JsonNode nics = vm.get("VirtualNetworkAdapters");
        assertThat(nics).hasSize(1);
        assertThat(nics.get(0).get("IPv4Addresses").get(0).asText()).isEqualTo("10.0.0.15");
        assertThat(nics.get(0).get("VMId").asText()).isEqualTo(FABRIKAM_DB);
        assertThat(vm.get("VMCheckpoints")).hasSize(2);
        assertThat(vm.get("VirtualSCSIAdapters")).hasSize(1);
        assertThat(vm.get("VirtualHardDisks")).hasSize(2);
        assertThat(vm.get("VirtualDVDDrives")).hasSize(1);
        assertThat(vm.get("VirtualDiskDrives")).hasSize(2);
        assertThat(vm.get("VirtualHardDisks").get(0).get("Tag").isArray()).isTrue();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
