package io.localpack.asm.web;

import io.localpack.asm.domain.CloudServiceException;
import io.localpack.asm.domain.CloudServices;
import io.localpack.jobs.Job;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Get Operation Status: an ASM operation is a LocalPack job, its id the x-ms-request-id of the request. */
@RestController
class OperationsController {

    private final CloudServices cloudServices;
    private final AsmRenderer renderer;

    OperationsController(CloudServices cloudServices, AsmRenderer renderer) {
        this.cloudServices = cloudServices;
        this.renderer = renderer;
    }

    @GetMapping({"/{subscriptionId}/operations/{requestId}", "/{subscriptionId}/operations/{requestId}/"})
    ResponseEntity<String> get(@PathVariable String subscriptionId, @PathVariable String requestId) {
        UUID sub = HostedServicesController.subscription(subscriptionId);
        UUID id = RequestIds.parse(requestId).orElseThrow(() -> CloudServiceException.badRequest(
                "The request id '" + requestId + "' is not valid: use the 32 hex digits of x-ms-request-id."));
        Job job = cloudServices.operation(sub, id).orElseThrow(() -> CloudServiceException.notFound(
                "The operation request ID " + requestId + " was not found."));
        return HostedServicesController.ok(renderer.operation(job));
    }
}
