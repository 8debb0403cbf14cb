package io.localpack.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the control plane as {@code {"error":{"code":…,"message":…,"field":…}}}: those its controllers
 * throw ({@link ControlPlaneRefusal}), those Spring raises before a controller method runs, and (as the control
 * plane's {@link ApiErrorFormat}) those written by filters and the security chain.
 */
@RestControllerAdvice(annotations = ControlPlane.class)
public class ControlPlaneErrors implements ApiErrorFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ExceptionHandler(ControlPlaneRefusal.class)
    ResponseEntity<Map<String, Object>> refused(ControlPlaneRefusal e) {
        return entity(e.error());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return entity(new ApiError(400, "BadRequest", "the body is not valid JSON", "(body)"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return entity(new ApiError(415, "UnsupportedMediaType", "send the body as application/json",
                "Content-Type"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badArgument(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == UUID.class ? "GUID"
                : e.getRequiredType() == boolean.class || e.getRequiredType() == Boolean.class ? "boolean"
                : e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return entity(new ApiError(400, "BadRequest", e.getName() + " must be a " + type, e.getName()));
    }

    @Override
    public Api api() {
        return Api.CONTROL_PLANE;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body(error));
    }

    private static ResponseEntity<Map<String, Object>> entity(ApiError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(body(error));
    }

    private static Map<String, Object> body(ApiError error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", error.code());
        fields.put("message", error.message());
        fields.put("field", error.field());
        return Map.of("error", fields);
    }
}
