package io.localpack.vmroles.web;

import io.localpack.domain.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The VM Role API's own handlers, for callers inside this JVM (the dashboard): a cloud service's and a role's JSON
 * exactly as a client's GET gets it, and Scale and Delete through the very code that parses and checks a client's
 * request. The request given must carry what a client's would ({@code api-version}, the principal); the answer is
 * the API's, its refusals in the API's error format.
 */
@Component
public class VmRoleApiCalls {

    /** What the API answered; {@code requestId} is x-ms-request-id (the job, for a change). */
    public record Answer(int status, String contentType, String body, String requestId) {
    }

    private final VmRoleApiController api;

    VmRoleApiCalls(VmRoleApiController api) {
        this.api = api;
    }

    public Answer cloudService(HttpServletRequest request, UUID subscription, String name) {
        return call(request, subscription, () -> api.cloudService(request, subscription.toString(), name));
    }

    public Answer role(HttpServletRequest request, UUID subscription, String cloudService, String role) {
        return call(request, subscription, () -> api.vmRole(request, subscription.toString(), cloudService, role));
    }

    /** POST …/VMRoles/{role}/Scale with the client's body ({"InstanceCount": n}). */
    public Answer scale(HttpServletRequest request, UUID subscription, String cloudService, String role, String body) {
        return call(request, subscription, () -> api.scale(request, subscription.toString(), cloudService, role,
                body));
    }

    /** DELETE …/VMRoles/{role}. */
    public Answer deleteRole(HttpServletRequest request, UUID subscription, String cloudService, String role) {
        return call(request, subscription, () -> api.deleteVmRole(request, subscription.toString(), cloudService,
                role));
    }

    private static Answer call(HttpServletRequest request, UUID subscription, Supplier<ResponseEntity<String>> handler) {
        // links in the answer are written against the root the client used; the documented one here
        request.setAttribute(VmRolePaths.ROOT_ATTRIBUTE, "/" + subscription);
        ResponseEntity<String> answer;
        try {
            answer = handler.get();
        } catch (Refusal refusal) {
            answer = VmRoleApiErrors.entity(VmRoleApiErrors.errorOf(refusal));
        }
        HttpHeaders headers = answer.getHeaders();
        return new Answer(answer.getStatusCode().value(), headers.getContentType() == null ? null
                : headers.getContentType().toString(), answer.getBody() == null ? "" : answer.getBody(),
                headers.getFirst("x-ms-request-id"));
    }
}
