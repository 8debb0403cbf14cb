package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.Await;
import io.localpack.testsupport.Fixtures;
import io.localpack.testsupport.TestHttp;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Real HTTP against a running LocalPack with the bundled ASM fixture loaded fresh before each test. */
abstract class AsmTestSupport {

    // Short names for the ASM tests; the values live in Fixtures.
    static final String FABRIKAM = Fixtures.FABRIKAM;
    static final String CONTOSO = Fixtures.CONTOSO;
    static final String SERVICE = Fixtures.ASM_SERVICE;
    static final String PRODUCTION = Fixtures.ASM_PRODUCTION_DEPLOYMENT;
    static final String STAGING = Fixtures.ASM_STAGING_DEPLOYMENT;
    static final String VERSION = "2015-04-01";
    /**
     * The ASM tests' own server, shared by those that use the test settings as they are: they reload the ASM fixture
     * before each test and leave it changed, which the other servers' tests must not see.
     */
    static final String ASM_CONTEXT = "localpack.test.context=asm";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void loadFixtures() throws Exception {
        // The lead's 10_vmm.sql creates these; insert them when it is not on this branch.
        ensureSubscription(FABRIKAM, "Fabrikam Dev", "tenant@fabrikam.com");
        ensureSubscription(CONTOSO, "Contoso Test", "tenant@contoso.com");
        jdbc.update("DELETE FROM job_fault_rules");
        jdbc.update("DELETE FROM asm_hosted_services");
        jdbc.update("DELETE FROM asm_requests"); // List Subscription Operations sees this test's requests only
        jdbc.update("DELETE FROM asm_read_requests");
        try (var connection = jdbc.getDataSource().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/fixtures/20_asm.sql"));
        }
    }

    private void ensureSubscription(String id, String name, String admin) {
        jdbc.update("INSERT INTO subscriptions (id, name, account_admin) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM subscriptions WHERE id = ?)", UUID.fromString(id), name, admin, UUID.fromString(id));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of(headers));
        if (!h.contains("x-ms-version") && !h.contains("-no-version")) {
            h.add("x-ms-version");
            h.add(VERSION);
        }
        h.remove("-no-version");
        if (body != null) {
            h.add("Content-Type");
            h.add("application/xml");
        }
        HttpResponse<String> response = TestHttp.send(method, url(path), body, h);
        assertThat(response.headers().firstValue("x-ms-request-id")).as("x-ms-request-id on %s %s", method, path)
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        return response;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    static Element xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(body))).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/windowsazure");
        return root;
    }

    /** Text at a path of local names below root, e.g. "HostedServiceProperties/Status"; null when absent. */
    static String text(Element root, String path) {
        Element e = element(root, path);
        return e == null ? null : e.getTextContent();
    }

    static Element element(Element root, String path) {
        Element current = root;
        for (String name : path.split("/")) {
            current = children(current, name).stream().findFirst().orElse(null);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    /** Asserts an ASM error response and returns its message. */
    static String assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        Element error = xml(response.body());
        assertThat(error.getLocalName()).isEqualTo("Error");
        assertThat(text(error, "Code")).isEqualTo(code);
        assertThat(text(error, "Message")).isNotBlank();
        return text(error, "Message");
    }

    String operationStatus(String requestId) throws Exception {
        return text(xml(get("/" + FABRIKAM + "/operations/" + requestId).body()), "Status");
    }

    /** Polls Get Operation Status until it is no longer InProgress; returns the Operation element. */
    Element awaitOperation(String subscription, String requestId) {
        return Await.until("operation " + requestId + " to finish", () -> {
            HttpResponse<String> r = get("/" + subscription + "/operations/" + requestId);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return xml(r.body());
        }, operation -> !"InProgress".equals(text(operation, "Status")));
    }

    static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-ms-request-id").orElseThrow();
    }

    static String statusBody(String status) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><UpdateDeploymentStatus "
                + "xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>" + status
                + "</Status></UpdateDeploymentStatus>";
    }

    int jobCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class);
    }

    String deploymentStatus(String name) {
        return jdbc.queryForObject("SELECT status FROM asm_deployments WHERE name = ?", String.class, name);
    }
}
