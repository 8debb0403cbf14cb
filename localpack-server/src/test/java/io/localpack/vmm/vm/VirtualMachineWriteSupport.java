package io.localpack.vmm.vm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * What the virtual machine write tests share: stand-alone machines of their own, inserted in a given state and
 * removed afterwards so the fixtures stay as they were for the other tests of the shared server.
 */
abstract class VirtualMachineWriteSupport extends HttpTestSupport {

    private final List<UUID> inserted = new ArrayList<>();

    @AfterEach
    void removeInsertedMachines() {
        inserted.forEach(id -> jdbc.update("DELETE FROM virtual_machines WHERE id = ?", id));
        inserted.clear();
    }

    /** A stand-alone machine of Fabrikam on the west stamp, 2 CPUs and 2048 MB, in the given state. */
    protected String machine(String name, String status, String statusString, String virtualMachineState) {
        return machine(FABRIKAM, FABRIKAM_CLOUD, name, status, statusString, virtualMachineState);
    }

    protected String machine(String subscription, String cloud, String name, String status, String statusString,
            String virtualMachineState) {
        UUID id = UUID.randomUUID();
        Timestamp added = Timestamp.from(Instant.parse("2024-01-02T03:04:05Z"));
        jdbc.update("""
                INSERT INTO virtual_machines (id, stamp_id, subscription_id, cloud_id, name, computer_name,
                  status, status_string, virtual_machine_state, cpu_count, memory_mb, added_time, modified_time,
                  creation_time, enabled)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, 2048, ?, ?, ?, TRUE)""",
                id, UUID.fromString(WEST_STAMP), UUID.fromString(subscription), UUID.fromString(cloud), name,
                name.toUpperCase(java.util.Locale.ROOT), status, statusString, virtualMachineState, added, added,
                added);
        inserted.add(id);
        return id.toString();
    }

    protected String running(String name) {
        return machine(name, "Running", "Running", "Running");
    }

    protected String stopped(String name) {
        return machine(name, "PowerOff", "Power Off", "PowerOff");
    }

    protected static String vmKey(String id, String stamp) {
        return "VirtualMachines(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    protected String vmUrl(String id) {
        return vmm(FABRIKAM) + "/" + vmKey(id, WEST_STAMP);
    }

    protected JsonNode vm(String id) {
        Response read = get(vmUrl(id), "Accept", "application/json");
        if (read.status() != 200) {
            throw new AssertionError("GET " + id + ": " + read.status() + " " + read.body());
        }
        return read.json();
    }

    protected String status(String id) {
        return vm(id).get("Status").asText();
    }

    /** The machine's row as the database holds it, to show that a refused request changed nothing. */
    protected String row(String id) {
        return jdbc.queryForList("SELECT * FROM virtual_machines WHERE id = ?", UUID.fromString(id)).toString();
    }

    protected Response operation(String id, String verb, String... headers) {
        return send("PUT", vmUrl(id), "{\"Operation\":\"" + verb + "\"}", headers);
    }
}
