package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading VirtualMachines over HTTP: the fixtures' machines, tenant scoping, query options, and refused writes. */
class VirtualMachineReadTest extends HttpTestSupport {

    private static final String ACCEPT_JSON = "application/json";
    /** Network Gateway 1-GW01, a machine of the running seed-003 service (11_vmm_vms.sql). */
    private static final String GATEWAY_VM = "fa8aed7e-4564-5414-9d62-80ddf11b0838";
    private static final String CONTOSO_GATEWAY_SERVICE = "09162738-afb4-45c6-80d7-f8192a3b4c5d";

    private static String vmKey(String id, String stamp) {
        return "VirtualMachines(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    @Test
    void listsOnlyTheSubscriptionsMachines() {
        List<String> contoso = names(get(vmm(CONTOSO) + "/VirtualMachines?$top=100", "Accept",
                ACCEPT_JSON).json());
        assertThat(contoso).containsExactlyInAnyOrder(
                "Contoso Gateway 2-GW01", "Contoso Gateway 2-GW02", "Contoso Gateway-GW01", "Contoso Gateway-GW02",
                "Contoso Reports-Data01", "Contoso Reports-Web01", "Contoso Reports-Web02",
                "Contoso Shop-Data01", "Contoso Shop-Web01", "Contoso Shop-Web02",
                // stand-alone (14_vmm_vm_hardware.sql)
                "Contoso Web01", "Contoso Jump01", "Contoso Batch01", "Contoso Lab01", "Contoso Sql01",
                // the VM Role ContosoApp's two instances (50_vm_roles.sql)
                "CAPP01", "CAPP02");
        List<String> fabrikam = names(get(vmm(FABRIKAM) + "/VirtualMachines?$top=200", "Accept", ACCEPT_JSON).json());
        assertThat(fabrikam).contains("Network Gateway 1-GW01", "Fabrikam Web Store-Data01", "Gateway Test-GW02")
                .noneMatch(name -> name.startsWith("Contoso"));
        assertThat(get(vmm(CONTOSO) + "/VirtualMachines/$count").body()).isEqualTo("17");
    }

    /** The fixtures follow ComputerTierPlan, and a machine's power state follows its service's status. */
    @Test
    void everyFixtureServiceHasTheMachinesOfItsTemplatesTiers() {
        String fixtureServices = "s.added_time < TIMESTAMP WITH TIME ZONE '2015-01-01 00:00:00Z'";
        List<Map<String, Object>> services = jdbc.queryForList("SELECT s.id, s.stamp_id, t.name AS template"
                + " FROM services s JOIN service_templates t ON t.id = s.service_template_id AND t.stamp_id = s.stamp_id"
                + " WHERE " + fixtureServices);
        assertThat(services).hasSize(12);
        for (Map<String, Object> service : services) {
            Map<String, Integer> expected = new TreeMap<>();
            ComputerTierPlan.forTemplate((String) service.get("template"))
                    .forEach(tier -> expected.put(tier.name(), tier.instanceCount()));
            Map<String, Integer> actual = new TreeMap<>();
            jdbc.queryForList("SELECT computer_tier_name, COUNT(*) AS machines FROM virtual_machines"
                    + " WHERE service_id = ? AND stamp_id = ? GROUP BY computer_tier_name",
                    service.get("id"), service.get("stamp_id"))
                    .forEach(row -> actual.put((String) row.get("computer_tier_name"),
                            ((Number) row.get("machines")).intValue()));
            assertThat(actual).as("tiers of service %s", service.get("id")).isEqualTo(expected);
        }
        Integer inconsistent = jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines v JOIN services s"
                + " ON s.id = v.service_id AND s.stamp_id = v.stamp_id WHERE " + fixtureServices
                + " AND (v.subscription_id <> s.subscription_id OR v.cloud_id <> s.cloud_id"
                + " OR (s.service_status = 'OK' AND v.status <> 'Running')"
                + " OR (s.service_status = 'Stopped' AND v.status <> 'PowerOff'))", Integer.class);
        assertThat(inconsistent).isZero();
    }

    @Test
    void filtersByServiceIdWithAV3GuidLiteral() {
        JsonNode body = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'" + WEB_STORE_SERVICE
                + "'&$orderby=Name", "Accept", ACCEPT_JSON).json();
        assertThat(names(body)).containsExactly("Fabrikam Web Store-Data01", "Fabrikam Web Store-Web01",
                "Fabrikam Web Store-Web02");
        JsonNode data = body.get("value").get(0);
        assertThat(data.get("ComputerName").asText()).isEqualTo("FWS-DATA01");
        assertThat(data.get("CPUCount").asInt()).isEqualTo(4);
        assertThat(data.get("Memory").asInt()).isEqualTo(8192);
        assertThat(data.get("StampId").asText()).isEqualTo(EAST_STAMP);
        assertThat(data.get("CloudId").asText()).isEqualTo(FABRIKAM_EAST_CLOUD);
        assertThat(data.get("CostCenter").asText()).isEqualTo("CC-1001");

        JsonNode otherTenants = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq guid'"
                + CONTOSO_GATEWAY_SERVICE + "'", "Accept", ACCEPT_JSON).json();
        assertThat(otherTenants.get("value")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Status eq 'PowerOff'                                | Contoso Gateway 2-GW01,Contoso Gateway 2-GW02",
        "StatusString eq 'Power Off'                          | Contoso Gateway 2-GW01,Contoso Gateway 2-GW02",
        "CPUCount lt 200 and Memory eq 8192                   | Contoso Reports-Data01,Contoso Shop-Data01",
        "UpgradeDomain eq 1 and CloudId eq guid'" + "7c4b2e19-6d3a-4f85-9e21-b8a0c3d4e5f6"
                + "' | Contoso Gateway 2-GW02,Contoso Gateway-GW02",
        "startswith(ComputerName,'CS-') and VirtualMachineState eq 'Running' | Contoso Shop-Data01,Contoso Shop-Web01,"
                + "Contoso Shop-Web02",
        "Owner/UserName ne null                               | ''"
    })
    void filtersRunOnTheStoredProperties(String filter, String expected) {
        // the service VMs only: the stand-alone ones have their own tests (VirtualMachineHardwareReadTest)
        Response response = get(vmm(CONTOSO) + "/VirtualMachines?$filter=ServiceId ne null and (" + filter.trim()
                + ")", "Accept", ACCEPT_JSON);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = names(response.json());
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                expected.isBlank() ? List.of() : List.of(expected.trim().split(",")));
    }

    @Test
    void readsOneMachineByItsV3Key() {
        Response response = get(vmm(FABRIKAM) + "/" + vmKey(GATEWAY_VM, WEST_STAMP), "Accept", ACCEPT_JSON);
        assertThat(response.status()).isEqualTo(200);
        JsonNode vm = response.json();
        assertThat(vm.get("ID").asText()).isEqualTo(GATEWAY_VM);
        assertThat(vm.get("StampId").asText()).isEqualTo(WEST_STAMP);
        assertThat(vm.get("Name").asText()).isEqualTo("Network Gateway 1-GW01");
        assertThat(vm.get("ComputerName").asText()).isEqualTo("NG1-GW01");
        assertThat(vm.get("ServiceId").asText()).isEqualTo(GATEWAY_SERVICE);
        assertThat(vm.get("CloudId").asText()).isEqualTo(FABRIKAM_CLOUD);
        assertThat(vm.get("Status").asText()).isEqualTo("Running");
        assertThat(vm.get("StatusString").asText()).isEqualTo("Running");
        assertThat(vm.get("VirtualMachineState").asText()).isEqualTo("Running");
        assertThat(vm.get("CPUCount").asInt()).isEqualTo(2);
        assertThat(vm.get("Memory").asInt()).isEqualTo(2048);
        assertThat(vm.get("OperatingSystem").asText()).isEqualTo("Windows Server 2012 R2 Datacenter");
        assertThat(java.time.OffsetDateTime.parse(vm.get("AddedTime").asText()).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2014-04-29T16:44:11.6-07:00").toInstant());
        assertThat(vm.get("Enabled").asBoolean()).isTrue();
        assertThat(vm.get("VMHostName").asText()).isEqualTo("hv-west-01.fabric.local");
        assertThat(vm.get("UpgradeDomain").asInt()).isZero();
        assertThat(vm.get("Owner").has("RoleID")).isTrue();
        assertThat(vm.has("FailedJobID")).isTrue();
    }

    @Test
    void anotherSubscriptionsMachineIsNotFound() {
        Response response = get(vmm(CONTOSO) + "/" + vmKey(GATEWAY_VM, WEST_STAMP), "Accept", ACCEPT_JSON);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("NotFound");
        assertThat(response.json().get("error").get("message").asText()).contains("VirtualMachine");
        JsonNode filtered = get(vmm(CONTOSO) + "/VirtualMachines?$filter=ID eq guid'" + GATEWAY_VM + "'", "Accept",
                ACCEPT_JSON).json();
        assertThat(filtered.get("value")).isEmpty();
    }

    @Test
    void badKeysAndFiltersAre400() {
        Response malformed = get(vmm(FABRIKAM) + "/VirtualMachines(ID=guid'nope',StampId=guid'" + WEST_STAMP + "')",
                "Accept", ACCEPT_JSON);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("message").asText()).contains("ID");
        Response wrongType = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ServiceId eq 'Network Gateway 1'",
                "Accept", ACCEPT_JSON);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().has("error")).isTrue();
        Response unknownProperty = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=DeploymentState eq 'Deployed'",
                "Accept", ACCEPT_JSON);
        assertThat(unknownProperty.status()).isEqualTo(400);
        assertThat(unknownProperty.json().has("error")).isTrue();
    }

    @Test
    void metadataDescribesVirtualMachineWithSpfNamesAndTypes() {
        Response raw = get(vmm(FABRIKAM) + "/$metadata");
        assertThat(raw.body()).contains("<EntitySet Name=\"VirtualMachines\" EntityType=\"VMM.VirtualMachine\"");
        ODataClient client = ODataClientFactory.getClient();
        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(vmm(FABRIKAM)).execute().getBody();
        EdmEntityType vm = edm.getEntityType(new FullQualifiedName("VMM", "VirtualMachine"));
        assertThat(vm.getKeyPredicateNames()).containsExactly("ID", "StampId");
        assertThat(vm.getPropertyNames()).hasSize(128).contains("AddedTime", "CloudId", "ComputerName",
                "ComputerTierId", "CostCenter", "CPUCount", "CreationTime", "Description", "Enabled", "FailedJobID", "ID", "Memory",
                "ModifiedTime", "MostRecentTaskId", "Name", "OperatingSystem", "Owner", "ServiceId", "StampId",
                "Status", "StatusString", "Tag", "UpgradeDomain", "VirtualMachineState", "VMHostName",
                "Operation", "Agent", "Retry", "Undo", "Dismiss");
        assertThat(type(vm, "CPUCount")).isEqualTo("Edm.Byte");
        assertThat(type(vm, "Memory")).isEqualTo("Edm.Int32");
        assertThat(type(vm, "ServiceId")).isEqualTo("Edm.Guid");
        assertThat(type(vm, "ComputerTierId")).isEqualTo("Edm.Guid");
        assertThat(type(vm, "FailedJobID")).isEqualTo("Edm.Guid");
        assertThat(type(vm, "CreationTime")).isEqualTo("Edm.DateTimeOffset");
        assertThat(type(vm, "Owner")).isEqualTo("VMM.UserAndRole");
        assertThat(type(vm, "TotalSize")).isEqualTo("Edm.Int64");
        assertThat(type(vm, "MemoryAvailablePercentage")).isEqualTo("Edm.Int16");
        assertThat(type(vm, "NewVirtualNetworkAdapterInput")).isEqualTo("VMM.NewVMVirtualNetworkAdapterInput");
        assertThat(vm.getStructuralProperty("NewVirtualNetworkAdapterInput").isCollection()).isTrue();
        assertThat(vm.getNavigationPropertyNames()).containsExactly("VirtualNetworkAdapters", "VirtualDiskDrives",
                "VirtualHardDisks", "VirtualDVDDrives", "VirtualSCSIAdapters", "VMCheckpoints");
        assertThat(edm.getEntityContainer().getEntitySet("VirtualMachines")).isNotNull();
    }

    private static String type(EdmEntityType type, String property) {
        return type.getStructuralProperty(property).getType().getFullQualifiedName().getFullQualifiedNameAsString();
    }

    static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("value").forEach(v -> names.add(v.get("Name").asText()));
        return names;
    }
}
