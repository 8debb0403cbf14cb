package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The control plane covers the VM Role API: job faults, timing modes, reset, snapshot and restore, journal, HTTP faults. */
class VmRoleControlPlaneTest extends VmRoleApiSupport {

    private Response admin(String method, String path, String body) {
        return sendNamingNoVersion(method, base + "/_localpack" + path, body, "Accept", "application/json");
    }

    @Test
    void aFailedDeployLeavesTheRoleFailedWithItsMessageAndItsMachinesCreationFailed() {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csFault"));
        Response rule = admin("POST", "/faults", """
                {"operation":"vmroles.vmrole.create","errorCode":20413,"errorName":"VMHeartbeatTimeout",
                 "message":"Virtual Machine Manager cannot detect a heartbeat from the specified virtual machine.",
                 "times":1,"atStep":1}""");
        assertThat(rule.status()).isEqualTo(201);
        Response created = call("POST", roles(FABRIKAM, "csFault"), roleBody("faulty", windowsDefinition(FABRIKAM),
                windowsParameters("Small", "FLT##")));
        JsonNode job = awaitJobOf(FABRIKAM, created);
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        JsonNode role = call("GET", roles(FABRIKAM, "csFault") + "/faulty", null).json();
        assertThat(role.get("ProvisioningState").asText()).isEqualTo("Failed");
        assertThat(role.at("/Substate/VMRoleMessages/0/MessageQualifier").asText()).isEqualTo("Error");
        assertThat(role.at("/Substate/VMRoleMessages/0/Message").asText()).contains("heartbeat");
        assertThat(call("GET", roles(FABRIKAM, "csFault") + "/faulty/VMs", null).json()
                .at("/value/0/RuntimeState").asText()).isEqualTo("CreationFailed");
        // a failed role can still be removed, with its machines
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csFault", null));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE cloud_vm_role_name = 'faulty'",
                Integer.class)).isZero();
    }

    /**
     * Fault rules reach the update and disk jobs: a failed update leaves the role Failed with its definition and
     * configuration as they were; a failed disk add takes its disk away again.
     */
    @Test
    void failedUpdateAndDiskJobsLeaveTheRoleAsItWas() {
        provisionedRole("csFaultUpd", "fu", "FU##", 1);
        String role = roles(FABRIKAM, "csFaultUpd") + "/fu";
        assertThat(admin("POST", "/faults", """
                {"operation":"vmroles.vmrole.update","errorCode":20413,"errorName":"VMHeartbeatTimeout",
                 "message":"The update could not reach the machines.","times":1,"atStep":1}""").status())
                .isEqualTo(201);
        JsonNode job = awaitJobOf(FABRIKAM, call("PUT", role, """
                {"Label":"changed","ResourceConfiguration":{"Version":"1.0.1","ParameterValues":"%s"}}"""
                .formatted(windowsParameters("Medium", "FU##"))));
        assertThat(job.get("Status").asText()).isEqualTo("Failed");
        JsonNode failed = call("GET", role, null).json();
        assertThat(failed.get("ProvisioningState").asText()).isEqualTo("Failed");
        assertThat(failed.at("/Substate/VMRoleMessages/0/Message").asText()).contains("could not reach");
        assertThat(failed.get("Label").asText()).isEqualTo("fu");
        assertThat(failed.at("/ResourceConfiguration/Version").asText()).isEqualTo("1.0.0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vm_roles WHERE pending_resource_definition IS NOT NULL"
                + " AND name = 'fu'", Integer.class)).isZero();
        // a Failed role can be updated again
        awaitJobOf(FABRIKAM, call("PUT", role, "{\"Label\":\"changed\"}"));
        assertThat(call("GET", role, null).json().get("ProvisioningState").asText()).isEqualTo("Provisioned");

        String vmId = call("GET", role + "/VMs", null).json().at("/value/0/Id").asText();
        assertThat(admin("POST", "/faults", """
                {"operation":"vmroles.vmrole.disk.add","errorCode":2912,"errorName":"DiskAttachFailed",
                 "message":"The disk could not be attached.","times":1,"atStep":1}""").status()).isEqualTo(201);
        Response added = call("POST", role + "/VMs/" + vmId + "/Disks", "{\"DataVirtualHardDiskImage\":\""
                + WINDOWS_IMAGE + "\",\"DiskLun\":\"1\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(awaitJobOf(FABRIKAM, added).get("Status").asText()).isEqualTo("Failed");
        assertThat(call("GET", role + "/VMs/" + vmId + "/Disks", null).json().get("value")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_disk_drives WHERE vm_id = ?", Integer.class,
                java.util.UUID.fromString(vmId))).isEqualTo(1);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csFaultUpd", null));
    }

    @Test
    void aScaleJobPacedByPollsShowsTheRoleProvisioningUntilItEnds() {
        provisionedRole("csPolls", "paced", "PACE##", 1);
        assertThat(admin("PUT", "/timing/vmroles.vmrole.scale", "{\"mode\":\"polls\",\"polls\":3}").status())
                .isEqualTo(200);
        try {
            Response scaled = call("POST", roles(FABRIKAM, "csPolls") + "/paced/Scale", "{\"InstanceCount\":2}");
            assertThat(scaled.status()).isEqualTo(200);
            assertThat(call("GET", roles(FABRIKAM, "csPolls") + "/paced", null).json().get("ProvisioningState")
                    .asText()).isEqualTo("Provisioning");
            String filter = vmm(FABRIKAM) + "/Jobs?$filter=ID eq guid'" + scaled.header("x-ms-request-id") + "'";
            assertThat(get(filter, "Accept", "application/json").json().at("/value/0/IsCompleted").asBoolean())
                    .isFalse();
            get(filter, "Accept", "application/json");
            assertThat(get(filter, "Accept", "application/json").json().at("/value/0/IsCompleted").asBoolean())
                    .isTrue();
            assertThat(call("GET", roles(FABRIKAM, "csPolls") + "/paced", null).json().get("ProvisioningState")
                    .asText()).isEqualTo("Provisioned");
        } finally {
            admin("DELETE", "/timing/vmroles.vmrole.scale", null);
        }
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csPolls", null));
    }

    @Test
    void resetSnapshotAndRestoreCoverCloudServicesRolesAndTheirMachines() {
        // Northwind: its own tenant, with the Linux item only
        awaitJobOf(NORTHWIND, createCloudService(NORTHWIND, "csSnap"));
        String northwindRoles = roles(NORTHWIND, "csSnap");
        JsonNode definition = call("GET", root(NORTHWIND) + "/" + galleryItem(NORTHWIND, "UbuntuServer1404LTS")
                .get("ResourceDefinitionUrl").asText(), null).json();
        String parameters = "{\\\"VMRoleVMSize\\\":\\\"Small\\\",\\\"VMRoleOSVirtualHardDiskImage\\\":"
                + "\\\"Ubuntu Server 14.04 LTS:14.04.1\\\",\\\"VMRoleAdminCredential\\\":\\\"root:s3cret\\\","
                + "\\\"VMRoleComputerNamePattern\\\":\\\"SNAP##\\\",\\\"VMRoleNetworkRef\\\":\\\"VMNetwork\\\","
                + "\\\"VMRoleSSHPublicKey\\\":\\\"ssh-rsa AAAA northwind\\\"}";
        Response created = call("POST", northwindRoles, roleBody("snap", definition, parameters));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitJobOf(NORTHWIND, created);
        String vmId = call("GET", northwindRoles + "/snap/VMs", null).json().at("/value/0/Id").asText();

        Response snapshot = sendNamingNoVersion("GET", base + "/_localpack/snapshot?subscription=" + NORTHWIND, null);
        assertThat(snapshot.body()).contains("INSERT INTO cloud_services", "INSERT INTO vm_roles", vmId)
                .doesNotContain("s3cret");

        assertThat(admin("POST", "/reset/" + NORTHWIND, null).status()).isEqualTo(200);
        assertThat(call("GET", root(NORTHWIND) + "/CloudServices/csSnap", null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_machines WHERE id = ?", Integer.class,
                java.util.UUID.fromString(vmId))).isZero();

        Response restored = sendNamingNoVersion("POST", base + "/_localpack/restore", snapshot.body(),
                "Content-Type", "application/sql", "Accept", "application/json");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(call("GET", northwindRoles + "/snap", null).json().get("ProvisioningState").asText())
                .isEqualTo("Provisioned");
        assertThat(call("GET", northwindRoles + "/snap/VMs", null).json().at("/value/0/Id").asText()).isEqualTo(vmId);
        assertThat(admin("POST", "/reset/" + NORTHWIND, null).status()).isEqualTo(200);
    }

    @Test
    void theJournalRecordsRequestsWithTheirJobAndHttpFaultsAnswerInTheApisFormat() {
        Response created = createCloudService(FABRIKAM, "csJournal");
        awaitJobOf(FABRIKAM, created);
        JsonNode entries = admin("GET", "/journal?path=CloudServices&method=POST&subscription=" + FABRIKAM, null)
                .json();
        JsonNode entry = (entries.has("entries") ? entries.get("entries") : entries).get(0);
        assertThat(entry.get("path").asText()).endsWith("/CloudServices");
        assertThat(entry.get("status").asInt()).isEqualTo(201);
        assertThat(entry.get("jobId").asText()).isEqualTo(created.header("x-ms-request-id"));

        // rules see the API's one path, whichever root the client used (docs/vm-roles.md)
        Response rule = admin("POST", "/http-faults", """
                {"path":"/*/CloudServices*","status":503,"times":1}""");
        assertThat(rule.status()).isEqualTo(201);
        Response faulted = call("GET", vmmRoot(FABRIKAM) + "/CloudServices", null);
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.json().at("/odata.error/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(call("GET", vmmRoot(FABRIKAM) + "/CloudServices", null).status()).isEqualTo(200);
        admin("DELETE", "/http-faults", null);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csJournal", null));
    }

    /**
     * The password of a Credential parameter sits inside the ParameterValues string: the journal masks it there (by
     * the parameter's name, and by its declared type whatever its name), as it masks SecureStrings; the role's own
     * answers show it masked too.
     */
    @Test
    void theJournalMasksCredentialsInsideParameterValues() {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csSecret"));
        ObjectNode definition = windowsDefinition(FABRIKAM).deepCopy();
        ((ArrayNode) definition.get("ResourceParameters")).addObject().put("Name", "VMRoleJoin").put("Type",
                "Credential");
        ((ArrayNode) definition.get("ResourceParameters")).addObject().put("Name", "VMRoleLicense").put("Type",
                "SecureString");
        String values = windowsParameters("Small", "SECRET##").replace("P@ssw0rd!", "Adm1nS3cret")
                .replace("{", "{\\\"VMRoleJoin\\\":\\\"joiner:Jo1nS3cret\\\",\\\"VMRoleLicense\\\":"
                        + "\\\"LIC-0042-XYZZY\\\",");
        Response created = call("POST", roles(FABRIKAM, "csSecret"), roleBody("secret", definition, values));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitJobOf(FABRIKAM, created);

        JsonNode entries = admin("GET", "/journal?path=VMRoles&method=POST&subscription=" + FABRIKAM, null).json();
        JsonNode entry = null;
        for (JsonNode e : entries.has("entries") ? entries.get("entries") : entries) {
            if (created.header("x-ms-request-id").equals(e.path("jobId").asText())) {
                entry = e;
            }
        }
        assertThat(entry).as(entries.toString()).isNotNull();
        assertThat(entry.get("requestBodyTruncated").asBoolean()).isFalse();
        String request = entry.get("requestBody").asText();
        // the parameter values are kept, their secrets are not (a name saying Credential masks the whole value)
        assertThat(request).contains("\\\"VMRoleAdminCredential\\\":\\\"***\\\"").contains("joiner:***")
                .contains("VMRoleLicense").contains("SECRET##");
        assertThat(request).doesNotContain("Adm1nS3cret").doesNotContain("Jo1nS3cret").doesNotContain("XYZZY");
        assertThat(entry.get("responseBody").asText()).doesNotContain("Adm1nS3cret").doesNotContain("Jo1nS3cret")
                .doesNotContain("XYZZY");
        assertThat(call("GET", roles(FABRIKAM, "csSecret") + "/secret", null).body()).doesNotContain("Adm1nS3cret")
                .doesNotContain("Jo1nS3cret").doesNotContain("XYZZY");
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csSecret", null));
    }
}
