package io.localpack.jobs.timing;

import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.jobs.JobService;
import io.localpack.jobs.JobTiming;
import io.localpack.jobs.JobTimings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /_localpack/timing}: how long each kind of job takes, changed at run time (docs/control-plane.md).
 * {@code {"mode":"immediate"}}, {@code {"mode":"duration","duration":"PT20S"}} or {@code {"mode":"polls","polls":3}}.
 */
@RestController
@ControlPlane
@Tag(name = "Timing", description = "How long each kind of job takes, changed at run time")
@RequestMapping(path = "/_localpack/timing", produces = MediaType.APPLICATION_JSON_VALUE)
public class TimingController {

    private static final Set<String> FIELDS = Set.of("mode", "duration", "polls");
    private static final int MAX_POLLS = 1000;

    private final JobTimings timings;
    private final JobService jobs;

    TimingController(JobTimings timings, JobService jobs) {
        this.timings = timings;
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "Timing of every job kind")
    public Map<String, Object> list() {
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (String kind : jobs.kinds()) {
            kinds.put(kind, view(kind));
        }
        return Map.of("kinds", kinds);
    }

    @GetMapping("/{kind}")
    @Operation(summary = "Timing of one job kind")
    public Map<String, Object> get(@PathVariable String kind) {
        return view(known(kind));
    }

    @PutMapping("/{kind}")
    @Operation(summary = "Set the timing of a job kind: immediate, duration or polls")
    public Map<String, Object> set(@PathVariable String kind, @RequestBody(required = false) JsonNode body) {
        known(kind);
        timings.set(kind, parse(body));
        return view(kind);
    }

    @DeleteMapping("/{kind}")
    @Operation(summary = "Back to the configured timing")
    public ResponseEntity<Void> reset(@PathVariable String kind) {
        timings.clear(known(kind));
        return ResponseEntity.noContent().build();
    }

    private String known(String kind) {
        if (!jobs.kinds().contains(kind)) {
            throw ControlPlaneRefusal.notFound("UnknownJobKind", "kind",
                    "No job kind '" + kind + "'; known kinds: " + jobs.kinds());
        }
        return kind;
    }

    private Map<String, Object> view(String kind) {
        JobTiming timing = timings.of(kind);
        Map<String, Object> m = new LinkedHashMap<>();
        if (timing instanceof JobTiming.Immediate) {
            m.put("mode", "immediate");
        } else if (timing instanceof JobTiming.After after) {
            m.put("mode", "duration");
            m.put("duration", after.duration().toString());
        } else if (timing instanceof JobTiming.Polls polls) {
            m.put("mode", "polls");
            m.put("polls", polls.polls());
        }
        m.put("source", timings.override(kind).isPresent() ? "override" : "configuration");
        return m;
    }

    private static JobTiming parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("(body)", "the body must be a JSON object such as {\"mode\":\"polls\",\"polls\":3}");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw bad(name, "unknown member '" + name + "'; expected " + FIELDS);
            }
        });
        String mode = body.path("mode").asText("");
        return switch (mode) {
            case "immediate" -> new JobTiming.Immediate();
            case "duration" -> new JobTiming.After(duration(body.path("duration")));
            case "polls" -> {
                JsonNode polls = body.path("polls");
                if (!polls.canConvertToInt() || !polls.isIntegralNumber() || polls.asInt() < 1
                        || polls.asInt() > MAX_POLLS) {
                    throw bad("polls", "polls must be a whole number from 1 to " + MAX_POLLS);
                }
                yield new JobTiming.Polls(polls.asInt());
            }
            default -> throw bad("mode", "mode must be immediate, duration or polls, not '" + mode + "'");
        };
    }

    private static Duration duration(JsonNode value) {
        if (!value.isTextual()) {
            throw bad("duration", "duration must be a string such as \"PT20S\" or \"20s\"");
        }
        Duration d;
        try {
            d = DurationStyle.detectAndParse(value.asText());
        } catch (IllegalArgumentException e) {
            throw bad("duration", "duration '" + value.asText() + "' is not a duration such as \"PT20S\" or \"20s\"");
        }
        if (d.isNegative() || d.compareTo(Duration.ofHours(24)) > 0) {
            throw bad("duration", "duration must be between 0 and 24 hours");
        }
        return d;
    }

    private static ControlPlaneRefusal bad(String field, String message) {
        return ControlPlaneRefusal.badRequest(field, message);
    }
}
