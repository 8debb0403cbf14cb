package io.localpack.vmm;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Errors raised before a request reaches Olingo, in the same OData error shape Olingo writes. */
final class ODataErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ODataErrors() {
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;odata.metadata=minimal");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of("error", Map.of("code", code, "message", message)));
    }
}
