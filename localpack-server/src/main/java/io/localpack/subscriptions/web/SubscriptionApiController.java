package io.localpack.subscriptions.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.subscriptions.SubscriptionCertificates;
import io.localpack.subscriptions.SubscriptionRefusal;
import io.localpack.subscriptions.SubscriptionRules;
import io.localpack.subscriptions.TenantSubscriptions;
import io.localpack.subscriptions.TenantSubscriptions.Deletion;
import io.localpack.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WAP's tenant subscription API on the wire (docs/subscriptions.md). Paths arrive canonical
 * ({@link SubscriptionPaths}); answers are JSON in WAP's member names and order ({@link WireShapes}), or its
 * DataContract XML for a client that asks for XML ({@link WireXml}); bodies may be
 * JSON or the sample client's XML ({@link RequestBodies}); refusals are {@link SubscriptionApiErrors}.
 */
@RestController
class SubscriptionApiController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; charset=utf-8");
    static final MediaType XML_UTF8 = MediaType.parseMediaType("application/xml; charset=utf-8");

    private final TenantSubscriptions subscriptions;
    private final SubscriptionCertificates certificates;

    SubscriptionApiController(TenantSubscriptions subscriptions, SubscriptionCertificates certificates) {
        this.subscriptions = subscriptions;
        this.certificates = certificates;
    }

    // ---- subscriptions -------------------------------------------------------------------------------------------

    @GetMapping("/subscriptions")
    ResponseEntity<String> list(HttpServletRequest request) {
        return many(request, "Subscriptions", "Subscription",
                subscriptions.list(Callers.of(request)).stream().map(WireShapes::subscription).toList());
    }

    @GetMapping("/subscriptions/{id}")
    ResponseEntity<String> get(HttpServletRequest request, @PathVariable String id) {
        return one(request, "Subscription", WireShapes.subscription(subscriptions.get(Callers.of(request),
                subscriptionId(id))));
    }

    /** Subscribe: 200 and the new subscription (the documented status, not 201). */
    @PostMapping("/subscriptions")
    ResponseEntity<String> subscribe(HttpServletRequest request, @RequestBody(required = false) String body,
                                     @RequestHeader(value = "Content-Type", required = false) String contentType) {
        SubscriptionCaller caller = Callers.of(request);
        RequestBodies members = RequestBodies.read(body, contentType);
        UUID id = SubscriptionRules.subscriptionId(members.text("SubscriptionId"), "SubscriptionId");
        String admin = members.text("AccountAdminLiveEmailId");
        if (admin == null) {
            admin = members.text("AccountAdminLivePuid");
        }
        return one(request, "Subscription", WireShapes.subscription(subscriptions.subscribe(caller,
                new TenantSubscriptions.Subscribe(id, members.text("PlanId"), members.text("FriendlyName"), admin,
                        members.strings("CoAdminNames")))));
    }

    /** Rename answers 204 (as documented); a change of co-administrators 200 with the subscription. */
    @PatchMapping("/subscriptions/{id}")
    ResponseEntity<String> change(HttpServletRequest request, @PathVariable String id,
                                  @RequestBody(required = false) String body,
                                  @RequestHeader(value = "Content-Type", required = false) String contentType) {
        SubscriptionCaller caller = Callers.of(request);
        UUID subscriptionId = subscriptionId(id);
        RequestBodies members = RequestBodies.read(body, contentType);
        List<String> coAdmins = members.strings("CoAdminNames");
        var changed = subscriptions.change(caller, subscriptionId, new TenantSubscriptions.Change(
                members.text("SubscriptionID"), members.text("SubscriptionName"), coAdmins));
        return coAdmins == null ? noContent() : one(request, "Subscription", WireShapes.subscription(changed));
    }

    /** 202 and the subscription, now delete-pending; x-ms-request-id is the job removing it. */
    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<String> delete(HttpServletRequest request, @PathVariable String id,
                                  @RequestParam(value = "force", required = false) String force) {
        SubscriptionCaller caller = Callers.of(request);
        Deletion deletion = subscriptions.delete(caller, subscriptionId(id), flag("force", force),
                Caller.principal(request));
        Map<String, Object> body = WireShapes.subscription(deletion.subscription());
        return answer(request, HttpStatus.ACCEPTED, body, () -> WireXml.object("Subscription", body),
                deletion.jobId() == null ? UUID.randomUUID() : deletion.jobId());
    }

    // ---- add-ons -------------------------------------------------------------------------------------------------

    @GetMapping("/subscriptions/{id}/addons")
    ResponseEntity<String> addOnReferences(HttpServletRequest request, @PathVariable String id) {
        return many(request, "PlanAddOnReferences", "PlanAddOnReference", subscriptions.addOnReferences(
                Callers.of(request), subscriptionId(id)).stream().map(WireShapes::addOnReference).toList());
    }

    @PostMapping("/subscriptions/{id}/addons")
    ResponseEntity<String> attachAddOn(HttpServletRequest request, @PathVariable String id,
                                       @RequestBody(required = false) String body,
                                       @RequestHeader(value = "Content-Type", required = false) String contentType) {
        SubscriptionCaller caller = Callers.of(request);
        UUID subscriptionId = subscriptionId(id);
        RequestBodies members = RequestBodies.read(body, contentType);
        return one(request, "PlanAddOnReference", WireShapes.addOnReference(subscriptions.attachAddOn(caller,
                subscriptionId, members.text("AddOnId"))));
    }

    /** 200 with the reference removed ([INFER]: the status is not documented; certificates answer so). */
    @DeleteMapping("/subscriptions/{id}/addons/{addOnId}/{instanceId}")
    ResponseEntity<String> detachAddOn(HttpServletRequest request, @PathVariable String id,
                                       @PathVariable String addOnId, @PathVariable String instanceId) {
        return one(request, "PlanAddOnReference", WireShapes.addOnReference(subscriptions.detachAddOn(
                Callers.of(request), subscriptionId(id), addOnId, instanceId)));
    }

    // ---- quota and usage -----------------------------------------------------------------------------------------

    @GetMapping("/subscriptions/{id}/usagesummaries")
    ResponseEntity<String> usage(HttpServletRequest request, @PathVariable String id) {
        return many(request, "UsageSummaries", "UsageSummary", subscriptions.usage(Callers.of(request),
                subscriptionId(id)).stream().map(WireShapes::usage).toList());
    }

    /** Re-sync with the plan: 200 and the subscription. */
    @PutMapping("/subscriptions/{id}/quota")
    ResponseEntity<String> syncQuota(HttpServletRequest request, @PathVariable String id,
                                     @RequestParam(value = "sync", required = false) String sync) {
        SubscriptionCaller caller = Callers.of(request);
        UUID subscriptionId = subscriptionId(id);
        flag("sync", sync);
        return one(request, "Subscription", WireShapes.subscription(subscriptions.syncQuota(caller, subscriptionId)));
    }

    // ---- certificates --------------------------------------------------------------------------------------------

    @GetMapping("/subscriptions/{id}/certificates")
    ResponseEntity<String> certificates(HttpServletRequest request, @PathVariable String id) {
        return many(request, "SubscriptionCertificates", "SubscriptionCertificate", certificates.list(
                Callers.of(request), subscriptionId(id)).stream().map(WireShapes::certificate).toList());
    }

    @GetMapping("/subscriptions/{id}/certificates/{thumbprint}")
    ResponseEntity<String> certificate(HttpServletRequest request, @PathVariable String id,
                                       @PathVariable String thumbprint) {
        return one(request, "SubscriptionCertificate", WireShapes.certificate(certificates.get(
                Callers.of(request), subscriptionId(id), thumbprint)));
    }

    /** 204 without a body, as documented. */
    @PostMapping("/subscriptions/{id}/certificates")
    ResponseEntity<String> addCertificate(HttpServletRequest request, @PathVariable String id,
                                          @RequestBody(required = false) String body,
                                          @RequestHeader(value = "Content-Type", required = false) String contentType) {
        SubscriptionCaller caller = Callers.of(request);
        UUID subscriptionId = subscriptionId(id);
        RequestBodies members = RequestBodies.read(body, contentType);
        certificates.add(caller, subscriptionId, members.text("SubscriptionCertificatePublicKey"),
                members.text("SubscriptionCertificateThumbprint"), members.text("SubscriptionCertificateData"));
        return noContent();
    }

    /** 200 and the certificate removed. */
    @DeleteMapping("/subscriptions/{id}/certificates/{thumbprint}")
    ResponseEntity<String> removeCertificate(HttpServletRequest request, @PathVariable String id,
                                             @PathVariable String thumbprint) {
        return one(request, "SubscriptionCertificate", WireShapes.certificate(certificates.remove(
                Callers.of(request), subscriptionId(id), thumbprint)));
    }

    // ---- plans and add-ons offered -------------------------------------------------------------------------------

    /** Public plans; no principal needed (the sample client sends none). */
    @GetMapping("/plans")
    ResponseEntity<String> plans(HttpServletRequest request) {
        List<AddOn> addOns = subscriptions.addOns();
        return many(request, "Plans", "Plan", subscriptions.plans().stream().map(p -> WireShapes.plan(p, addOns))
                .toList());
    }

    @GetMapping("/plans/{planId}")
    ResponseEntity<String> plan(HttpServletRequest request, @PathVariable String planId) {
        return one(request, "Plan", WireShapes.plan(subscriptions.plan(planId), subscriptions.addOns()));
    }

    @GetMapping("/addons")
    ResponseEntity<String> addOns(HttpServletRequest request) {
        return many(request, "PlanAddOns", "PlanAddOn", subscriptions.addOns().stream().map(WireShapes::addOn)
                .toList());
    }

    @GetMapping("/addons/{addOnId}")
    ResponseEntity<String> addOn(HttpServletRequest request, @PathVariable String addOnId) {
        return one(request, "PlanAddOn", WireShapes.addOn(subscriptions.addOn(addOnId)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static UUID subscriptionId(String text) {
        return SubscriptionRules.pathSubscriptionId(text);
    }

    /** {@code true}/{@code false} in any case; absent is false. */
    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw SubscriptionRefusal.badRequest(name, name + " must be true or false.");
        };
    }

    /** One object: JSON, or DataContract XML as {@code <root>} for a client asking for XML. */
    private static ResponseEntity<String> one(HttpServletRequest request, String root, Map<String, Object> body) {
        return answer(request, HttpStatus.OK, body, () -> WireXml.object(root, body), UUID.randomUUID());
    }

    /** A bare JSON array, or {@code <root><item/>…</root>}. */
    private static ResponseEntity<String> many(HttpServletRequest request, String root, String item,
                                               List<Map<String, Object>> items) {
        return answer(request, HttpStatus.OK, items, () -> WireXml.list(root, item, items), UUID.randomUUID());
    }

    private static ResponseEntity<String> noContent() {
        return ResponseEntity.noContent().header("x-ms-request-id", UUID.randomUUID().toString()).build();
    }

    private static ResponseEntity<String> answer(HttpServletRequest request, HttpStatus status, Object body,
                                                 Supplier<String> xml, UUID requestId) {
        boolean asXml = WireXml.wanted(request.getHeader("Accept"));
        try {
            return ResponseEntity.status(status).contentType(asXml ? XML_UTF8 : JSON_UTF8)
                    .header("Cache-Control", "no-cache").header("x-ms-request-id", requestId.toString())
                    .body(asXml ? xml.get() : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer", e);
        }
    }
}
