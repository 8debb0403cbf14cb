package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gallery: items granted per subscription, and the definitions each item's URLs name. */
class VmRoleGalleryTest extends VmRoleApiSupport {

    @Test
    void listsTheItemsGrantedToTheSubscriptionWithTheirDefinitionUrls() {
        Response answer = call("GET", root(FABRIKAM) + "/Gallery/GalleryItems/$/MicrosoftCompute.VMRoleGalleryItem",
                null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json;odata=minimalmetadata");
        assertThat(answer.header("DataServiceVersion")).isEqualTo("3.0;");
        JsonNode items = answer.json().get("value");
        assertThat(names(items)).containsExactly("UbuntuServer1404LTS", "WindowsServer2012R2Datacenter");
        JsonNode windows = items.get(1);
        assertThat(windows.get("odata.type").asText()).isEqualTo("MicrosoftCompute.VMRoleGalleryItem");
        assertThat(windows.get("Publisher").asText()).isEqualTo("Microsoft");
        assertThat(windows.get("Version").asText()).isEqualTo("1.0.0");
        assertThat(windows.get("Label").asText()).isEqualTo("Windows Server 2012 R2 Datacenter");
        // the same instant whichever database (PostgreSQL answers it in UTC)
        assertThat(java.time.OffsetDateTime.parse(windows.get("PublishDate").asText()).toInstant())
                .isEqualTo(java.time.Instant.parse("2014-02-10T17:00:00Z"));
        assertThat(windows.get("ResourceDefinition@odata.mediaContentType").asText()).isEqualTo("application/json");
        assertThat(windows.get("ResourceDefinitionUrl").asText()).isEqualTo("Gallery/GalleryItems(PublisherName="
                + "'Microsoft',Name='WindowsServer2012R2Datacenter',Version='1.0.0')/MicrosoftCompute."
                + "ResourceDefinitionGalleryItem/ResourceDefinition");

        // each item names its definitions relative to /{subscription}/; clients append /?api-version=
        JsonNode definition = call("GET", root(FABRIKAM) + "/" + windows.get("ResourceDefinitionUrl").asText() + "/",
                null).json();
        assertThat(definition.get("Type").asText()).isEqualTo("Microsoft.Compute/VMRole/1.0");
        assertThat(definition.get("Version").asText()).isEqualTo("1.0.0.0");
        List<String> parameters = new ArrayList<>();
        definition.get("ResourceParameters").forEach(p -> parameters.add(p.get("Name").asText() + ":"
                + p.get("Type").asText()));
        assertThat(parameters).contains("VMRoleVMSize:String", "VMRoleAdminCredential:Credential",
                "VMRoleComputerNamePattern:String", "VMRoleNetworkRef:String", "VMRoleTimeZone:Int");
        JsonNode view = call("GET", root(FABRIKAM) + "/" + windows.get("ViewDefinitionUrl").asText() + "/", null)
                .json();
        assertThat(view.at("/ViewDefinition/Sections/0/Categories/0/Parameters/0/Type").asText())
                .isEqualTo("OSVirtualHardDisk");

        JsonNode linux = call("GET", root(FABRIKAM) + "/" + items.get(0).get("ResourceDefinitionUrl").asText(), null)
                .json();
        assertThat(linux.at("/IntrinsicSettings/OperatingSystemProfile/LinuxOperatingSystemProfile/SSHPublicKey")
                .asText()).isEqualTo("[VMRoleSSHPublicKey]");
    }

    @Test
    void oneItemByKeyAndUnderTheVmmRoot() {
        Response one = call("GET", vmmRoot(FABRIKAM) + "/Gallery/GalleryItems(PublisherName='Microsoft',"
                + "Name='UbuntuServer1404LTS',Version='1.0.0')", null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("Name").asText()).isEqualTo("UbuntuServer1404LTS");
        assertThat(one.json().get("odata.metadata").asText()).endsWith(
                "/services/systemcenter/vmm/$metadata#GalleryItems/@Element");
        Response all = call("GET", vmmRoot(FABRIKAM) + "/Gallery/GalleryItems", null);
        assertThat(names(all.json().get("value"))).hasSize(2);
    }

    @Test
    void anotherSubscriptionsItemAnswersLikeAMissingOne() {
        // Northwind's plan grants the Linux item only
        assertThat(names(call("GET", root(NORTHWIND) + "/Gallery/GalleryItems/$/MicrosoftCompute.VMRoleGalleryItem",
                null).json().get("value"))).containsExactly("UbuntuServer1404LTS");
        String windows = "/Gallery/GalleryItems(PublisherName='Microsoft',Name='WindowsServer2012R2Datacenter',"
                + "Version='1.0.0')";
        Response notGranted = call("GET", root(NORTHWIND) + windows + "/MicrosoftCompute.ResourceDefinitionGalleryItem"
                + "/ResourceDefinition", null);
        Response missing = call("GET", root(NORTHWIND) + windows.replace("1.0.0", "9.9.9")
                + "/MicrosoftCompute.ResourceDefinitionGalleryItem/ResourceDefinition", null);
        assertThat(notGranted.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(notGranted.json().at("/odata.error/code").asText()).isEqualTo("ResourceNotFound");
        assertThat(notGranted.json().at("/odata.error/message/value").asText().replace("9.9.9", "1.0.0"))
                .isEqualTo(missing.json().at("/odata.error/message/value").asText().replace("9.9.9", "1.0.0"));
    }

    @Test
    void everyUrlNeedsApiVersion2013_03() {
        Response none = sendNamingNoVersion("GET", root(FABRIKAM) + "/Gallery/GalleryItems", null, "Accept",
                "application/json");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/odata.error/message/value").asText()).contains("api-version");
        Response other = call("GET", root(FABRIKAM) + "/CloudServices?api-version=2014-01", null);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().at("/odata.error/message/value").asText()).contains("2014-01");
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        Response answer = call("GET", root("0b9c3f4e-1111-4222-8333-944455556666") + "/Gallery/GalleryItems", null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().at("/odata.error/code").asText()).isEqualTo("SubscriptionNotFound");
        assertThat(call("GET", root("not-a-guid") + "/CloudServices", null).status()).isEqualTo(404);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.get("Name").asText()));
        return names;
    }
}
