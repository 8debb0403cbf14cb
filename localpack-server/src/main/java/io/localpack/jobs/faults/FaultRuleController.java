package io.localpack.jobs.faults;

import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin endpoint for fault rules: {@code /_localpack/faults}. JSON in and out; bad input is a 400
 * {@code {"error":{"code":"BadRequest","message":...,"field":...}}} and nothing is stored.
 */
@RestController
@ControlPlane
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

    /** No {@code consumes}: a mapping mismatch would bypass the control plane's error advice (a non-JSON body is 415). */
    @PostMapping
    public ResponseEntity<Map<String, Object>> add(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("(body)", "the body must be a JSON object");
        }
        String operation = requiredText(body, "operation");
        if (!OPERATION.matcher(operation).matches()) {
            throw bad("operation",
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
                throw bad(name, "unknown field");
            }
        }
        FaultRule rule = faults.add(operation, target, template, errorCode, errorName, message, action, httpStatus,
                atStep, times);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(rule));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(@PathVariable("id") UUID id) {
        if (!faults.remove(id)) {
            throw ControlPlaneRefusal.notFound("ResourceNotFound", "id", "No fault rule with id " + id);
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
        throw bad("times", "must be \"once\", \"always\" or a positive integer");
    }

    private static String requiredText(JsonNode body, String field) {
        String text = optionalText(body, field);
        if (text == null || text.isBlank()) {
            throw bad(field, "is required");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw bad(field, "must be a string");
        }
        if (node.asText().length() > 4000) {
            throw bad(field, "must be at most 4000 characters");
        }
        return node.asText();
    }

    private static int requiredInt(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw bad(field, "is required");
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw bad(field, "must be an integer from " + min + " to " + max);
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
            throw bad(field, "must be a GUID");
        }
    }

    /** The message starts with the field's name, e.g. "times must be \"once\", …". */
    private static ControlPlaneRefusal bad(String field, String message) {
        return ControlPlaneRefusal.badRequest(field, field + " " + message);
    }
}
