package io.localpack.jobs.faults;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Admin endpoint for fault rules: {@code /_localpack/faults}. JSON in and out; bad input is a 400
 * {@code {"error":{"code":"BadRequest","field":...,"message":...}}} and nothing is stored.
 */
@RestController
@Tag(name = "Job faults", description = "Make matching jobs fail on purpose")
@RequestMapping(path = "/_localpack/faults", produces = MediaType.APPLICATION_JSON_VALUE)
public class FaultRuleController {

    private static final Pattern OPERATION = Pattern.compile("\\*|[A-Za-z0-9._-]+\\*?");

    private final FaultRules faults;

    FaultRuleController(FaultRules faults) {
        this.faults = faults;
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return faults.list().stream().map(FaultRuleController::view).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> add(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadFaultRule("(body)", "the body must be a JSON object");
        }
        String operation = requiredText(body, "operation");
        if (!OPERATION.matcher(operation).matches()) {
            throw new BadFaultRule("operation",
                    "must be a job kind such as vmm.service.stop, a prefix ending in *, or *");
        }
        UUID target = optionalUuid(body, "targetObjectId");
        UUID template = optionalUuid(body, "templateId");
        int errorCode = requiredInt(body, "errorCode", 0, Integer.MAX_VALUE);
        String errorName = optionalText(body, "errorName");
        String message = requiredText(body, "message");
        String action = optionalText(body, "recommendedAction");
        int httpStatus = body.has("httpStatus") ? requiredInt(body, "httpStatus", 400, 599) : 500;
        int atStep = body.has("atStep") ? requiredInt(body, "atStep", 0, 1000) : 0;
        Integer times = times(body);
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("operation", "targetObjectId", "templateId", "errorCode", "errorName", "message",
                    "recommendedAction", "httpStatus", "atStep", "times").contains(name)) {
                throw new BadFaultRule(name, "unknown field");
            }
        }
        FaultRule rule = faults.add(operation, target, template, errorCode, errorName, message, action, httpStatus,
                atStep, times);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(rule));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(@PathVariable("id") UUID id) {
        if (!faults.remove(id)) {
            throw new FaultRuleNotFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    public ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(FaultRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("operation", r.operation());
        m.put("targetObjectId", r.targetObjectId());
        m.put("templateId", r.templateId());
        m.put("errorCode", r.errorCode());
        m.put("errorName", r.errorName());
        m.put("message", r.message());
        m.put("recommendedAction", r.recommendedAction());
        m.put("httpStatus", r.httpStatus());
        m.put("atStep", r.atStep());
        m.put("times", r.remaining() == null ? "always" : r.remaining());
        m.put("createdTime", r.createdTime());
        return m;
    }

    private static Integer times(JsonNode body) {
        JsonNode node = body.get("times");
        if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("once"))) {
            return 1;
        }
        if (node.isTextual() && node.asText().equals("always")) {
            return null;
        }
        if (node.isIntegralNumber() && node.asLong() >= 1 && node.asLong() <= 1_000_000) {
            return node.asInt();
        }
        throw new BadFaultRule("times", "must be \"once\", \"always\" or a positive integer");
    }

    private static String requiredText(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null || text.isBlank()) {
            throw new BadFaultRule(field, "is required");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadFaultRule(field, "must be a string");
        }
        if (node.asText().length() > 4000) {
            throw new BadFaultRule(field, "must be at most 4000 characters");
        }
        return node.asText();
    }

    private static int requiredInt(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new BadFaultRule(field, "is required");
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw new BadFaultRule(field, "must be an integer from " + min + " to " + max);
        }
        return node.asInt();
    }

    private static UUID optionalUuid(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadFaultRule(field, "must be a GUID");
        }
    }

    static class BadFaultRule extends RuntimeException {
        final String field;

        BadFaultRule(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }
    }

    static class FaultRuleNotFound extends RuntimeException {
        FaultRuleNotFound(UUID id) {
            super("No fault rule with id " + id);
        }
    }

    @ExceptionHandler(BadFaultRule.class)
    ResponseEntity<Map<String, Object>> badRule(BadFaultRule e) {
        return error(HttpStatus.BAD_REQUEST, "BadRequest", e.field, e.getMessage());
    }

    @ExceptionHandler(FaultRuleNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(FaultRuleNotFound e) {
        return error(HttpStatus.NOT_FOUND, "ResourceNotFound", "id", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "BadRequest", "(body)", "the body is not valid JSON");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", "Content-Type",
                "send the rule as application/json");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badId(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "BadRequest", e.getName(), e.getName() + " must be a GUID");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String field,
                                                             String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("field", field);
        error.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
