package io.localpack.vmroles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The bundled fixtures give each VMM demo tenant a cloud service with a provisioned VM Role of two instances. */
class VmRoleFixturesTest extends VmRoleApiSupport {

    @Test
    void eachTenantHasAProvisionedRoleOfTwoRunningMachines() {
        assertProvisionedPair(FABRIKAM, "FabrikamWeb", "FWEB01", "FWEB02", "WindowsServer2012R2Datacenter");
        assertProvisionedPair(CONTOSO, "ContosoApp", "CAPP01", "CAPP02", "UbuntuServer1404LTS");
    }

    private void assertProvisionedPair(String subscription, String name, String first, String second,
            String definition) {
        JsonNode service = call("GET", root(subscription) + "/CloudServices/" + name, null).json();
        assertThat(service.get("ProvisioningState").asText()).isEqualTo("Provisioned");
        JsonNode role = call("GET", roles(subscription, name) + "/" + name, null).json();
        assertThat(role.get("ProvisioningState").asText()).isEqualTo("Provisioned");
        assertThat(role.at("/InstanceView/InstanceCount").asText()).isEqualTo("2");
        assertThat(role.at("/ResourceDefinition/Name").asText()).isEqualTo(definition);
        JsonNode vms = call("GET", roles(subscription, name) + "/" + name + "/VMs", null).json().get("value");
        assertThat(vms).hasSize(2);
        assertThat(vms.get(0).get("ComputerName").asText()).isEqualTo(first);
        assertThat(vms.get(1).get("ComputerName").asText()).isEqualTo(second);
        for (JsonNode vm : vms) {
            assertThat(vm.get("RuntimeState").asText()).isEqualTo("Running");
            JsonNode machine = get(vmm(subscription) + "/VirtualMachines?$filter=ID eq " + vm.get("Id").asText()
                    + "&$expand=VirtualNetworkAdapters", "Accept", "application/json").json().at("/value/0");
            assertThat(machine.get("CloudVMRoleName").asText()).isEqualTo(name);
            assertThat(machine.at("/VirtualNetworkAdapters/0/VMNetworkName").asText()).isEqualTo("VMNetwork");
        }
        // scaling the fixture role works like any other (and is undone)
        awaitJobOf(subscription, call("POST", roles(subscription, name) + "/" + name + "/Scale",
                "{\"InstanceCount\":3}"));
        assertThat(call("GET", roles(subscription, name) + "/" + name + "/VMs", null).json().get("value")).hasSize(3);
        awaitJobOf(subscription, call("POST", roles(subscription, name) + "/" + name + "/Scale",
                "{\"InstanceCount\":2}"));
    }
}
