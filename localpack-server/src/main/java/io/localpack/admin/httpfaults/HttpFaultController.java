package io.localpack.admin.httpfaults;

import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * {@code /_localpack/http-faults}: rules that add latency, answer an error or drop the connection for matching
 * requests to the emulated APIs (docs/control-plane.md).
 */
@RestController
@ControlPlane
@Tag(name = "HTTP faults", description = "Latency, errors and dropped connections for matching requests")
@RequestMapping(path = "/_localpack/http-faults", produces = MediaType.APPLICATION_JSON_VALUE)
public class HttpFaultController {

    private static final Set<String> FIELDS = Set.of("method", "path", "subscription", "delayMs", "status",
            "errorCode", "message", "drop", "probability", "seed", "times");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "MERGE", "DELETE",
            "OPTIONS");
    private static final long MAX_DELAY_MS = 120_000;

    private final HttpFaultRules rules;

    HttpFaultController(HttpFaultRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "All HTTP fault rules")
    public List<Map<String, Object>> list() {
        return rules.list().stream().map(HttpFaultController::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One HTTP fault rule")
    public Map<String, Object> get(@PathVariable UUID id) {
        return rules.list().stream().filter(r -> r.id().equals(id)).findFirst().map(HttpFaultController::view)
                .orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @Operation(summary = "Add an HTTP fault rule")
    public ResponseEntity<Map<String, Object>> add(@RequestBody(required = false) JsonNode body) {
        HttpFaultRule rule = parse(body);
        rules.add(rule);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(rule));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove one rule")
    public ResponseEntity<Void> remove(@PathVariable UUID id) {
        if (!rules.remove(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Remove every rule")
    public Map<String, Object> clear() {
        return Map.of("removed", rules.clear());
    }

    private static HttpFaultRule parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("(body)", "the body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw bad(name, "unknown member '" + name + "'; expected some of " + FIELDS);
            }
        });
        String method = text(body, "method");
        if (method != null && !METHODS.contains(method.toUpperCase())) {
            throw bad("method", "method must be one of " + METHODS + " (or absent for every method)");
        }
        String path = text(body, "path");
        if (path == null || !path.startsWith("/") || path.startsWith("/_localpack")) {
            throw bad("path", "path is required: a pattern of the emulated APIs' paths starting with /, where * matches "
                    + "anything (e.g. /*/services/systemcenter/vmm/Services*)");
        }
        UUID subscription = null;
        String sub = text(body, "subscription");
        if (sub != null) {
            try {
                subscription = UUID.fromString(sub);
            } catch (IllegalArgumentException e) {
                throw bad("subscription", "subscription must be a GUID, not '" + sub + "'");
            }
        }
        long delay = whole(body, "delayMs", 0, MAX_DELAY_MS, 0);
        boolean drop = body.has("drop") && bool(body, "drop");
        Integer status = body.has("status") ? (int) whole(body, "status", 400, 599, 0) : null;
        if (drop && status != null) {
            throw bad("drop", "a rule either answers a status or drops the connection, not both");
        }
        if (!drop && status == null && delay == 0) {
            throw bad("(body)", "a rule needs an effect: delayMs, status or drop");
        }
        if (status == null && (body.has("errorCode") || body.has("message"))) {
            throw bad(body.has("errorCode") ? "errorCode" : "message", "errorCode and message go with status");
        }
        double probability = 1.0;
        if (body.has("probability")) {
            JsonNode p = body.get("probability");
            if (!p.isNumber() || p.asDouble() < 0 || p.asDouble() > 1) {
                throw bad("probability", "probability must be a number from 0 to 1");
            }
            probability = p.asDouble();
        }
        long seed = body.has("seed") ? whole(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 0)
                : ThreadLocalRandom.current().nextLong();
        Integer times = body.has("times") ? (int) whole(body, "times", 1, Integer.MAX_VALUE, 0) : null;
        HttpFaultRule.Action action = drop ? HttpFaultRule.Action.DROP
                : status != null ? HttpFaultRule.Action.STATUS : HttpFaultRule.Action.LATENCY;
        return new HttpFaultRule(UUID.randomUUID(), method == null ? null : method.toUpperCase(), path, subscription,
                delay, action, status == null ? 0 : status, text(body, "errorCode"), text(body, "message"),
                probability, seed, times);
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(name, name + " must be a non-empty string");
        }
        return value.asText();
    }

    private static long whole(JsonNode body, String name, long min, long max, long absent) {
        JsonNode value = body.get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw bad(name, name + " must be a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (!value.isBoolean()) {
            throw bad(name, name + " must be true or false");
        }
        return value.asBoolean();
    }

    private static Map<String, Object> view(HttpFaultRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("method", r.method());
        m.put("path", r.path());
        m.put("subscription", r.subscription());
        m.put("delayMs", r.delayMillis());
        m.put("action", r.action().name().toLowerCase());
        if (r.action() == HttpFaultRule.Action.STATUS) {
            m.put("status", r.status());
            m.put("errorCode", r.errorCode());
            m.put("message", r.message());
        }
        m.put("probability", r.probability());
        m.put("seed", r.seed());
        m.put("times", r.remaining());
        m.put("fired", r.fired());
        return m;
    }

    private static ControlPlaneRefusal bad(String field, String message) {
        return ControlPlaneRefusal.badRequest(field, message);
    }

    private static ControlPlaneRefusal notFound(UUID id) {
        return ControlPlaneRefusal.notFound("ResourceNotFound", "id", "No HTTP fault rule with id " + id);
    }
}
