package io.localpack.admin.journal;

import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /_localpack/journal}: what clients sent to the emulated APIs and what they got (docs/control-plane.md).
 * Filters: {@code subscription}, {@code path} (a substring of the path), {@code method}, {@code status} (a code
 * such as 404 or a class such as 4xx), {@code since} and {@code until} (ISO-8601 times), {@code limit}.
 */
@RestController
@ControlPlane
@Tag(name = "Journal", description = "Requests clients sent to the emulated APIs")
@RequestMapping(path = "/_localpack/journal", produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalController {

    private static final Pattern STATUS = Pattern.compile("([1-5])(?:xx|XX)|([1-5]\\d\\d)");
    private static final int MAX_LIMIT = 10_000;

    private final RequestJournal journal;

    JournalController(RequestJournal journal) {
        this.journal = journal;
    }

    @GetMapping
    @Operation(summary = "Recorded requests, newest first, filtered by subscription, path, method, status and time")
    public Map<String, Object> find(@RequestParam(required = false) String subscription,
                                    @RequestParam(required = false) String path,
                                    @RequestParam(required = false) String method,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String since,
                                    @RequestParam(required = false) String until,
                                    @RequestParam(required = false) String limit) {
        Integer exact = null;
        Integer statusClass = null;
        if (status != null) {
            Matcher m = STATUS.matcher(status);
            if (!m.matches()) {
                throw bad("status", "status must be a code such as 404 or a class such as 4xx, not '" + status + "'");
            }
            exact = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            statusClass = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        }
        RequestJournal.Query query = new RequestJournal.Query(subscription, path, method, exact, statusClass,
                time("since", since), time("until", until), limit(limit));
        List<JournalEntry> entries = journal.find(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("capacity", journal.capacity());
        answer.put("size", journal.size());
        answer.put("entries", entries);
        return answer;
    }

    @DeleteMapping
    @Operation(summary = "Empty the journal")
    public Map<String, Object> clear() {
        return Map.of("removed", journal.clear());
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name, name + " must be an ISO-8601 time with offset such as 2026-11-23T10:15:30Z, not '" + value + "'");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
    }

    private static ControlPlaneRefusal bad(String field, String message) {
        return ControlPlaneRefusal.badRequest(field, message);
    }
}
