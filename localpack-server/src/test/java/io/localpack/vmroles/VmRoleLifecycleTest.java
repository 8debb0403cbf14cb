package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VM Role's life through HTTP as Azure PowerShell and the portal drive it: create from the gallery's definition,
 * follow the job, read the role and its machines (real VirtualMachines rows), scale out and in, delete.
 */
class VmRoleLifecycleTest extends VmRoleApiSupport {

    @Test
    void createScaleAndDeleteARoleWhoseMachinesAreVirtualMachines() {
        awaitJobOf(FABRIKAM, createCloudService(FABRIKAM, "csLife"));
        // Azure PowerShell's base address ends in the VMM root
        String roles = vmmRoot(FABRIKAM) + "/CloudServices/csLife/Resources/MicrosoftCompute/VMRoles";
        Response created = call("POST", roles + "/", roleBody("csLife", windowsDefinition(FABRIKAM),
                windowsParameters("Medium", "LIFE###")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(roles + "/csLife");
        JsonNode role = created.json();
        assertThat(role.get("Name").asText()).isEqualTo("csLife");
        assertThat(role.get("ProvisioningState").asText()).isEqualTo("Provisioning");
        assertThat(role.at("/InstanceView/InstanceCount").asText()).isEqualTo("1");
        assertThat(role.at("/ResourceDefinition/Name").asText()).isEqualTo("WindowsServer2012R2Datacenter");
        assertThat(role.at("/ResourceConfiguration/Version").asText()).isEqualTo("1.0.0");
        // the credential's password is never stored nor read back
        String parameters = role.at("/ResourceConfiguration/ParameterValues").asText();
        assertThat(parameters).contains("\"VMRoleAdminCredential\":\"administrator:******\"")
                .doesNotContain("P@ssw0rd");
        assertThat(jdbc.queryForObject("SELECT parameter_values FROM vm_roles WHERE name = 'csLife'", String.class))
                .doesNotContain("P@ssw0rd");

        JsonNode job = awaitJobOf(FABRIKAM, created);
        assertThat(job.get("Status").asText()).isEqualTo("Completed");
        assertThat(job.get("Name").asText()).isEqualTo("Deploy VM Role");
        assertThat(job.get("ResultName").asText()).isEqualTo("csLife");
        JsonNode provisioned = call("GET", roles + "/csLife", null).json();
        assertThat(provisioned.get("ProvisioningState").asText()).isEqualTo("Provisioned");

        JsonNode vms = call("GET", roles + "/csLife/VMs", null).json().get("value");
        assertThat(vms).hasSize(1);
        assertThat(vms.get(0).get("ComputerName").asText()).isEqualTo("LIFE001");
        assertThat(vms.get(0).get("RuntimeState").asText()).isEqualTo("Running");
        String vmId = vms.get(0).get("Id").asText();
        assertThat(call("GET", roles + "/csLife/VMs/" + vmId, null).json().get("ComputerName").asText())
                .isEqualTo("LIFE001");

        // the VM's Id is its VMM VirtualMachines ID: a real machine, with the role's size, disk and adapter
        JsonNode machine = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ID eq " + vmId
                + "&$expand=VirtualNetworkAdapters", "Accept", "application/json").json().at("/value/0");
        assertThat(machine.get("CloudVMRoleName").asText()).isEqualTo("csLife");
        assertThat(machine.get("Status").asText()).isEqualTo("Running");
        assertThat(machine.get("CPUCount").asInt()).isEqualTo(2);
        assertThat(machine.get("Memory").asInt()).isEqualTo(3584);
        assertThat(machine.get("StampId").asText()).isEqualTo(EAST_STAMP);
        assertThat(machine.get("CloudId").asText()).isEqualTo(FABRIKAM_EAST_CLOUD);
        assertThat(machine.get("MostRecentTaskId").asText()).isEqualTo(created.header("x-ms-request-id"));
        assertThat(machine.at("/VirtualNetworkAdapters/0/VMNetworkName").asText()).isEqualTo("VMNetwork");
        assertThat(machine.at("/VirtualNetworkAdapters/0/VMNetworkId").asText()).isNotBlank();

        Response scaled = call("POST", roles + "/csLife/Scale", "{\"InstanceCount\":3}");
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        assertThat(scaled.json().get("ProvisioningState").asText()).isEqualTo("Provisioning");
        assertThat(awaitJobOf(FABRIKAM, scaled).get("Name").asText()).isEqualTo("Scale VM Role");
        assertThat(computerNames(roles + "/csLife/VMs")).containsExactly("LIFE001", "LIFE002", "LIFE003");
        JsonNode three = call("GET", roles + "/csLife", null).json();
        assertThat(three.get("ProvisioningState").asText()).isEqualTo("Provisioned");
        assertThat(three.at("/InstanceView/InstanceCount").asText()).isEqualTo("3");

        // scaling in removes the newest machines; numbers are not reused
        awaitJobOf(FABRIKAM, call("POST", roles + "/csLife/Scale", "{\"InstanceCount\":\"2\"}"));
        assertThat(computerNames(roles + "/csLife/VMs")).containsExactly("LIFE001", "LIFE002");
        awaitJobOf(FABRIKAM, call("POST", roles + "/csLife/Scale", "{\"InstanceCount\":3}"));
        assertThat(computerNames(roles + "/csLife/VMs")).containsExactly("LIFE001", "LIFE002", "LIFE004");

        Response deleted = call("DELETE", roles + "/csLife", null);
        assertThat(deleted.status()).isEqualTo(204);
        // the job may already be done when the read comes (fast timing): then the role is gone
        Response deleting = call("GET", roles + "/csLife", null);
        if (deleting.status() != 404) {
            assertThat(deleting.json().get("ProvisioningState").asText()).isIn("Deprovisioning", "Provisioned");
        }
        assertThat(awaitJobOf(FABRIKAM, deleted).get("Status").asText()).isEqualTo("Completed");
        assertThat(call("GET", roles + "/csLife", null).status()).isEqualTo(404);
        assertThat(get(vmm(FABRIKAM) + "/VirtualMachines?$filter=CloudVMRoleName eq 'csLife'", "Accept",
                "application/json").json().get("value")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM virtual_network_adapters a WHERE NOT EXISTS"
                + " (SELECT 1 FROM virtual_machines v WHERE v.id = a.vm_id) AND a.vm_id IS NOT NULL", Integer.class))
                .isZero();
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csLife", null));
    }

    @Test
    void aRoleMachineIsRemovedWithItsRoleNotThroughTheVmmApi() {
        provisionedRole("csKeep", "keep", "KEEP##", 1);
        JsonNode vm = call("GET", roles(FABRIKAM, "csKeep") + "/keep/VMs", null).json().at("/value/0");
        List<String> before = vmRoleState();
        Response refused = send("DELETE", vmm(FABRIKAM) + "/VirtualMachines(ID=guid'" + vm.get("Id").asText()
                + "',StampId=guid'" + EAST_STAMP + "')", null, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("VM Role 'keep'");
        assertThat(vmRoleState()).isEqualTo(before);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csKeep", null));
    }

    @Test
    void rolesListInTheirCloudService() {
        provisionedRole("csList", "first", "LISTA#", 1);
        JsonNode list = call("GET", roles(FABRIKAM, "csList"), null).json();
        assertThat(list.get("odata.metadata").asText()).endsWith("$metadata#VMRoles");
        assertThat(list.get("value")).singleElement().satisfies(role -> assertThat(role.get("Name").asText())
                .isEqualTo("first"));
        assertThat(call("GET", roles(CONTOSO, "csList"), null).status()).isEqualTo(404);
        awaitJobOf(FABRIKAM, call("DELETE", root(FABRIKAM) + "/CloudServices/csList", null));
    }

    private List<String> computerNames(String url) {
        List<String> names = new ArrayList<>();
        call("GET", url, null).json().get("value").forEach(vm -> names.add(vm.get("ComputerName").asText()));
        return names;
    }
}
