package io.localpack.admin.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.admin.httpfaults.HttpFaultController;
import io.localpack.admin.journal.RequestJournalFilter;
import io.localpack.asm.domain.CloudServiceLifecycle;
import io.localpack.asm.domain.Commands;
import io.localpack.asm.domain.DeploymentSlot;
import io.localpack.domain.Refusal;
import io.localpack.fixtures.web.StateController;
import io.localpack.jobs.Job;
import io.localpack.jobs.faults.FaultRuleController;
import io.localpack.jobs.timing.TimingController;
import io.localpack.tenancy.Caller;
import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's controls, under {@code /_localpack/ui/api/actions/}. Each calls the code the API or the control
 * plane runs for the same request: VMM operations go to the VMM OData service as a client's PUT with
 * {@code Operation}; ASM Update Deployment Status to the cloud-service life cycle; fault rules, timing modes, resets,
 * fixture loads, snapshots and restores to the control plane's own controllers (so their checks and answers are
 * the same). Each is recorded in the request journal (see {@link RequestJournalFilter#JOURNALED_CONTROLS}) under the
 * subscription it acted on, with the principal {@value VmmCalls#PRINCIPAL}, and needs the page's CSRF token.
 */
@RestController
@ControlPlane
@RequestMapping(path = "/_localpack/ui/api", produces = MediaType.APPLICATION_JSON_VALUE)
class DashboardActions {

    private static final Set<String> VMM_SETS = Set.of("Services", "VirtualMachines");
    /** What the dashboard removes through the VMM API's DELETE. */
    private static final Set<String> VMM_DELETABLE = Set.of("VMNetworks");
    /** Repair-SCVirtualMachine's switches, the members the VMM API takes with Operation=Repair. */
    static final List<String> REPAIR_FLAGS = List.of("Retry", "Undo", "Dismiss", "Agent");

    private final VmmCalls vmm;
    private final VmRoleCalls vmRoles;
    private final CloudServiceLifecycle cloudServices;
    private final FaultRuleController jobFaults;
    private final HttpFaultController httpFaults;
    private final TimingController timing;
    private final StateController state;
    private final DashboardSnapshots snapshots;

    DashboardActions(VmmCalls vmm, VmRoleCalls vmRoles, CloudServiceLifecycle cloudServices, FaultRuleController jobFaults,
                     HttpFaultController httpFaults, TimingController timing, StateController state,
                     DashboardSnapshots snapshots) {
        this.vmm = vmm;
        this.vmRoles = vmRoles;
        this.cloudServices = cloudServices;
        this.jobFaults = jobFaults;
        this.httpFaults = httpFaults;
        this.timing = timing;
        this.state = state;
        this.snapshots = snapshots;
    }

    // ---- resources ------------------------------------------------------------------------------------------

    /**
     * Start, Stop, Shutdown, Repair, … on a VMM service or VM: the API's answer (202 and the job, or its OData
     * error). Repair takes {"flag": "Retry" | "Undo" | "Dismiss" | "Agent"}, sent to the API as that member = true.
     */
    @PostMapping("/actions/vmm/{set}/{subscription}/{id}/{stampId}/{operation}")
    ResponseEntity<String> vmmOperation(@PathVariable String set, @PathVariable UUID subscription,
                                        @PathVariable UUID id, @PathVariable UUID stampId,
                                        @PathVariable String operation, @RequestBody(required = false) JsonNode body,
                                        HttpServletRequest request, HttpServletResponse response) {
        if (!VMM_SETS.contains(set)) {
            throw ControlPlaneRefusal.notFound("UnknownEntitySet", "set", "The dashboard operates on " + VMM_SETS
                    + ", not '" + set + "'");
        }
        String flag = null;
        if (body != null && body.has("flag")) {
            String given = body.path("flag").asText("");
            flag = REPAIR_FLAGS.stream().filter(f -> f.equalsIgnoreCase(given)).findFirst().orElseThrow(() ->
                    ControlPlaneRefusal.badRequest("flag", "flag must be one of " + REPAIR_FLAGS + ", not '"
                            + given + "'"));
        }
        acting(request, subscription);
        return vmmAnswer(vmm.operate(request, response, subscription, set, id, stampId, operation, flag));
    }

    /** DELETE of a tenant's VM network through the VMM OData service: the API's answer (its job, or its error). */
    @PostMapping("/actions/vmm-delete/{set}/{subscription}/{id}/{stampId}")
    ResponseEntity<String> vmmDelete(@PathVariable String set, @PathVariable UUID subscription, @PathVariable UUID id,
                                     @PathVariable UUID stampId, HttpServletRequest request,
                                     HttpServletResponse response) {
        if (!VMM_DELETABLE.contains(set)) {
            throw ControlPlaneRefusal.notFound("UnknownEntitySet", "set", "The dashboard deletes " + VMM_DELETABLE
                    + ", not '" + set + "'");
        }
        acting(request, subscription);
        return vmmAnswer(vmm.remove(request, response, subscription, set, id, stampId));
    }

    /**
     * VM Role Scale: the body is the client's ({"InstanceCount": n}) and goes to the VM Role API's own handler, which
     * parses and checks it; the answer is the API's (the role and the job, or its error).
     */
    @PostMapping("/actions/vmroles/{subscription}/{cloudService}/{role}/scale")
    ResponseEntity<String> scaleRole(@PathVariable UUID subscription, @PathVariable String cloudService,
                                     @PathVariable String role, @RequestBody(required = false) String body,
                                     HttpServletRequest request) {
        acting(request, subscription);
        return vmRoleAnswer(vmRoles.scale(request, subscription, cloudService, role, body));
    }

    /** VM Role Delete: the role and its machines go through the API's job. */
    @PostMapping("/actions/vmroles/{subscription}/{cloudService}/{role}/delete")
    ResponseEntity<String> deleteRole(@PathVariable UUID subscription, @PathVariable String cloudService,
                                      @PathVariable String role, HttpServletRequest request) {
        acting(request, subscription);
        return vmRoleAnswer(vmRoles.delete(request, subscription, cloudService, role));
    }

    /** The VMM API's answer as the dashboard's: its status and body, and the job's request id when it made one. */
    private static ResponseEntity<String> vmmAnswer(VmmCalls.Answer answer) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON);
        String job = answer.headers().get("x-ms-request-id");
        if (job != null) {
            reply.header("x-ms-request-id", job);
        }
        return reply.body(answer.body().isEmpty() ? "{}" : answer.body());
    }

    private static ResponseEntity<String> vmRoleAnswer(io.localpack.vmroles.web.VmRoleApiCalls.Answer answer) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (answer.status() < 300 && answer.requestId() != null) {
            reply.header("x-ms-request-id", answer.requestId()); // the job, as the journal records it
        }
        return reply.body(answer.body().isEmpty() ? "{}" : answer.body());
    }

    /** ASM Update Deployment Status: {"status": "Running" | "Suspended"}. */
    @PostMapping("/actions/asm/{subscription}/{service}/{slot}/status")
    ResponseEntity<Map<String, Object>> deploymentStatus(@PathVariable UUID subscription, @PathVariable String service,
                                                         @PathVariable String slot,
                                                         @RequestBody(required = false) JsonNode body,
                                                         HttpServletRequest request) {
        acting(request, subscription);
        DeploymentSlot deploymentSlot = DeploymentSlot.parse(slot).orElseThrow(() -> ControlPlaneRefusal.badRequest(
                "slot", "slot must be production or staging, not '" + slot + "'"));
        String wanted = body == null || !body.path("status").isTextual() ? "" : body.path("status").asText();
        Commands.RequestedStatus status;
        try {
            status = Commands.RequestedStatus.valueOf(wanted);
        } catch (IllegalArgumentException e) {
            throw ControlPlaneRefusal.badRequest("status", "status must be Running or Suspended, not '" + wanted + "'");
        }
        try {
            Job job = cloudServices.updateStatus(subscription, UUID.randomUUID(), service,
                    Commands.DeploymentRef.bySlot(deploymentSlot), status);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("jobId", job.id());
            view.put("status", job.status().name());
            return ResponseEntity.accepted().header("x-ms-request-id", job.id().toString()).body(view);
        } catch (Refusal refusal) {
            throw asControlPlane(refusal);
        }
    }

    // ---- fault rules and timing -----------------------------------------------------------------------------

    @PostMapping("/actions/faults/jobs")
    ResponseEntity<Map<String, Object>> addJobFault(@RequestBody(required = false) JsonNode body) {
        return jobFaults.add(body);
    }

    @DeleteMapping("/actions/faults/jobs/{id}")
    ResponseEntity<Void> removeJobFault(@PathVariable UUID id) {
        return jobFaults.remove(id);
    }

    @PostMapping("/actions/faults/http")
    ResponseEntity<Map<String, Object>> addHttpFault(@RequestBody(required = false) JsonNode body) {
        return httpFaults.add(body);
    }

    @DeleteMapping("/actions/faults/http/{id}")
    ResponseEntity<Void> removeHttpFault(@PathVariable UUID id) {
        return httpFaults.remove(id);
    }

    @PutMapping("/actions/timing/{kind}")
    Map<String, Object> setTiming(@PathVariable String kind, @RequestBody(required = false) JsonNode body) {
        return timing.set(kind, body);
    }

    @DeleteMapping("/actions/timing/{kind}")
    ResponseEntity<Void> clearTiming(@PathVariable String kind) {
        return timing.reset(kind);
    }

    // ---- state ----------------------------------------------------------------------------------------------

    @PostMapping("/actions/reset")
    Map<String, Object> resetAll() {
        return state.resetAll();
    }

    @PostMapping("/actions/reset/{subscription}")
    Map<String, Object> reset(@PathVariable UUID subscription, HttpServletRequest request) {
        acting(request, subscription);
        return state.reset(subscription);
    }

    @PostMapping("/actions/fixtures/{name}/load")
    Map<String, Object> loadFixtures(@PathVariable String name,
                                     @RequestParam(defaultValue = "false") boolean replace) {
        return state.loadSet(name, replace);
    }

    /** Takes a snapshot (everything, or one subscription) and keeps it here to restore or download. */
    @PostMapping("/actions/snapshots")
    Map<String, Object> takeSnapshot(@RequestParam(required = false) UUID subscription, HttpServletRequest request) {
        if (subscription != null) {
            acting(request, subscription);
        }
        return snapshots.keep(subscription, state.snapshot(subscription)).view();
    }

    @PostMapping("/actions/snapshots/{number}/restore")
    Map<String, Object> restoreSnapshot(@PathVariable int number) {
        DashboardSnapshots.Kept kept = snapshots.get(number);
        return state.restore(kept.sql().getBytes(StandardCharsets.UTF_8), "application/sql");
    }

    @GetMapping("/snapshots")
    Object listSnapshots() {
        return snapshots.all().stream().map(DashboardSnapshots.Kept::view).toList();
    }

    @GetMapping(path = "/snapshots/{number}", produces = "application/sql;charset=UTF-8")
    ResponseEntity<String> downloadSnapshot(@PathVariable int number) {
        DashboardSnapshots.Kept kept = snapshots.get(number);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"localpack-snapshot-"
                + number + ".sql\"").body(kept.sql());
    }

    private static void acting(HttpServletRequest request, UUID subscription) {
        request.setAttribute(RequestJournalFilter.SUBSCRIPTION_ATTRIBUTE, subscription);
        request.setAttribute(Caller.PRINCIPAL_ATTRIBUTE, VmmCalls.PRINCIPAL);
    }

    /** A domain refusal (ASM's), answered in the control plane's shape with the status the kind means. */
    private static ControlPlaneRefusal asControlPlane(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_ALLOWED -> 405;
        };
        return new ControlPlaneRefusal(status, refusal.code(), "(path)", refusal.getMessage());
    }
}
