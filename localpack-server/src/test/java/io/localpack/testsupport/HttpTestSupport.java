package io.localpack.testsupport;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the tests that drive the VMM OData service over real HTTP: the shared server of
 * {@link LocalPackServerTest}, the bundled fixtures ({@link Fixtures}) and {@link TestHttp}'s plain client with the
 * headers an OData client sends.
 */
@LocalPackServerTest
public abstract class HttpTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected String base;

    @BeforeEach
    void setBase() {
        base = "http://localhost:" + port;
    }

    /** A query-string value, percent-encoded the way OData clients send it (space as %20, not +). */
    protected static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The VMM service root of a subscription. */
    protected String vmm(String subscription) {
        return base + "/" + subscription + "/services/systemcenter/vmm";
    }

    protected static String serviceKey(String id, String stamp) {
        return "Services(ID=guid'" + id + "',StampId=guid'" + stamp + "')";
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Headers that name an OData version. */
    private static final List<String> VERSION_HEADERS = List.of("OData-Version", "OData-MaxVersion",
            "DataServiceVersion", "MaxDataServiceVersion");

    /**
     * Sends as a V4 client ({@code OData-MaxVersion: 4.0}) unless the headers name a version themselves: most tests
     * check Olingo's V4 answers, while LocalPack answers V3 to a request naming no version. Use {@link #v3} for a V3
     * client and {@link #sendNamingNoVersion} for the default dialect.
     */
    protected Response send(String method, String url, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        boolean versionNamed = false;
        for (int i = 0; i < all.size(); i += 2) {
            String name = all.get(i);
            versionNamed |= VERSION_HEADERS.stream().anyMatch(name::equalsIgnoreCase);
        }
        if (!versionNamed) {
            all.add("OData-MaxVersion");
            all.add("4.0");
        }
        return sendNamingNoVersion(method, url, body, all.toArray(String[]::new));
    }

    /** The headers a WCF Data Services 5.x (OData V3) client sends, followed by the given ones. */
    protected static String[] v3(String... headers) {
        List<String> all = new ArrayList<>(List.of("DataServiceVersion", "3.0;NetFx", "MaxDataServiceVersion",
                "3.0;NetFx"));
        all.addAll(List.of(headers));
        return all.toArray(String[]::new);
    }

    /** Sends exactly the given headers (and a JSON Content-Type for a body): no version header unless given. */
    protected Response sendNamingNoVersion(String method, String url, String body, String... headers) {
        // What a client's URL encoder does with characters java.net.URI refuses raw.
        String encoded = url.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D");
        List<String> all = new ArrayList<>(List.of(headers));
        if (body != null && all.stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            all.add("Content-Type");
            all.add("application/json");
        }
        HttpResponse<String> response = TestHttp.send(method, encoded, body, all);
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    protected Response get(String url, String... headers) {
        return send("GET", url, null, headers);
    }

    /** Everything a tenant request could change, as sorted text rows: equal snapshots mean nothing changed. */
    protected List<String> databaseSnapshot() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("services", "service_settings", "service_granted_to", "service_custom_properties",
                "service_pending_settings", "clouds", "service_templates", "virtual_machines", "computer_tiers")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }

    /** A new service in the Fabrikam subscription, so tests that change or delete do not disturb the fixtures. */
    protected String createGateway(String name) {
        Response created = send("POST", vmm(FABRIKAM) + "/Services", """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"%s",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"net-ext"},{"Name":"Infrastructure","Value":"net-infra"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1, name), "Accept", "application/json");
        if (created.status() != 201) {
            throw new IllegalStateException("create failed: " + created.status() + " " + created.body());
        }
        return created.json().get("ID").asText();
    }

    /**
     * Polls a job of the Fabrikam subscription (where the tests create their services) as azure-powershell does
     * ({@code Jobs?$filter=ID eq guid'…'}) until IsCompleted, backing off between reads; returns the job as JSON.
     */
    protected JsonNode awaitJob(String jobId) {
        return Await.until("VMM job " + jobId + " to complete",
                () -> get(vmm(FABRIKAM) + "/Jobs?$filter=ID eq guid'" + jobId + "'", "Accept", "application/json")
                        .json().get("value"),
                jobs -> jobs.size() == 1 && jobs.get(0).get("IsCompleted").asBoolean()).get(0);
    }
}
