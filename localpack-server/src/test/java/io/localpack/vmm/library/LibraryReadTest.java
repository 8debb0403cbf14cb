package io.localpack.vmm.library;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VMTemplates, HardwareProfiles and library VirtualHardDisks over HTTP: what each tenant's grants show (13_vmm_library:
 * Fabrikam everything, Contoso everything on VMM-WEST-01 but only the Ubuntu template, its disk and the Small profile on
 * VMM-EAST-01), template network adapters, and Azure PowerShell's first-cloud lookup.
 */
class LibraryReadTest extends HttpTestSupport {

    private static final String JSON_ACCEPT = "application/json";

    @Test
    void eachTenantSeesItsGrantedTemplates() {
        assertThat(names(FABRIKAM, "VMTemplates")).containsExactlyInAnyOrder(
                "Windows Server 2012 R2 Datacenter", "Windows Server 2012 R2 Datacenter",
                "Ubuntu Server 14.04 LTS", "Ubuntu Server 14.04 LTS");
        assertThat(names(CONTOSO, "VMTemplates?$filter=" + encode("StampId eq guid'" + EAST_STAMP + "'")))
                .containsExactly("Ubuntu Server 14.04 LTS");
        assertThat(names(CONTOSO, "HardwareProfiles?$filter=" + encode("StampId eq guid'" + EAST_STAMP + "'")))
                .containsExactly("Small");
        assertThat(names(FABRIKAM, "HardwareProfiles?$filter=" + encode("StampId eq guid'" + EAST_STAMP + "'")
                + "&$orderby=Memory")).containsExactly("Small", "Medium", "Large");
        assertThat(names(CONTOSO, "VirtualHardDisks?$filter=" + encode("VMId eq null and StampId eq guid'"
                + EAST_STAMP + "'"))).containsExactly("Ubuntu-14.04-Server.vhdx");
    }

    /** A template, profile or library disk not granted answers as a missing one, also its adapters. */
    @Test
    void whatIsNotGrantedIsAbsent() {
        JsonNode windowsEast = get(vmm(FABRIKAM) + "/VMTemplates?$filter=" + encode("StampId eq guid'" + EAST_STAMP
                + "' and OSType eq 'Windows'"), "Accept", JSON_ACCEPT).json().get("value").get(0);
        String key = "(ID=guid'" + windowsEast.get("ID").asText() + "',StampId=guid'" + EAST_STAMP + "')";
        assertThat(get(vmm(FABRIKAM) + "/VMTemplates" + key, "Accept", JSON_ACCEPT).status()).isEqualTo(200);
        assertThat(get(vmm(CONTOSO) + "/VMTemplates" + key, "Accept", JSON_ACCEPT).status()).isEqualTo(404);
        assertThat(get(vmm(CONTOSO) + "/VMTemplates" + key + "/VirtualNetworkAdapters", "Accept", JSON_ACCEPT)
                .status()).isEqualTo(404);
        assertThat(get(vmm(CONTOSO) + "/VirtualNetworkAdapters?$filter=" + encode("TemplateId eq guid'"
                + windowsEast.get("ID").asText() + "'"), "Accept", JSON_ACCEPT).json().get("value")).isEmpty();
        String disk = "(ID=guid'" + windowsEast.get("VirtualHardDiskId").asText() + "',StampId=guid'" + EAST_STAMP
                + "')";
        assertThat(get(vmm(FABRIKAM) + "/VirtualHardDisks" + disk, "Accept", JSON_ACCEPT).status()).isEqualTo(200);
        assertThat(get(vmm(CONTOSO) + "/VirtualHardDisks" + disk, "Accept", JSON_ACCEPT).status()).isEqualTo(404);
        String profile = "(ID=guid'" + windowsEast.get("HardwareProfileId").asText() + "',StampId=guid'"
                + EAST_STAMP + "')";
        assertThat(get(vmm(CONTOSO) + "/HardwareProfiles" + profile, "Accept", JSON_ACCEPT).status()).isEqualTo(404);
    }

    /** New-WAPackVM reads VMTemplates?$filter=ID eq …&$expand=VirtualNetworkAdapters and sends one input per NIC. */
    @ParameterizedTest
    @ValueSource(strings = {"V4", "V3"})
    void aTemplateWithItsNetworkAdapters(String dialect) {
        JsonNode template = get(vmm(FABRIKAM) + "/VMTemplates?$filter=" + encode("StampId eq guid'" + EAST_STAMP
                + "' and OSType eq 'Windows'"), "Accept", JSON_ACCEPT).json().get("value").get(0);
        String url = vmm(FABRIKAM) + "/VMTemplates?$filter=" + encode("ID eq guid'" + template.get("ID").asText()
                + "'") + "&$expand=VirtualNetworkAdapters";
        Response response = dialect.equals("V4") ? get(url, "Accept", JSON_ACCEPT)
                : get(url, v3("Accept", JSON_ACCEPT));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode read = response.json().get("value").get(0);
        assertThat(read.get("NicCount").asInt()).isEqualTo(2);
        assertThat(read.get("VirtualNetworkAdapters")).hasSize(2);
        assertThat(read.get("VirtualNetworkAdapters").get(0).get("TemplateId").asText())
                .isEqualTo(template.get("ID").asText());
        assertThat(read.get("BootOrder")).hasSize(4);
        assertThat(read.get("CustomProperties")).hasSize(10);
        assertThat(read.get("TotalVHDCapacity").asText()).isEqualTo(String.valueOf(40L * 1024 * 1024 * 1024));
    }

    /** Azure PowerShell keys everything with the first cloud's StampId: that stamp must carry a library. */
    @Test
    void theFirstCloudEachTenantListsHasALibraryOnItsStamp() {
        for (String tenant : List.of(FABRIKAM, CONTOSO)) {
            JsonNode first = get(vmm(tenant) + "/Clouds", "Accept", JSON_ACCEPT).json().get("value").get(0);
            JsonNode again = get(vmm(tenant) + "/Clouds", "Accept", JSON_ACCEPT).json().get("value").get(0);
            assertThat(again.get("ID")).isEqualTo(first.get("ID"));
            String onStamp = "?$filter=" + encode("StampId eq guid'" + first.get("StampId").asText() + "'");
            assertThat(names(tenant, "VMTemplates" + onStamp)).as(tenant).isNotEmpty();
            assertThat(names(tenant, "HardwareProfiles" + onStamp)).as(tenant).isNotEmpty();
            assertThat(names(tenant, "VirtualHardDisks" + onStamp + encode(" and VMId eq null"))).as(tenant)
                    .isNotEmpty();
        }
    }

    private List<String> names(String subscription, String path) {
        Response response = get(vmm(subscription) + "/" + path, "Accept", JSON_ACCEPT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("value").forEach(row -> names.add(row.get("Name").asText()));
        return names;
    }
}
