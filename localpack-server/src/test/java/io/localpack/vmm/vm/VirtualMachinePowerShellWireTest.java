package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Azure PowerShell's WAPack cmdlets (New-, Stop-, Set-, Start-, Remove-WAPackVM) as they go over the wire
 * (shared/spec/vmm-vms-networks-vmroles.md 5): the VM is read by {@code $filter=ID eq guid'…'}, then PUT back whole
 * with {@code Operation} or new hardware, every unset member null, the ID all zeros in the body, numbers quoted,
 * {@code Prefer: return-content} (an empty answer fails the cmdlet), and the job in {@code x-ms-request-id} is polled
 * by {@code Jobs?$filter=ID eq guid'…'} until IsCompleted.
 */
class VirtualMachinePowerShellWireTest extends VirtualMachineWriteSupport {

    /** What WAPackIaaSClient sends on every request: JSON light V3 and the principal. */
    private static String[] powerShell(String... more) {
        List<String> headers = new java.util.ArrayList<>(List.of(v3("Accept", "application/json",
                "x-ms-principal-id", "admin@fabrikam.example", "Content-Type", "application/json")));
        headers.addAll(List.of(more));
        return headers.toArray(String[]::new);
    }

    private String url;

    @Test
    void createStopResizeStartDeleteAsAzurePowerShellSendsThem() {
        // New-WAPackVM: the first cloud's stamp, a template, the adapters of the template (only the first named)
        JsonNode cloud = get(vmm(FABRIKAM) + "/Clouds", powerShell()).json().get("value").get(0);
        String stamp = cloud.get("StampId").asText();
        Response created = send("POST", vmm(FABRIKAM) + "/VirtualMachines", """
                {"ID":"00000000-0000-0000-0000-000000000000","StampId":"%s","CloudId":"%s","Name":"azps-vm",
                 "VMTemplateId":"%s","LocalAdminUserName":"Administrator","LocalAdminPassword":"secret-x",
                 "ProductKey":null,"StartVM":true,"TotalSize":"0","NewVirtualNetworkAdapterInput":[
                 {"VMNetworkName":"Fabrikam VM Network"},{"VMNetworkName":null}]}
                """.formatted(stamp, cloud.get("ID").asText(), VirtualMachineCreateTest.EAST_WINDOWS_TEMPLATE),
                powerShell());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(pollJob(created.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        String id = created.json().get("ID").asText();
        url = vmm(FABRIKAM) + "/" + vmKey(id, stamp);

        JsonNode read = readByFilter(id);
        JsonNode stopped = putWhole(id, read, "Stop", null);
        assertThat(stopped.get("Status").asText()).isEqualTo("PowerOff");

        ObjectNode resize = (ObjectNode) readByFilter(id);
        resize.put("CPUCount", "4");     // quoted, as Json.NET writes what the proxy typed loosely
        resize.put("Memory", "8192");
        JsonNode resized = putWhole(id, resize, null, null);
        assertThat(resized.get("CPUCount").asInt()).isEqualTo(4);
        assertThat(resized.get("Memory").asInt()).isEqualTo(8192);

        JsonNode started = putWhole(id, readByFilter(id), "Start", "renamed by a lower-case member");
        assertThat(started.get("Status").asText()).isEqualTo("Running");
        assertThat(started.get("Description").asText()).isEqualTo("renamed by a lower-case member");

        putWhole(id, readByFilter(id), "Stop", null);
        Response removed = send("DELETE", url, null, powerShell());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(pollJob(removed.header("x-ms-request-id")).get("Status").asText()).isEqualTo("Completed");
        assertThat(get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ID eq guid'" + id + "'", powerShell()).json()
                .get("value")).isEmpty();
    }

    private JsonNode readByFilter(String id) {
        // Get-WAPackVM reads with the six-way $expand; the proxy object it PUTs back carries the expanded sets too
        Response list = get(vmm(FABRIKAM) + "/VirtualMachines?$filter=ID eq guid'" + id + "'&$expand="
                + "VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,VirtualHardDisks,VirtualDVDDrives,"
                + "VirtualDiskDrives", powerShell());
        assertThat(list.status()).isEqualTo(200);
        return list.json().get("value").get(0);
    }

    /**
     * The proxy object as Json.NET dumps it: every member, server-owned ones included, nulls for what is unset, the
     * ID zeroed, plus the verb; returns the entity of the 200 answer once the job completed.
     */
    private JsonNode putWhole(String id, JsonNode read, String operation, String lowerCaseDescription) {
        ObjectNode body = ((ObjectNode) read).deepCopy();
        body.remove("odata.metadata");
        body.put("odata.type", "VMM.VirtualMachine");
        body.put("ID", "00000000-0000-0000-0000-000000000000");
        body.putNull("Owner");
        body.putNull("Operation");
        body.putNull("Retry");
        body.putNull("Undo");
        body.putNull("Dismiss");
        body.putNull("Agent");
        if (operation != null) {
            body.put("Operation", operation);
        }
        if (lowerCaseDescription != null) {
            body.remove("Description");
            body.put("description", lowerCaseDescription);   // member names are matched without regard to case
        }
        Response put = send("PUT", url, body.toString(), powerShell("Prefer", "return-content"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).isNotEmpty();
        String jobId = put.header("x-ms-request-id");
        assertThat(pollJob(jobId).get("Status").asText()).isEqualTo("Completed");
        assertThat(put.json().get("MostRecentTaskId").asText()).isEqualTo(jobId);
        return put.json();
    }

    /** JobOperations.WaitOnJob: read the job by $filter until IsCompleted. */
    private JsonNode pollJob(String jobId) {
        return io.localpack.testsupport.Await.until("job " + jobId,
                () -> get(vmm(FABRIKAM) + "/Jobs?$filter=ID eq guid'" + jobId + "'", powerShell()).json()
                        .get("value").get(0),
                job -> job.get("IsCompleted").asBoolean());
    }
}
