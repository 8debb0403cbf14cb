package io.localpack.admin.ui;

import static io.localpack.testsupport.Fixtures.FABRIKAM;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's JSON and controls as the page calls them (with its CSRF token), and VM Roles made through the VM
 * Role API as its clients make them, for the dashboard's tests (shared test server).
 */
abstract class DashboardTestSupport extends HttpTestSupport {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    static final String ROLE_API_VERSION = "api-version=2013-03";

    Response ui(String path) {
        return send("GET", base + "/_localpack/ui/api" + path, null, "Accept", "application/json");
    }

    /** The page's CSRF token and the cookie it set: {token, cookie}. */
    String[] csrf() {
        Response page = send("GET", base + "/_localpack/ui/", null);
        Matcher token = TOKEN.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return new String[] {token.group(1), page.header("Set-Cookie").split(";")[0]};
    }

    Response action(String method, String path, String body, String[] csrf) {
        return body == null
                ? send(method, base + "/_localpack/ui/api" + path, null, "X-XSRF-TOKEN", csrf[0], "Cookie", csrf[1])
                : send(method, base + "/_localpack/ui/api" + path, body, "X-XSRF-TOKEN", csrf[0], "Cookie", csrf[1],
                        "Content-Type", "application/json");
    }

    // ---- the VM Role API ------------------------------------------------------------------------------------

    Response roleApi(String method, String path, String body) {
        return sendNamingNoVersion(method, base + path + (path.contains("?") ? "&" : "?") + ROLE_API_VERSION, body,
                "Accept", "application/json", "x-ms-principal-id", "tenant@fabrikam.com");
    }

    static String rolePath(String subscription, String cloudService, String role) {
        return "/" + subscription + "/CloudServices/" + cloudService + "/Resources/MicrosoftCompute/VMRoles/" + role;
    }

    /** A cloud service of Fabrikam's with a provisioned Windows VM Role of one machine; answers the role's id. */
    UUID provisionedRole(String cloudService, String role) {
        awaitRoleJob(roleApi("POST", "/" + FABRIKAM + "/CloudServices", "{\"Name\":\"" + cloudService
                + "\",\"Label\":\"" + cloudService + "\"}"));
        JsonNode item = null;
        for (JsonNode i : roleApi("GET", "/" + FABRIKAM + "/Gallery/GalleryItems/$/MicrosoftCompute.VMRoleGalleryItem",
                null).json().get("value")) {
            if (i.get("Name").asText().equals("WindowsServer2012R2Datacenter")) {
                item = i;
            }
        }
        JsonNode definition = roleApi("GET", "/" + FABRIKAM + "/" + item.get("ResourceDefinitionUrl").asText(), null)
                .json();
        String parameters = "{\\\"VMRoleVMSize\\\":\\\"Small\\\",\\\"VMRoleOSVirtualHardDiskImage\\\":"
                + "\\\"Windows Server 2012 R2 Datacenter:1.0.0.0\\\",\\\"VMRoleAdminCredential\\\":"
                + "\\\"administrator:P@ssw0rd!\\\",\\\"VMRoleComputerNamePattern\\\":\\\"DASH###\\\","
                + "\\\"VMRoleNetworkRef\\\":\\\"VMNetwork\\\",\\\"VMRoleTimeZone\\\":\\\"85\\\"}";
        Response created = roleApi("POST", "/" + FABRIKAM + "/CloudServices/" + cloudService
                + "/Resources/MicrosoftCompute/VMRoles", """
                {"Name":"%s","Label":"%s","ResourceDefinition":%s,
                 "ResourceConfiguration":{"Version":"1.0.0","ParameterValues":"%s"}}""".formatted(role, role,
                definition, parameters));
        awaitRoleJob(created);
        return UUID.fromString(jdbc.queryForObject("SELECT r.id FROM vm_roles r JOIN cloud_services c ON"
                + " c.id = r.cloud_service_id WHERE c.name = ? AND r.name = ?", String.class, cloudService, role));
    }

    /** Follows x-ms-request-id (a VMM job of Fabrikam's) until the job is completed. */
    JsonNode awaitRoleJob(Response answer) {
        if (answer.status() >= 300) {
            throw new IllegalStateException("refused: " + answer.status() + " " + answer.body());
        }
        return awaitJob(answer.header("x-ms-request-id"));
    }

    /** The rows the VM Role API and its machines live in, as sorted text. */
    List<String> vmRoleState() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("cloud_services", "vm_roles", "virtual_network_adapters", "jobs")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    static void until(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what, condition::getAsBoolean, Boolean.TRUE::equals);
    }
}
