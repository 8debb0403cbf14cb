package io.localpack.vmroles.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.domain.Refusal;
import io.localpack.vmroles.VmRoleRefusal;
import io.localpack.web.Api;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the VM Role API in the shape its OData V3 JSON light service (WCF Data Services behind WAP) writes:
 * {@code {"odata.error":{"code":…,"message":{"lang":"en-US","value":…}}}}; the message names what was wrong. No
 * source shows a VM Role error body, so this is the closest shape, [INFER] (docs/vm-roles.md). Answers the
 * controller's refusals and, as the API's {@link ApiErrorFormat}, errors written by filters, the security chain,
 * HTTP fault rules and unmapped paths.
 */
@RestControllerAdvice(assignableTypes = VmRoleApiController.class)
class VmRoleApiErrors implements ApiErrorFormat {

    private static final Logger log = LoggerFactory.getLogger(VmRoleApiErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";

    @Override
    public Api api() {
        return Api.VM_ROLES;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        byte[] body = JSON.writeValueAsBytes(body(error));
        response.setStatus(error.status());
        response.setContentType(CONTENT_TYPE);
        response.setHeader("DataServiceVersion", "1.0;");
        response.setHeader("x-ms-request-id", UUID.randomUUID().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal e) {
        return entity(errorOf(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("VM Role API request failed", e);
        return entity(new ApiError(500, "InternalError", "The server encountered an internal error.", null));
    }

    static ApiError errorOf(Refusal e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_ALLOWED -> 403;
        };
        return new ApiError(status, e.code(), e.getMessage(), e instanceof VmRoleRefusal r ? r.field() : null);
    }

    static ResponseEntity<String> entity(ApiError error) {
        try {
            return ResponseEntity.status(error.status()).contentType(MediaType.parseMediaType(CONTENT_TYPE))
                    .header("DataServiceVersion", "1.0;")
                    .header("x-ms-request-id", UUID.randomUUID().toString())
                    .body(JSON.writeValueAsString(body(error)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(ApiError error) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("lang", "en-US");
        message.put("value", error.message());
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", error.code());
        inner.put("message", message);
        return Map.of("odata.error", inner);
    }
}
