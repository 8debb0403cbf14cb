package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Dynamic memory and hardware profiles on a stopped machine; the saved state a machine keeps. */
class VirtualMachineHardwareUpdateTest extends VirtualMachineWriteSupport {

    /** 13_vmm_library.sql: "Medium" on the west stamp, granted to Fabrikam: 2 vCPU, 3584 MB. */
    static final String WEST_MEDIUM_PROFILE = "bcf2d80c-06b1-5213-972b-2083b62c16f8";
    /** "Large" on the east stamp: not on the machine's stamp. */
    static final String EAST_LARGE_PROFILE = "35e6e78c-ac65-588e-b8ba-d2d9c65e47f6";

    @Test
    void dynamicMemoryOnAStoppedMachine() {
        String id = stopped("dynamic");
        Response response = send("PUT", vmUrl(id), """
                {"DynamicMemoryEnabled":true,"DynamicMemoryMinimumMB":"512","DynamicMemoryMaximumMB":8192}""",
                "Prefer", "return=representation", "Accept", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode vm = response.json();
        assertThat(vm.get("DynamicMemoryEnabled").asBoolean()).isTrue();
        assertThat(vm.get("DynamicMemoryMinimumMB").asInt()).isEqualTo(512);
        assertThat(vm.get("DynamicMemoryMaximumMB").asInt()).isEqualTo(8192);
        assertThat(vm.get("Status").asText()).isEqualTo("PowerOff");
    }

    @Test
    void dynamicMemoryBoundsMustHoldTheStartupMemory() {
        String id = stopped("bad bounds");
        String before = row(id);
        Response refused = send("PUT", vmUrl(id), """
                {"DynamicMemoryEnabled":true,"DynamicMemoryMinimumMB":4096}""", "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("message").asText()).contains("DynamicMemoryMinimumMB");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void dynamicMemoryOfARunningMachineIs1730() {
        String id = running("dynamic while running");
        String before = row(id);
        Response refused = send("PATCH", vmUrl(id), "{\"DynamicMemoryEnabled\":true}", "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("1730");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void aHardwareProfileBringsItsCpusAndMemory() {
        String id = stopped("profiled");
        Response response = send("MERGE", vmUrl(id), "{\"HardwareProfileId\":\"" + WEST_MEDIUM_PROFILE + "\"}",
                v3("Accept", "application/json", "Prefer", "return-content"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("HardwareProfileId").asText()).isEqualTo(WEST_MEDIUM_PROFILE);
        assertThat(response.json().get("CPUCount").asInt()).isEqualTo(2);
        assertThat(response.json().get("Memory").asInt()).isEqualTo(3584);

        String before = row(id);
        Response refused = send("PUT", vmUrl(id), "{\"HardwareProfileId\":\"" + EAST_LARGE_PROFILE + "\"}",
                "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").get("message").asText()).contains("HardwareProfileId");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void aSavedMachineHasItsSavedStateUntilItStarts() {
        String id = running("saved state");
        assertThat(operation(id, "SaveState").status()).isEqualTo(204);
        assertThat(vm(id).get("HasSavedState").asBoolean()).isTrue();
        assertThat(operation(id, "Start").status()).isEqualTo(204);
        JsonNode started = vm(id);
        assertThat(started.get("Status").asText()).isEqualTo("Running");
        assertThat(started.get("HasSavedState").asBoolean()).isFalse();
    }
}
