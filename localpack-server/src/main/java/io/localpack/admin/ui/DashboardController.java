package io.localpack.admin.ui;

import io.localpack.admin.InfoController;
import io.localpack.admin.httpfaults.HttpFaultController;
import io.localpack.admin.journal.JournalEntry;
import io.localpack.admin.journal.RequestJournal;
import io.localpack.asm.domain.CloudServices;
import io.localpack.asm.web.AsmRenderer;
import io.localpack.fixtures.StateControl;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobService;
import io.localpack.jobs.faults.FaultRuleController;
import io.localpack.jobs.timing.TimingController;
import io.localpack.tenancy.Subscription;
import io.localpack.web.ControlPlane;
import io.localpack.web.ControlPlaneRefusal;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * The dashboard's page and what it reads: {@code /_localpack/ui/} (one HTML page, its ES module and style sheet
 * under {@code assets/}) and the JSON under {@code /_localpack/ui/api/}: the overview, subscriptions, resource
 * lists and pages, jobs, the journal and the event stream. Writes are in {@link DashboardActions}.
 */
@RestController
@ControlPlane
class DashboardController {

    private static final Pattern STATUS = Pattern.compile("([1-5])xx|([1-5]\\d\\d)", Pattern.CASE_INSENSITIVE);
    private static final int JOURNAL_PAGE = 200;

    private final ResourceKinds kinds;
    private final DashboardEvents events;
    private final RequestJournal journal;
    private final JobService jobs;
    private final VmmCalls vmm;
    private final CloudServices cloudServices;
    private final AsmRenderer asm;
    private final InfoController info;
    private final TimingController timing;
    private final FaultRuleController jobFaults;
    private final HttpFaultController httpFaults;
    private final StateControl state;
    private final JdbcTemplate jdbc;
    private final JobWatcher jobWatcher;
    private final TransactionTemplate readOnly;
    private final SimpleJpaRepository<Subscription, UUID> subscriptions;

    DashboardController(ResourceKinds kinds, DashboardEvents events, RequestJournal journal, JobService jobs,
                        VmmCalls vmm, CloudServices cloudServices, AsmRenderer asm, InfoController info,
                        TimingController timing, FaultRuleController jobFaults, HttpFaultController httpFaults,
                        StateControl state, JdbcTemplate jdbc, JobWatcher jobWatcher, PlatformTransactionManager transactions,
                        EntityManager entityManager) {
        this.kinds = kinds;
        this.events = events;
        this.journal = journal;
        this.jobs = jobs;
        this.vmm = vmm;
        this.cloudServices = cloudServices;
        this.asm = asm;
        this.info = info;
        this.timing = timing;
        this.jobFaults = jobFaults;
        this.httpFaults = httpFaults;
        this.state = state;
        this.jdbc = jdbc;
        this.jobWatcher = jobWatcher;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.subscriptions = new SimpleJpaRepository<>(Subscription.class, entityManager);
    }

    // ---- the page -------------------------------------------------------------------------------------------

    @GetMapping("/_localpack/ui")
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(302).header("Location", "/_localpack/ui/").build();
    }

    /** The page, with this request's CSRF token for the state-changing requests its script sends. */
    @GetMapping(path = "/_localpack/ui/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(CsrfToken csrf) throws IOException {
        String html = new ClassPathResource("dashboard/index.html").getContentAsString(StandardCharsets.UTF_8)
                .replace("{{csrfHeader}}", HtmlUtils.htmlEscape(csrf.getHeaderName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(html);
    }

    // ---- overview -------------------------------------------------------------------------------------------

    @GetMapping(path = "/_localpack/ui/api/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> overview() throws SQLException {
        Map<String, Object> about = info.info();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", about.get("version"));
        view.put("authMode", about.get("authMode"));
        view.put("database", about.get("database"));
        view.put("instancesRunningJobs", jdbc.queryForObject(
                "SELECT COUNT(DISTINCT lease_owner) FROM jobs WHERE status = 'Running'", Integer.class));
        view.put("fixtureSetsLoaded", about.get("fixtureSetsLoaded"));
        view.put("fixtureSets", state.sets().stream().map(s -> s.name()).toList());
        view.put("timing", timing.list().get("kinds"));
        view.put("durationFactor", ((Map<?, ?>) about.get("jobs")).get("durationFactor"));
        view.put("jobFaults", jobFaults.list());
        view.put("httpFaults", httpFaults.list());
        view.put("uptime", Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).withNanos(0).toString());
        view.put("entities", about.get("entities"));
        view.put("rates", events.history().samples());
        view.put("pagesOpen", events.listeners());
        return view;
    }

    // ---- subscriptions and resources ------------------------------------------------------------------------

    @GetMapping(path = "/_localpack/ui/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> subscriptions(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) String page) {
        int number = page(page);
        Specification<Subscription> spec = (root, query, cb) -> q == null || q.isBlank() ? cb.conjunction()
                : cb.like(cb.lower(root.get("name")), new ResourceQuery(null, q, null, 0, 1).likePattern(), '\\');
        Slice<Subscription> slice = readOnly.execute(s -> subscriptions.findBy(spec,
                f -> f.slice(PageRequest.of(number, 50, Sort.by("id")))));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Subscription sub : slice) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", sub.getId());
            row.put("name", sub.getName());
            row.put("accountAdmin", sub.getAccountAdmin());
            rows.add(row);
        }
        return Map.of("page", number, "hasNext", slice.hasNext(), "rows", rows);
    }

    @GetMapping(path = "/_localpack/ui/api/kinds", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> kinds() {
        return kinds.all().stream().map(k -> Map.<String, Object>of("key", k.key(), "title", k.title(),
                "api", k.api(), "columns", k.columns())).toList();
    }

    @GetMapping(path = "/_localpack/ui/api/resources/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@PathVariable String kind, @RequestParam(required = false) UUID subscription,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String state,
                             @RequestParam(required = false) String page,
                             @RequestParam(required = false) String size) {
        ResourceKind resources = kinds.get(kind);
        int number = page(page);
        int rows = size == null ? 50 : parse("size", size, 1, ResourceQuery.MAX_SIZE);
        ResourceQuery query = new ResourceQuery(subscription, q, state, number, rows);
        Slice<ResourceRow> slice = readOnly.execute(s -> resources.list(query));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", resources.key());
        view.put("title", resources.title());
        view.put("columns", resources.columns());
        view.put("page", number);
        view.put("hasNext", slice.hasNext());
        view.put("rows", slice.getContent());
        return view;
    }

    @GetMapping(path = "/_localpack/ui/api/resources/{kind}/{subscription}/{id}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResourceDetail resource(@PathVariable String kind, @PathVariable UUID subscription, @PathVariable String id,
                            HttpServletRequest request, HttpServletResponse response) {
        ResourceKind resources = kinds.get(kind);
        ResourceDetail.Builder page = readOnly.execute(s -> resources.find(subscription, id)).orElseThrow(() ->
                ControlPlaneRefusal.notFound("ResourceNotFound", "id",
                        "No " + resources.title() + " '" + id + "' in subscription " + subscription));
        if (page.vmmEntity() != null) {
            var entity = page.vmmEntity();
            VmmCalls.Answer answer = vmm.read(request, response, subscription, entity.set(), entity.id(),
                    entity.stampId());
            page.representation(new ResourceDetail.Representation("GET /" + subscription
                    + "/services/systemcenter/vmm/" + VmmCalls.keyPath(entity.set(), entity.id(), entity.stampId())
                    + " (OData V4)", answer.status(), answer.contentType(), answer.body()));
        } else if (page.representer() != null) {
            page.representation(page.representer().read(request, response));
        } else if ("ASM".equals(resources.api())) {
            String xml = readOnly.execute(s -> asm.hostedService(subscription,
                    cloudServices.get(subscription, id, true), true));
            page.representation(new ResourceDetail.Representation("GET /" + subscription
                    + "/services/hostedservices/" + id + "?embed-detail=true", 200, "application/xml", xml));
        }
        return page.build();
    }

    /** The resource's jobs, newest first. */
    @GetMapping(path = "/_localpack/ui/api/resources/{kind}/{subscription}/{id}/jobs",
            produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> resourceJobs(@PathVariable String kind, @PathVariable UUID subscription,
                                           @PathVariable String id) {
        ResourceKind resources = kinds.get(kind);
        ResourceDetail detail = readOnly.execute(s -> resources.find(subscription, id)).orElseThrow(() ->
                ControlPlaneRefusal.notFound("ResourceNotFound", "id", "No such resource")).build();
        List<Job> found = new ArrayList<>();
        for (UUID target : detail.jobTargets()) {
            found.addAll(jobs.findByTarget(subscription, target));
        }
        found.sort(Comparator.comparing(Job::createdTime).reversed());
        return found.stream().limit(100).map(DashboardController::job).toList();
    }

    /** The journal requests that touched the resource (their path names it), newest first. */
    @GetMapping(path = "/_localpack/ui/api/resources/{kind}/{subscription}/{id}/requests",
            produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> resourceRequests(@PathVariable String kind, @PathVariable UUID subscription,
                                               @PathVariable String id) {
        ResourceKind resources = kinds.get(kind);
        ResourceDetail detail = readOnly.execute(s -> resources.find(subscription, id)).orElseThrow(() ->
                ControlPlaneRefusal.notFound("ResourceNotFound", "id", "No such resource")).build();
        List<JournalEntry> found = new ArrayList<>();
        for (String key : detail.journalPathKeys()) {
            for (JournalEntry e : journal.find(new RequestJournal.Query(subscription.toString(), null, null, null,
                    null, null, null, 1000))) {
                String where = e.path() + "?" + e.query();
                if (where.toLowerCase(Locale.ROOT).contains(key.toLowerCase(Locale.ROOT))
                        && found.stream().noneMatch(f -> f.sequence() == e.sequence())) {
                    found.add(e);
                }
            }
        }
        found.sort(Comparator.comparingLong(JournalEntry::sequence).reversed());
        return found.stream().limit(JOURNAL_PAGE).map(JournalView::summary).toList();
    }

    // ---- jobs, journal, events ------------------------------------------------------------------------------

    /** Unfinished jobs of every subscription, newest first (the overview's "running now"). */
    @GetMapping(path = "/_localpack/ui/api/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<JobWatcher.JobState> runningJobs() {
        return jobWatcher.unfinished(100);
    }

    @GetMapping(path = "/_localpack/ui/api/journal", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> journal(@RequestParam(required = false) String api,
                                @RequestParam(required = false) String subscription,
                                @RequestParam(required = false) String method,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String path) {
        Integer exact = null;
        Integer statusClass = null;
        if (status != null && !status.isBlank()) {
            Matcher m = STATUS.matcher(status.trim());
            if (!m.matches()) {
                throw ControlPlaneRefusal.badRequest("status",
                        "status must be a code such as 404 or a class such as 4xx, not '" + status + "'");
            }
            exact = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            statusClass = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        }
        String wantedApi = blank(api) ? null : api.trim().toUpperCase(Locale.ROOT);
        List<Map<String, Object>> rows = journal.find(new RequestJournal.Query(blank(subscription) ? null
                        : subscription.trim(), blank(path) ? null : path.trim(), blank(method) ? null : method.trim(),
                        exact, statusClass, null, null, Integer.MAX_VALUE)).stream()
                .filter(e -> wantedApi == null || wantedApi.equals(JournalView.apiOf(e.path())))
                .limit(JOURNAL_PAGE).map(JournalView::summary).toList();
        return Map.of("capacity", journal.capacity(), "size", journal.size(), "entries", rows);
    }

    @GetMapping(path = "/_localpack/ui/api/journal/{sequence}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> journalEntry(@PathVariable long sequence) {
        return journal.get(sequence).map(JournalView::full).orElseThrow(() -> ControlPlaneRefusal.notFound(
                "EntryNotFound", "sequence", "The journal holds no entry " + sequence + " (any more)"));
    }

    @GetMapping(path = "/_localpack/ui/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() throws IOException {
        return events.open();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Map<String, Object> job(Job j) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", j.id());
        view.put("subscription", j.subscriptionId());
        view.put("kind", j.kind());
        view.put("name", j.name());
        view.put("status", j.status().name());
        view.put("progress", j.progressValue());
        view.put("step", j.currentStep());
        view.put("target", j.targetObjectId());
        view.put("targetType", j.targetObjectType());
        view.put("targetName", j.targetObjectName());
        view.put("created", j.createdTime() == null ? null : j.createdTime().toString());
        view.put("ended", j.endTime() == null ? null : j.endTime().toString());
        if (j.error() != null) {
            view.put("errorCode", j.error().code());
            view.put("errorName", j.error().name());
            view.put("errorMessage", j.error().problem());
            view.put("recommendedAction", j.error().recommendedAction());
        }
        return view;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int page(String page) {
        return page == null ? 0 : parse("page", page, 0, 1_000_000);
    }

    private static int parse(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ControlPlaneRefusal.badRequest(field, field + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }
}
