package io.localpack.admin.ui;

import io.localpack.vmm.VmmODataController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Requests to the VMM OData service made by the dashboard inside this JVM: a resource's own representation (what a
 * client's GET returns, every property) and its operations (a PUT with {@code Operation}, exactly as a client sends
 * it, so the API's checks, jobs and error answers are the ones clients get). They pass no authentication filter: the
 * dashboard already checked the admin credential, and no tenant credential is made or shown for them.
 */
@Component
class VmmCalls {

    /** What the API answered. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    static final String PRINCIPAL = "localpack-dashboard";

    private final VmmODataController vmm;

    VmmCalls(VmmODataController vmm) {
        this.vmm = vmm;
    }

    /** GET of one entity by key, as a V4 client reads it (JSON, minimal metadata). */
    Answer read(HttpServletRequest connection, HttpServletResponse response, UUID subscription, String set, UUID id,
                UUID stampId) {
        return send(connection, response, "GET", subscription, keyPath(set, id, stampId), null, null);
    }

    /**
     * PUT {"Operation": operation} on one entity, asynchronously (RunAsynchronously=1): the answer names the job. A
     * flag (Repair's Retry, Undo, Dismiss or Agent; checked by the caller to be a plain name) is sent as
     * {@code "<flag>": true} beside it, as Repair-SCVirtualMachine's clients send it.
     */
    Answer operate(HttpServletRequest connection, HttpServletResponse response, UUID subscription, String set, UUID id,
                   UUID stampId, String operation, String flag) {
        String body = "{\"Operation\":\"" + operation.replace("\"", "").replace("\\", "") + "\""
                + (flag == null ? "" : ",\"" + flag + "\":true") + "}";
        return send(connection, response, "PUT", subscription, keyPath(set, id, stampId), "RunAsynchronously=1", body);
    }

    /** DELETE of one entity, as a client sends it: the API's checks, its job (x-ms-request-id) or its error. */
    Answer remove(HttpServletRequest connection, HttpServletResponse response, UUID subscription, String set, UUID id,
                  UUID stampId) {
        return send(connection, response, "DELETE", subscription, keyPath(set, id, stampId), null, null);
    }

    static String keyPath(String set, UUID id, UUID stampId) {
        return set + "(ID=" + id + ",StampId=" + stampId + ")";
    }

    private Answer send(HttpServletRequest connection, HttpServletResponse response, String method, UUID subscription,
                        String path, String query, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json;odata.metadata=minimal");
        headers.put("OData-Version", "4.0");
        headers.put("OData-MaxVersion", "4.0");
        headers.put("x-ms-principal-id", PRINCIPAL);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        InternalRequest request = new InternalRequest(connection, method,
                "/" + subscription + "/services/systemcenter/vmm/" + path, query, headers, body);
        CapturedResponse answer = new CapturedResponse(response);
        try {
            vmm.handle(request, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(answer.getStatus(), answer.getContentType(), answer.bodyText(), answer.headerMap());
    }
}
