package io.localpack.tenancy.auth;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Mode certificate: LocalPack serves HTTPS with a generated self-signed certificate and accepts callers by the
 * thumbprint of their client certificate, registered per subscription through the admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:localpack-test.properties", properties = {
        "localpack.auth.mode=certificate",
        "localpack.auth.admin-password=" + CertificateModeTest.ADMIN_PASSWORD,
        "localpack.https.generated-key-store=target/test-https/localpack-https.p12"})
class CertificateModeTest {

    static final String ADMIN_PASSWORD = "cert-mode-admin";
    /** Key store of the client certificate db/fixtures/30_management_certificates.sql registers for Fabrikam. */
    private static final char[] FIXTURE_CLIENT_PASSWORD = "localpack-test".toCharArray();

    static SelfSignedCertificates.Issued fabrikamClient;
    static SelfSignedCertificates.Issued strangerClient;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void clientCertificates() throws Exception {
        fabrikamClient = SelfSignedCertificates.issue("fabrikam-automation", Duration.ofDays(1));
        strangerClient = SelfSignedCertificates.issue("stranger", Duration.ofDays(1));
    }

    @Test
    void aRegisteredClientCertificateOpensItsSubscriptionOnly() throws Exception {
        register(FABRIKAM, fabrikamClient.certificate());
        HttpClient fabrikam = client(fabrikamClient);

        assertThat(get(fabrikam, "/" + FABRIKAM + "/services/systemcenter/vmm/Clouds").statusCode()).isEqualTo(200);
        assertThat(get(fabrikam, "/" + FABRIKAM + "/services/hostedservices").statusCode()).isEqualTo(200);

        HttpResponse<String> other = get(fabrikam, "/" + CONTOSO + "/services/systemcenter/vmm/Clouds");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Forbidden").doesNotContain("Contoso Cloud");
        HttpResponse<String> otherAsm = get(fabrikam, "/" + CONTOSO + "/services/hostedservices");
        assertThat(otherAsm.statusCode()).isEqualTo(403);
        assertThat(otherAsm.body()).contains("<Code>AuthenticationFailed</Code>");
    }

    @Test
    void theFixtureCertificateOpensFabrikamWithoutRegistration() throws Exception {
        KeyStore fixtureClient = KeyStore.getInstance("PKCS12");
        try (var in = getClass().getResourceAsStream("/certificates/fabrikam-client.p12")) {
            fixtureClient.load(in, FIXTURE_CLIENT_PASSWORD);
        }
        HttpClient fabrikam = client(fixtureClient, FIXTURE_CLIENT_PASSWORD);

        assertThat(get(fabrikam, "/" + FABRIKAM + "/services/systemcenter/vmm/Clouds").statusCode()).isEqualTo(200);
        HttpResponse<String> other = get(fabrikam, "/" + CONTOSO + "/services/hostedservices");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("<Code>AuthenticationFailed</Code>");
        assertThat(send(client(null), "GET", "/_localpack/certificates", null, true).body())
                .contains("2F57937917D53734EB9EEDB689CA2C58F37D21E3");
    }

    @Test
    void anUnregisteredOrMissingCertificateIsRefusedInTheApisFormat() throws Exception {
        for (HttpClient client : new HttpClient[] {client(strangerClient), client(null)}) {
            HttpResponse<String> vmm = get(client, "/" + FABRIKAM + "/services/systemcenter/vmm/Services");
            assertThat(vmm.statusCode()).isEqualTo(401);
            assertThat(vmm.body()).contains("Unauthorized").doesNotContain("Network Gateway");
            HttpResponse<String> asm = get(client, "/" + FABRIKAM + "/services/hostedservices");
            assertThat(asm.statusCode()).isEqualTo(403);
            assertThat(asm.body()).contains("<Code>AuthenticationFailed</Code>").doesNotContain("fabrikam-web");
        }
    }

    @Test
    void certificatesAreManagedThroughTheAdminApi() throws Exception {
        HttpClient admin = client(null);
        String thumbprint = ManagementCertificates.thumbprint(strangerClient.certificate());
        HttpResponse<String> added = send(admin, "POST", "/_localpack/certificates",
                "{\"subscriptionId\":\"" + CONTOSO + "\",\"thumbprint\":\"" + thumbprint.toLowerCase() + "\"}", true);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(get(client(strangerClient), "/" + CONTOSO + "/services/systemcenter/vmm/Clouds").statusCode())
                .isEqualTo(200);
        assertThat(send(admin, "GET", "/_localpack/certificates", null, true).body()).contains(thumbprint);

        assertThat(send(admin, "DELETE", "/_localpack/certificates/" + CONTOSO + "/" + thumbprint, null, true)
                .statusCode()).isEqualTo(204);
        assertThat(get(client(strangerClient), "/" + CONTOSO + "/services/systemcenter/vmm/Clouds").statusCode())
                .isEqualTo(401);

        assertThat(send(admin, "POST", "/_localpack/certificates", "{\"subscriptionId\":\"" + CONTOSO
                + "\",\"thumbprint\":\"xyz\"}", true).statusCode()).isEqualTo(400);
        assertThat(send(admin, "POST", "/_localpack/certificates", "{\"subscriptionId\":\"" + CONTOSO
                + "\",\"certificate\":\"not a certificate\"}", true).statusCode()).isEqualTo(400);
        assertThat(send(admin, "POST", "/_localpack/certificates", "{\"subscriptionId\":\"11111111-2222-3333-4444-"
                + "555555555555\",\"thumbprint\":\"" + thumbprint + "\"}", true).statusCode()).isEqualTo(404);
        assertThat(send(admin, "DELETE", "/_localpack/certificates/" + CONTOSO + "/" + thumbprint, null, true)
                .statusCode()).isEqualTo(404);
        assertThat(send(admin, "GET", "/_localpack/certificates", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void theSubscriptionApiAnswersACertificateWithoutPrincipalFromTheSameStore() throws Exception {
        KeyStore fixtureClient = KeyStore.getInstance("PKCS12");
        try (var in = getClass().getResourceAsStream("/certificates/fabrikam-client.p12")) {
            fixtureClient.load(in, FIXTURE_CLIENT_PASSWORD);
        }
        HttpClient fabrikam = client(fixtureClient, FIXTURE_CLIENT_PASSWORD);

        HttpResponse<String> own = get(fabrikam, "/subscriptions/" + FABRIKAM);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"AccountAdminLiveEmailId\":\"tenant@fabrikam.com\"");
        assertThat(get(fabrikam, "//Subscriptions/").body()).contains(FABRIKAM).doesNotContain(CONTOSO);
        HttpResponse<String> other = get(fabrikam, "/subscriptions/" + CONTOSO);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("\"Code\":\"Forbidden\"").doesNotContain("Contoso Test");
        HttpResponse<String> none = get(client(null), "/subscriptions/" + FABRIKAM);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"Code\":\"Unauthorized\"");

        // a certificate added through the subscription API opens the subscription, in every API
        SelfSignedCertificates.Issued added = SelfSignedCertificates.issue("added-by-api", Duration.ofDays(1));
        String thumbprint = ManagementCertificates.thumbprint(added.certificate());
        HttpResponse<String> post = send(fabrikam, "POST", "/Subscriptions/" + FABRIKAM + "/certificates/",
                "{\"SubscriptionCertificateData\":\"" + Base64.getEncoder().encodeToString(
                        added.certificate().getEncoded()) + "\"}", false);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(204);
        assertThat(get(client(added), "/subscriptions/" + FABRIKAM).statusCode()).isEqualTo(200);
        assertThat(get(client(added), "/" + FABRIKAM + "/services/systemcenter/vmm/Clouds").statusCode())
                .isEqualTo(200);
        assertThat(send(client(null), "GET", "/_localpack/certificates", null, true).body()).contains(thumbprint);

        assertThat(send(fabrikam, "DELETE", "/subscriptions/" + FABRIKAM + "/certificates/" + thumbprint, null, false)
                .statusCode()).isEqualTo(200);
        assertThat(get(client(added), "/subscriptions/" + FABRIKAM).statusCode()).isEqualTo(401);
    }

    @Test
    void aManagementCertificateAddedThroughServiceManagementDecidesWhoMayCall() throws Exception {
        KeyStore fixtureClient = KeyStore.getInstance("PKCS12");
        try (var in = getClass().getResourceAsStream("/certificates/fabrikam-client.p12")) {
            fixtureClient.load(in, FIXTURE_CLIENT_PASSWORD);
        }
        HttpClient fabrikam = client(fixtureClient, FIXTURE_CLIENT_PASSWORD);
        SelfSignedCertificates.Issued added = SelfSignedCertificates.issue("added-by-asm", Duration.ofDays(1));
        String thumbprint = ManagementCertificates.thumbprint(added.certificate());
        assertThat(get(client(added), "/" + FABRIKAM + "/services/hostedservices").statusCode()).isEqualTo(403);

        HttpResponse<String> post = fabrikam.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"
                        + FABRIKAM + "/certificates")).header("x-ms-version", "2015-04-01")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<SubscriptionCertificate xmlns=\"http://schemas.microsoft"
                        + ".com/windowsazure\"><SubscriptionCertificateData>" + Base64.getEncoder().encodeToString(
                        added.certificate().getEncoded()) + "</SubscriptionCertificateData></SubscriptionCertificate>"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        assertThat(get(client(added), "/" + FABRIKAM + "/services/hostedservices").statusCode()).isEqualTo(200);
        assertThat(get(client(added), "/" + FABRIKAM + "/services/systemcenter/vmm/Clouds").statusCode())
                .isEqualTo(200);
        assertThat(get(client(added), "/" + CONTOSO + "/services/hostedservices").statusCode()).isEqualTo(403);
        assertThat(send(client(null), "GET", "/_localpack/certificates", null, true).body()).contains(thumbprint);

        assertThat(send(fabrikam, "DELETE", "/" + FABRIKAM + "/certificates/" + thumbprint, null, false)
                .statusCode()).isEqualTo(200);
        assertThat(get(client(added), "/" + FABRIKAM + "/services/hostedservices").statusCode()).isEqualTo(403);
    }

    @Test
    void theGeneratedServerCertificateIsKeptForTheNextStart() throws Exception {
        Path keyStore = Path.of("target/test-https/localpack-https.p12");
        assertThat(keyStore).exists();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, HttpsConfiguration.GENERATED_PASSWORD.toCharArray());
        }
        X509Certificate served = (X509Certificate) store.getCertificate("localpack");
        assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(get(client(null), "/_localpack/health").statusCode()).isEqualTo(200); // HTTPS answers
    }

    private void register(String subscription, X509Certificate certificate) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----";
        HttpResponse<String> answer = send(client(null), "POST", "/_localpack/certificates",
                "{\"subscriptionId\":\"" + subscription + "\",\"certificate\":\"" + pem.replace("\n", "\\n")
                        + "\"}", true);
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return send(client, "GET", path, null, false);
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String json, boolean admin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .header("x-ms-version", "2015-04-01").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (admin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts LocalPack's self-signed certificate and presents {@code identity} (or none). */
    private static HttpClient client(SelfSignedCertificates.Issued identity) throws Exception {
        char[] password = "pw".toCharArray();
        return client(identity == null ? null : identity.keyStore("client", password), password);
    }

    /** A client that trusts LocalPack's self-signed certificate and presents the key in {@code identity}. */
    private static HttpClient client(KeyStore identity, char[] password) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, password);
        TrustManager trustLocalPack = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), new TrustManager[] {trustLocalPack}, new SecureRandom());
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }
}
