package io.localpack.vmroles;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.Fixtures;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Calls to the VM Role API as its clients make them, and the rows it reads and writes. */
abstract class VmRoleApiSupport extends HttpTestSupport {

    static final String FABRIKAM = Fixtures.FABRIKAM;
    static final String CONTOSO = Fixtures.CONTOSO;
    static final String NORTHWIND = Fixtures.NORTHWIND;
    static final String EAST_STAMP = Fixtures.EAST_STAMP;
    static final String FABRIKAM_EAST_CLOUD = Fixtures.FABRIKAM_EAST_CLOUD;
    static final String VERSION = "api-version=2013-03";
    static final String WINDOWS_IMAGE = "Windows Server 2012 R2 Datacenter:1.0.0.0";
    static final String PRINCIPAL = "tenant@fabrikam.com";

    /** The API root WAP documents: /{subscription}. */
    String root(String subscription) {
        return base + "/" + subscription;
    }

    /** The root Azure PowerShell uses: under the VMM service. */
    String vmmRoot(String subscription) {
        return base + "/" + subscription + "/services/systemcenter/vmm";
    }

    Response call(String method, String url, String body) {
        String withVersion = url.contains("api-version") ? url : url + (url.contains("?") ? "&" : "?") + VERSION;
        return sendNamingNoVersion(method, withVersion, body, "Accept", "application/json", "x-ms-principal-id",
                PRINCIPAL);
    }

    Response createCloudService(String subscription, String name) {
        return call("POST", root(subscription) + "/CloudServices", "{\"Name\":\"" + name + "\",\"Label\":\"" + name
                + "\"}");
    }

    String roles(String subscription, String cloudService) {
        return root(subscription) + "/CloudServices/" + cloudService + "/Resources/MicrosoftCompute/VMRoles";
    }

    /** The Windows gallery item's resource definition, fetched as the portal does. */
    JsonNode windowsDefinition(String subscription) {
        JsonNode item = galleryItem(subscription, "WindowsServer2012R2Datacenter");
        return call("GET", root(subscription) + "/" + item.get("ResourceDefinitionUrl").asText() + "/", null).json();
    }

    JsonNode galleryItem(String subscription, String name) {
        for (JsonNode item : call("GET", root(subscription)
                + "/Gallery/GalleryItems/$/MicrosoftCompute.VMRoleGalleryItem", null).json().get("value")) {
            if (item.get("Name").asText().equals(name)) {
                return item;
            }
        }
        throw new IllegalStateException("no gallery item " + name);
    }

    /** Parameter values for the Windows item, as the JSON string clients send. */
    static String windowsParameters(String vmSize, String computerNames) {
        return "{\\\"VMRoleVMSize\\\":\\\"" + vmSize + "\\\",\\\"VMRoleOSVirtualHardDiskImage\\\":\\\"" + WINDOWS_IMAGE
                + "\\\",\\\"VMRoleAdminCredential\\\":\\\"administrator:P@ssw0rd!\\\",\\\"VMRoleComputerNamePattern\\\":\\\""
                + computerNames + "\\\",\\\"VMRoleNetworkRef\\\":\\\"VMNetwork\\\",\\\"VMRoleTimeZone\\\":\\\"85\\\"}";
    }

    /** A role create body as WAPTenantPublicAPI sends it. */
    String roleBody(String name, JsonNode definition, String parameterValues) {
        return """
                {"Name":"%s","Label":"%s","ResourceDefinition":%s,
                 "ResourceConfiguration":{"Version":"1.0.0","ParameterValues":"%s"},
                 "InstanceView":null,"Substate":null,"ProvisioningState":null}""".formatted(name, name, definition,
                parameterValues);
    }

    /** Follows a job through x-ms-request-id as Azure PowerShell does, until it completes. */
    JsonNode awaitJobOf(String subscription, Response answer) {
        if (answer.status() >= 300) {
            throw new IllegalStateException("refused: " + answer.status() + " " + answer.body());
        }
        String jobId = answer.header("x-ms-request-id");
        UUID.fromString(jobId);
        return Await.until("VMM job " + jobId + " to complete",
                () -> get(vmm(subscription) + "/Jobs?$filter=ID eq guid'" + jobId + "'", "Accept", "application/json")
                        .json().get("value"),
                jobs -> jobs.size() == 1 && jobs.get(0).get("IsCompleted").asBoolean()).get(0);
    }

    /** A cloud service with a provisioned Windows role of {@code instances} machines, in Fabrikam. */
    void provisionedRole(String cloudService, String role, String pattern, int instances) {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, cloudService));
        Response created = call("POST", roles(FABRIKAM, cloudService), roleBody(role, windowsDefinition(FABRIKAM),
                windowsParameters("Small", pattern)));
        if (created.status() != 201) {
            throw new IllegalStateException("role create failed: " + created.status() + " " + created.body());
        }
        awaitJobOf(FABRIKAM, created);
        if (instances != 1) {
            awaitJobOf(FABRIKAM, call("POST", roles(FABRIKAM, cloudService) + "/" + role + "/Scale",
                    "{\"InstanceCount\":" + instances + "}"));
        }
    }

    /** The rows the VM Role API reads and writes, and the VMM rows a role's machines are, as sorted text. */
    List<String> vmRoleState() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("cloud_services", "vm_roles", "virtual_network_adapters", "virtual_hard_disks",
                "jobs")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
