package io.localpack.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The error shape of every {@code /_localpack/} endpoint: {@code {"error":{"code":…,"message":…}}}. */
public final class AdminErrors {

    private AdminErrors() {
    }

    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }

    /** A refused admin request: carries the status and code it answers with; nothing was changed. */
    public static class AdminRequestException extends RuntimeException {

        private final HttpStatus status;
        private final String code;

        public AdminRequestException(HttpStatus status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public ResponseEntity<Map<String, Object>> answer() {
            return of(status, code, getMessage());
        }
    }
}
