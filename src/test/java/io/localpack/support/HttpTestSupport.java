package io.localpack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that drive LocalPack over real HTTP: one server per test run, the bundled fixtures, and a
 * plain JDK HTTP client (it can send MERGE and any header a real SPF client sends).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:localpack-test.properties")
public abstract class HttpTestSupport {

    public static final String FABRIKAM = "86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";
    public static final String CONTOSO = "2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21";
    public static final String WEST_STAMP = "56ebc6dc-f63c-46e2-8438-2967e0ad83bc";
    public static final String EAST_STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
    public static final String GATEWAY_SERVICE = "8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3";
    public static final String WEB_STORE_SERVICE = "16a3df7e-55a6-4edd-b34f-15c712d32b8b";
    public static final String FABRIKAM_CLOUD = "d1f15abc-672d-464b-b3bc-376d2087bb8e";
    public static final String FABRIKAM_EAST_CLOUD = "3a9e6c52-8f1b-4d7e-b0a4-5c2d9e1f7a30";
    public static final String CONTOSO_CLOUD = "7c4b2e19-6d3a-4f85-9e21-b8a0c3d4e5f6";
    public static final String GATEWAY_TEMPLATE_1 = "20a730c8-228a-4d6a-9a8f-6506b21236a9";
    public static final String GATEWAY_TEMPLATE_2 = "4b1e8f2a-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
    public static final String WEBSITE_TEMPLATE_2 = "9ca89b67-bc28-49f4-8b95-b2d4c4063cfe";
    public static final String WEB_FARM_TEMPLATE = "6f2d4b8e-1a3c-4e5f-9b7d-0c2e4a6f8b1d";

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(encoded))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        List<String> all = new ArrayList<>(List.of(headers));
        if (body != null && all.stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            all.add("Content-Type");
            all.add("application/json");
        }
        for (int i = 0; i < all.size(); i += 2) {
            builder.header(all.get(i), all.get(i + 1));
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
