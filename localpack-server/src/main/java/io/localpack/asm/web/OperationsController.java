package io.localpack.asm.web;

import io.localpack.asm.domain.AsmRequests;
import io.localpack.asm.domain.CloudServiceException;
import io.localpack.asm.domain.CloudServices;
import io.localpack.jobs.Job;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Get Operation Status: an ASM operation is a LocalPack job, its id the x-ms-request-id of the request; any other
 * request id LocalPack issued is answered from the request record ({@link AsmRequests}).
 */
@RestController
class OperationsController {

    private final CloudServices cloudServices;
    private final AsmRenderer renderer;
    private final AsmRequests requests;

    OperationsController(CloudServices cloudServices, AsmRenderer renderer, AsmRequests requests) {
        this.requests = requests;
        this.cloudServices = cloudServices;
        this.renderer = renderer;
    }

    @GetMapping({"/{subscriptionId}/operations/{requestId}", "/{subscriptionId}/operations/{requestId}/"})
    ResponseEntity<String> get(@PathVariable String subscriptionId, @PathVariable String requestId) {
        UUID sub = HostedServicesController.subscription(subscriptionId);
        UUID id = RequestIds.parse(requestId).orElseThrow(() -> CloudServiceException.badRequest(
                "The request id '" + requestId + "' is not valid: use the 32 hex digits of x-ms-request-id."));
        Job job = cloudServices.operation(sub, id).orElse(null);
        if (job != null) {
            return HostedServicesController.ok(renderer.operation(job));
        }
        // a request that started no job (a read, a refusal) is over: Succeeded or Failed with its status code
        AsmRequests.Finished request = requests.find(sub, id).orElseThrow(() -> CloudServiceException.notFound(
                "The operation request ID " + requestId + " was not found."));
        return HostedServicesController.ok(renderer.operation(request));
    }
}
