package io.localpack.asm.web;

import io.localpack.asm.domain.AsmRequests;
import io.localpack.asm.domain.AsmSubscriptions;
import io.localpack.asm.domain.CloudServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Element;

/**
 * The subscription-level operations of the Service Management API: Get Subscription, List Locations, List Role
 * Sizes, List Subscription Operations and the management certificates.
 */
@RestController
class SubscriptionController {

    /** Only a GUID-shaped first segment is a subscription here; anything else is another API's or no one's. */
    static final String SUB = "/{subscriptionId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    /**
     * Below the subscription, a malformed id is the API's 400 BadRequest, as on the other ASM paths; a first segment
     * starting with '_' is LocalPack's own ({@code /_localpack/certificates}), never a subscription.
     */
    static final String ANY = "/{subscriptionId:[^_].*}";
    /** At most this many operations per page of List Subscription Operations; the rest after ContinuationToken. */
    static final int PAGE = 1000;

    private final AsmSubscriptions subscriptions;
    private final AsmRequests requests;
    private final AsmRenderer renderer;

    SubscriptionController(AsmSubscriptions subscriptions, AsmRequests requests, AsmRenderer renderer) {
        this.subscriptions = subscriptions;
        this.requests = requests;
        this.renderer = renderer;
    }

    @GetMapping({SUB, SUB + "/"})
    ResponseEntity<String> get(@PathVariable String subscriptionId) {
        return HostedServicesController.ok(renderer.subscription(subscriptions.get(sub(subscriptionId))));
    }

    @GetMapping({ANY + "/locations", ANY + "/locations/"})
    ResponseEntity<String> locations(@PathVariable String subscriptionId) {
        return HostedServicesController.ok(renderer.locations(subscriptions.locations(sub(subscriptionId)),
                subscriptions.roleSizes(sub(subscriptionId))));
    }

    @GetMapping({ANY + "/rolesizes", ANY + "/rolesizes/"})
    ResponseEntity<String> roleSizes(@PathVariable String subscriptionId) {
        return HostedServicesController.ok(renderer.roleSizes(subscriptions.roleSizes(sub(subscriptionId))));
    }

    // ---- List Subscription Operations ----------------------------------------------------------------------

    @GetMapping({ANY + "/operations", ANY + "/operations/"})
    ResponseEntity<String> operations(@PathVariable String subscriptionId,
                                      @RequestParam(name = "StartTime", required = false) String startTime,
                                      @RequestParam(name = "EndTime", required = false) String endTime,
                                      @RequestParam(name = "ObjectIdFilter", required = false) String objectId,
                                      @RequestParam(name = "OperationResultFilter", required = false) String result,
                                      @RequestParam(name = "ContinuationToken", required = false) String token) {
        UUID sub = sub(subscriptionId);
        OffsetDateTime start = time("StartTime", startTime);
        OffsetDateTime end = time("EndTime", endTime);
        if (end.isBefore(start)) {
            throw queryParameter("EndTime must not be before StartTime.");
        }
        AsmRequests.Result filter = null;
        if (result != null && !result.isEmpty()) {
            try {
                filter = AsmRequests.Result.valueOf(result);
            } catch (IllegalArgumentException e) {
                throw queryParameter("OperationResultFilter must be Succeeded, Failed or InProgress, not '" + result
                        + "'.");
            }
        }
        OffsetDateTime afterTime = null;
        UUID afterId = null;
        if (token != null && !token.isEmpty()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                afterTime = OffsetDateTime.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw queryParameter("The ContinuationToken is not one this service issued.");
            }
        }
        List<AsmRequests.Operation> page = requests.list(sub, start, end, objectId == null || objectId.isEmpty()
                ? null : objectId, filter, PAGE + 1, afterTime, afterId);
        String next = null;
        if (page.size() > PAGE) {
            page = page.subList(0, PAGE);
            AsmRequests.Finished last = page.get(PAGE - 1).request();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.startedTime() + "|"
                    + last.requestId()).getBytes(StandardCharsets.UTF_8));
        }
        return HostedServicesController.ok(renderer.subscriptionOperations(page, next));
    }

    private static OffsetDateTime time(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw queryParameter("The " + name + " query parameter is required (an ISO 8601 time such as "
                    + "2014-10-27T00:00:00Z).");
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw queryParameter("The " + name + " '" + text + "' is not an ISO 8601 time such as "
                        + "2014-10-27T00:00:00Z.");
            }
        }
    }

    private static CloudServiceException queryParameter(String message) {
        return CloudServiceException.invalid(AsmError.MissingOrInvalidRequiredQueryParameter.name(), message);
    }

    // ---- management certificates ---------------------------------------------------------------------------

    @GetMapping({ANY + "/certificates", ANY + "/certificates/"})
    ResponseEntity<String> certificates(@PathVariable String subscriptionId) {
        return HostedServicesController.ok(renderer.managementCertificates(
                subscriptions.managementCertificates(sub(subscriptionId))));
    }

    @GetMapping({ANY + "/certificates/{thumbprint}", ANY + "/certificates/{thumbprint}/"})
    ResponseEntity<String> certificate(@PathVariable String subscriptionId, @PathVariable String thumbprint) {
        return HostedServicesController.ok(renderer.managementCertificate(
                subscriptions.managementCertificate(sub(subscriptionId), thumbprint)));
    }

    @PostMapping({ANY + "/certificates", ANY + "/certificates/"})
    ResponseEntity<String> addCertificate(@PathVariable String subscriptionId,
                                          @RequestBody(required = false) String body, HttpServletRequest request) {
        Element x = AsmXml.parse(body, "SubscriptionCertificate");
        var added = subscriptions.addManagementCertificate(sub(subscriptionId),
                AsmXml.text(x, "SubscriptionCertificatePublicKey"), AsmXml.text(x, "SubscriptionCertificateThumbprint"),
                AsmXml.text(x, "SubscriptionCertificateData"));
        return ResponseEntity.status(201).header("Location", request.getRequestURL().toString()
                .replaceAll("/$", "") + "/" + added.thumbprint()).header("Content-Length", "0").build();
    }

    @DeleteMapping({ANY + "/certificates/{thumbprint}", ANY + "/certificates/{thumbprint}/"})
    ResponseEntity<String> deleteCertificate(@PathVariable String subscriptionId, @PathVariable String thumbprint) {
        subscriptions.deleteManagementCertificate(sub(subscriptionId), thumbprint);
        return HostedServicesController.empty(200);
    }

    private static UUID sub(String text) {
        return HostedServicesController.subscription(text);
    }
}
