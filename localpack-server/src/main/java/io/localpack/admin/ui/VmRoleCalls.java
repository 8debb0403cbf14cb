package io.localpack.admin.ui;

import io.localpack.vmroles.web.VmRoleApiCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Requests to the VM Role API made by the dashboard inside this JVM, as a client sends them ({@code api-version},
 * JSON, the dashboard's principal) to the API's own handlers: reads for a resource's page, Scale and Delete for its
 * controls. Like {@link VmmCalls}, they pass no authentication filter and are not journaled themselves.
 */
@Component
class VmRoleCalls {

    static final String API_VERSION = "api-version=2013-03";

    private final VmRoleApiCalls api;

    VmRoleCalls(VmRoleApiCalls api) {
        this.api = api;
    }

    static String cloudServicePath(UUID subscription, String cloudService) {
        return "/" + subscription + "/CloudServices/" + cloudService;
    }

    static String rolePath(UUID subscription, String cloudService, String role) {
        return cloudServicePath(subscription, cloudService) + "/Resources/MicrosoftCompute/VMRoles/" + role;
    }

    VmRoleApiCalls.Answer readCloudService(HttpServletRequest connection, UUID subscription, String name) {
        return api.cloudService(request(connection, "GET", cloudServicePath(subscription, name), null), subscription,
                name);
    }

    VmRoleApiCalls.Answer readRole(HttpServletRequest connection, UUID subscription, String cloudService,
                                   String role) {
        return api.role(request(connection, "GET", rolePath(subscription, cloudService, role), null), subscription,
                cloudService, role);
    }

    VmRoleApiCalls.Answer scale(HttpServletRequest connection, UUID subscription, String cloudService, String role,
                                String body) {
        return api.scale(request(connection, "POST", rolePath(subscription, cloudService, role) + "/Scale", body),
                subscription, cloudService, role, body);
    }

    VmRoleApiCalls.Answer delete(HttpServletRequest connection, UUID subscription, String cloudService, String role) {
        return api.deleteRole(request(connection, "DELETE", rolePath(subscription, cloudService, role), null),
                subscription, cloudService, role);
    }

    private static InternalRequest request(HttpServletRequest connection, String method, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("x-ms-principal-id", VmmCalls.PRINCIPAL);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new InternalRequest(connection, method, path, API_VERSION, headers, body);
    }
}
