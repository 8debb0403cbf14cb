package io.localpack.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running LocalPack as a test sees it: where its APIs answer, a token per tenant, and its control plane
 * ({@code /_localpack/}: reset, snapshots, fault rules, timing modes, the request journal). The JUnit 5 extension and
 * the Testcontainers module both hand one out; it only speaks HTTP, so it works the same against either.
 */
public class LocalPackClient {

    /** Two tenants' subscriptions in the bundled fixtures (README "Fixtures"). */
    public static final String FABRIKAM_DEV = "86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";
    public static final String CONTOSO_TEST = "2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String adminAuthorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Snapshots by name: the SQL script {@code GET /_localpack/snapshot} returns, kept by the test's JVM. */
    private final Map<String, String> snapshots = new ConcurrentHashMap<>();
    private final Set<String> timedKinds = ConcurrentHashMap.newKeySet();

    /**
     * @param baseUrl       for example {@code http://localhost:30005/}
     * @param adminUser     the control plane's user, or null when LocalPack runs with {@code localpack.auth.mode=none}
     * @param adminPassword its password (null with a null user)
     */
    public LocalPackClient(URI baseUrl, String adminUser, String adminPassword) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.adminAuthorization = adminUser == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** The server's root, ending in a slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** A tenant's VMM OData service: {@code …/{subscriptionId}/services/systemcenter/vmm/}. */
    public URI tenantEndpoint(String subscriptionId) {
        return baseUrl.resolve(subscriptionId + "/services/systemcenter/vmm/");
    }

    /** The Service Management (ASM) endpoint; requests go to {@code {asmEndpoint}{subscriptionId}/services/…}. */
    public URI asmEndpoint() {
        return baseUrl;
    }

    /** A bearer token for a user of this subscription (minted by {@code POST /_localpack/tokens}). */
    public String bearerToken(String subscriptionId) {
        ObjectNode body = JSON.createObjectNode().put("user", "tenant-" + subscriptionId + "@localpack.test");
        body.putArray("subscriptions").add(subscriptionId);
        return send("POST", "tokens", body.toString()).path("token").asText();
    }

    /**
     * A clean emulator, as a test wants it: the database back to its fixtures ({@code POST /_localpack/reset}: state,
     * jobs and job fault rules), HTTP fault rules removed, the timing modes set through this client undone, and the
     * journal emptied. Answers the reset's own report.
     */
    public JsonNode reset() {
        JsonNode report = send("POST", "reset", null);
        send("DELETE", "http-faults", null);
        timing().clearAll();
        journal().clear();
        return report;
    }

    /** One subscription back to its fixtures; the others are left as they are. */
    public JsonNode reset(String subscriptionId) {
        return send("POST", "reset/" + subscriptionId, null);
    }

    /** Takes the whole state now, under a name {@link #restore(String)} takes it back from. */
    public void snapshot(String name) {
        snapshots.put(name, sendRaw("GET", "snapshot", null, null));
    }

    public JsonNode restore(String name) {
        String sql = snapshots.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("no snapshot named '" + name + "' was taken by this client");
        }
        return parse(sendRaw("POST", "restore", sql, "application/sql"));
    }

    /** Information about the server: version, database, auth mode, fixtures, timings and entity counts. */
    public JsonNode info() {
        return send("GET", "info", null);
    }

    public Faults faults() {
        return new Faults();
    }

    public Timing timing() {
        return new Timing();
    }

    public Journal journal() {
        return new Journal();
    }

    /** Job fault rules ({@code /_localpack/faults}): the next matching job fails with the rule's error. */
    public final class Faults {
        /** Adds a rule, e.g. {@code {"operation":"vmm.service.stop","errorCode":20413}}; answers the rule with its id. */
        public JsonNode add(String ruleJson) {
            return send("POST", "faults", ruleJson);
        }

        public JsonNode list() {
            return send("GET", "faults", null);
        }

        public void remove(String id) {
            send("DELETE", "faults/" + id, null);
        }

        public void clear() {
            send("DELETE", "faults", null);
        }
    }

    /** Timing modes per job kind ({@code /_localpack/timing}), e.g. {@code {"mode":"polls","polls":3}}. */
    public final class Timing {
        public JsonNode set(String kind, String timingJson) {
            JsonNode answer = send("PUT", "timing/" + kind, timingJson);
            timedKinds.add(kind);
            return answer;
        }

        public JsonNode get(String kind) {
            return send("GET", "timing/" + kind, null);
        }

        public void clear(String kind) {
            send("DELETE", "timing/" + kind, null);
            timedKinds.remove(kind);
        }

        /** Undoes every timing mode set through this client. */
        public void clearAll() {
            for (String kind : List.copyOf(timedKinds)) {
                clear(kind);
            }
        }
    }

    /** The request journal ({@code /_localpack/journal}), newest first. */
    public final class Journal {
        public List<JournalEntry> entries() {
            return find(Map.of());
        }

        /** Filters as the control plane takes them: subscription, path, method, status (404 or 4xx), since, limit. */
        public List<JournalEntry> find(Map<String, String> filters) {
            StringBuilder query = new StringBuilder();
            filters.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            List<JournalEntry> entries = new ArrayList<>();
            for (JsonNode e : send("GET", "journal" + query, null).path("entries")) {
                entries.add(JournalEntry.of(e));
            }
            return entries;
        }

        public void clear() {
            send("DELETE", "journal", null);
        }
    }

    private JsonNode send(String method, String controlPath, String json) {
        return parse(sendRaw(method, controlPath, json, "application/json"));
    }

    private String sendRaw(String method, String controlPath, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("_localpack/" + controlPath))
                .timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (adminAuthorization != null) {
            request.header("Authorization", adminAuthorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new LocalPackException(method + " /_localpack/" + controlPath + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new LocalPackException(method + " /_localpack/" + controlPath + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPackException(method + " /_localpack/" + controlPath + " was interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new LocalPackException("not JSON: " + body, e);
        }
    }
}
