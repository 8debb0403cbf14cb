package io.localpack.tenancy.auth;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.localpack.testsupport.HttpTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Mode bearer: the credential matrix (every endpoint and verb with no token, a bad signature, an expired token,
 * tokens for another subscription, audience or issuer, and a valid one), the admin credential, token minting, CORS,
 * and secrets kept out of logs and answers.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "localpack.auth.mode=bearer",
        "localpack.auth.secret=" + BearerModeTest.SECRET,
        "localpack.auth.admin-password=" + BearerModeTest.ADMIN_PASSWORD,
        "localpack.cors.allowed-origins=https://portal.example",
        "logging.level.org.springframework.security=DEBUG"})
class BearerModeTest extends HttpTestSupport {

    static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";
    static final String ADMIN_PASSWORD = "admin-pass-for-tests";
    private static final String ASM = "2015-04-01";

    enum Credential { NONE, BAD_SIGNATURE, EXPIRED, OTHER_SUBSCRIPTION, WRONG_AUDIENCE, WRONG_ISSUER, VALID }

    record Call(String name, String method, String path, String body, boolean asm) {
    }

    /** Every endpoint and verb, on the Fabrikam subscription. {key} is a service made for the row. */
    static Stream<Call> calls() {
        String vmm = "/" + FABRIKAM + "/services/systemcenter/vmm";
        String hosted = "/" + FABRIKAM + "/services/hostedservices";
        return Stream.of(
                new Call("service document", "GET", vmm + "/", null, false),
                new Call("$metadata", "GET", vmm + "/$metadata", null, false),
                new Call("Services", "GET", vmm + "/Services", null, false),
                new Call("Services by key", "GET", vmm + "/{key}", null, false),
                new Call("Services $count", "GET", vmm + "/Services/$count", null, false),
                new Call("Jobs", "GET", vmm + "/Jobs", null, false),
                new Call("VirtualMachines", "GET", vmm + "/VirtualMachines", null, false),
                new Call("ComputerTiers", "GET", vmm + "/ComputerTiers", null, false),
                new Call("Clouds", "GET", vmm + "/Clouds", null, false),
                new Call("ServiceTemplates", "GET", vmm + "/ServiceTemplates", null, false),
                new Call("create service", "POST", vmm + "/Services", createBody("Matrix"), false),
                new Call("PUT service", "PUT", vmm + "/{key}", "{\"Description\":\"matrix\"}", false),
                new Call("MERGE service", "MERGE", vmm + "/{key}", "{\"Description\":\"matrix\"}", false),
                new Call("PATCH service", "PATCH", vmm + "/{key}", "{\"Description\":\"matrix\"}", false),
                new Call("stop service", "PUT", vmm + "/{key}", "{\"Operation\":\"Stop\"}", false),
                new Call("DELETE service", "DELETE", vmm + "/{stoppedKey}", null, false),
                new Call("list hosted services", "GET", hosted, null, true),
                new Call("get hosted service", "GET", hosted + "/fabrikam-web?embed-detail=true", null, true),
                new Call("create hosted service", "POST", hosted, "<CreateHostedService xmlns=\"http://schemas."
                        + "microsoft.com/windowsazure\"><ServiceName>matrix-svc</ServiceName><Label>bWF0cml4</Label>"
                        + "<Location>West Europe</Location></CreateHostedService>", true),
                new Call("get deployment slot", "GET", hosted + "/fabrikam-web/deploymentslots/Production", null, true),
                new Call("update deployment status", "POST", hosted + "/fabrikam-web/deploymentslots/Staging/?comp=status",
                        "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>Running"
                        + "</Status></UpdateDeploymentStatus>", true),
                new Call("reboot role instance", "POST", hosted + "/fabrikam-web/deploymentslots/Production/roleinstances/"
                        + "WebRole1_IN_0?comp=reboot", "", true),
                new Call("swap deployments", "POST", hosted + "/fabrikam-web", "<Swap xmlns=\"http://schemas.microsoft"
                        + ".com/windowsazure\"><Production>fabrikam-web-prod</Production><SourceDeployment>"
                        + "fabrikam-web-stage</SourceDeployment></Swap>", true),
                new Call("delete deployment", "DELETE", hosted + "/fabrikam-web/deploymentslots/Staging", null, true),
                new Call("delete hosted service", "DELETE", hosted + "/matrix-empty", null, true),
                new Call("operation status", "GET", "/" + FABRIKAM + "/operations/{operation}", null, true));
    }

    static Stream<Arguments> matrix() {
        return calls().flatMap(call -> Stream.of(Credential.values()).filter(c -> c != Credential.VALID)
                .map(credential -> Arguments.of(call.name(), call, credential)));
    }

    @BeforeEach
    void freshFixtures() {
        assertThat(admin("POST", "/_localpack/reset", null).status()).isEqualTo(200);
        jdbc.update("INSERT INTO asm_hosted_services (id, subscription_id, service_name, name_key, label, location, "
                + "status, date_created, date_last_modified) VALUES (?, CAST(? AS UUID), 'matrix-empty', "
                + "'matrix-empty', 'bWF0cml4', 'West Europe', 'Created', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                UUID.randomUUID(), FABRIKAM);
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("matrix")
    void onlyAValidTokenForTheSubscriptionGetsIn(String name, Call call, Credential credential) {
        List<String> before = everything();

        Response response = call(call, credential, GATEWAY_SERVICE);

        if (call.asm()) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("<Code>AuthenticationFailed</Code>");
        } else {
            int expected = credential == Credential.OTHER_SUBSCRIPTION ? 403 : 401;
            assertThat(response.status()).as(response.body()).isEqualTo(expected);
            assertThat(response.json().path("odata.error").isMissingNode()
                    ? response.json().get("error").get("code").asText()
                    : response.json().get("odata.error").get("code").asText())
                    .isEqualTo(expected == 401 ? "Unauthorized" : "Forbidden");
        }
        assertThat(response.body()).doesNotContain("Network Gateway", "fabrikam-web.cloudapp", "Fabrikam Dev",
                GATEWAY_SERVICE, "tenant@fabrikam.com");
        assertThat(everything()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aValidTokenForTheSubscriptionGetsIn(Call call) {
        String service = createGateway("Matrix target " + UUID.randomUUID());

        Response response = call(call, Credential.VALID, service);

        assertThat(response.status()).as(call.name() + ": " + response.body())
                .isBetween(200, 299);
    }

    @Test
    void theTokensUserIsTheJobsOwner() {
        String service = createGateway("Owned by the token");
        Response stop = sendAs(Credential.VALID, "PUT", vmm(FABRIKAM) + "/" + serviceKey(service, WEST_STAMP),
                "{\"Operation\":\"Stop\"}", "x-ms-principal-id", "someone-else@fabrikam.com");

        assertThat(stop.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT owner FROM jobs WHERE id = CAST(? AS UUID)", String.class,
                stop.header("x-ms-request-id"))).isEqualTo("tenant@fabrikam.com");
    }

    /**
     * A token seen before skips validation (SeenTokens), but what it is used for is still decided per request: the
     * subscription it names is looked up every time (created, it opens; deleted, it is gone), and another
     * subscription's URL stays forbidden.
     */
    @Test
    void aSeenTokenIsNeverAnswerForAChangedSubscription() {
        String later = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String token = sign(SECRET, "https://localpack.local/sts", "http://azureservices/TenantSite", later, now,
                now.plusSeconds(600));
        String clouds = "/services/systemcenter/vmm/Clouds";

        Response before = send("GET", base + "/" + later + clouds, null, "Authorization", "Bearer " + token);
        jdbc.update("INSERT INTO subscriptions (id, name, account_admin) VALUES (CAST(? AS UUID), 'Later', "
                + "'tenant@fabrikam.com')", later);
        Response created = send("GET", base + "/" + later + clouds, null, "Authorization", "Bearer " + token);
        Response elsewhere = send("GET", base + "/" + FABRIKAM + clouds, null, "Authorization", "Bearer " + token);
        jdbc.update("DELETE FROM subscriptions WHERE id = CAST(? AS UUID)", later);
        Response deleted = send("GET", base + "/" + later + clouds, null, "Authorization", "Bearer " + token);

        assertThat(before.status()).as(before.body()).isEqualTo(404);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(403);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(404);
    }

    @Test
    void theSubscriptionApiTakesTheTokensUserAndNeedsItsPrincipalHeader() {
        String subscriptions = base + "/subscriptions/";

        Response listed = sendAs(Credential.VALID, "GET", subscriptions, null, "x-ms-principal-id",
                "tenant%40fabrikam.com");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(FABRIKAM).doesNotContain(CONTOSO);
        assertThat(sendAs(Credential.VALID, "GET", subscriptions + FABRIKAM, null, "x-ms-principal-id",
                "tenant@fabrikam.com").status()).isEqualTo(200);
        assertThat(sendAs(Credential.VALID, "GET", base + "/plans", null).status()).isEqualTo(200);

        Response foreign = sendAs(Credential.VALID, "GET", subscriptions + CONTOSO, null, "x-ms-principal-id",
                "tenant@fabrikam.com");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("Code").asText()).isEqualTo("Forbidden");
        Response noPrincipal = sendAs(Credential.VALID, "GET", subscriptions, null);
        assertThat(noPrincipal.status()).isEqualTo(400);
        assertThat(noPrincipal.json().get("Code").asText()).isEqualTo("MissingPrincipalId");
        Response otherUser = sendAs(Credential.VALID, "GET", subscriptions + FABRIKAM, null, "x-ms-principal-id",
                "dev@fabrikam.com");
        assertThat(otherUser.status()).isEqualTo(403);
        assertThat(otherUser.json().get("Code").asText()).isEqualTo("PrincipalMismatch");
        for (Credential bad : List.of(Credential.NONE, Credential.EXPIRED, Credential.BAD_SIGNATURE)) {
            Response refused = sendAs(bad, "GET", subscriptions + FABRIKAM, null, "x-ms-principal-id",
                    "tenant@fabrikam.com");
            assertThat(refused.status()).as(bad.name()).isEqualTo(401);
            assertThat(refused.json().get("Code").asText()).isEqualTo("Unauthorized");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.body()).doesNotContain("Fabrikam Dev");
        }
        assertThat(sendAs(Credential.NONE, "GET", base + "/plans", null).status()).isEqualTo(401);
    }

    @Test
    void theControlPlaneNeedsTheAdminCredentialButHealthIsOpen() {
        assertThat(get(base + "/_localpack/health").status()).isEqualTo(200);
        Response none = send("GET", base + "/_localpack/journal", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").get("code").asText()).isEqualTo("Unauthorized");
        assertThat(send("GET", base + "/_localpack/journal", null, "Authorization", basic("admin", "wrong")).status())
                .isEqualTo(401);
        assertThat(sendAs(Credential.VALID, "GET", base + "/_localpack/journal", null).status()).isEqualTo(401);
        assertThat(admin("GET", "/_localpack/journal", null).status()).isEqualTo(200);
        assertThat(admin("GET", "/_localpack/info", null).json().get("authMode").asText()).isEqualTo("bearer");
    }

    @Test
    void mintedTokensWorkAndBadMintRequestsAreRefused() {
        Response minted = admin("POST", "/_localpack/tokens", "{\"user\":\"ops@contoso.com\",\"subscriptions\":[\""
                + CONTOSO + "\"],\"lifetime\":\"PT10M\"}");
        assertThat(minted.status()).isEqualTo(200);
        String token = minted.json().get("token").asText();

        assertThat(get(vmm(CONTOSO) + "/Clouds", "Authorization", "Bearer " + token).status()).isEqualTo(200);
        assertThat(get(vmm(FABRIKAM) + "/Clouds", "Authorization", "Bearer " + token).status()).isEqualTo(403);

        assertAdminError(admin("POST", "/_localpack/tokens", "{\"subscriptions\":[\"" + CONTOSO + "\"]}"), "user");
        assertAdminError(admin("POST", "/_localpack/tokens", "{\"user\":\"u\",\"subscriptions\":[]}"), "subscriptions");
        assertAdminError(admin("POST", "/_localpack/tokens", "{\"user\":\"u\",\"subscriptions\":[\"x\"]}"), "GUID");
        assertAdminError(admin("POST", "/_localpack/tokens", "{\"user\":\"u\",\"subscriptions\":[\"" + CONTOSO
                + "\"],\"lifetime\":\"forever\"}"), "lifetime");
        assertAdminError(admin("POST", "/_localpack/tokens", "{\"user\":\"u\",\"subscriptions\":[\"" + CONTOSO
                + "\"],\"roles\":[]}"), "roles");
        assertAdminError(admin("POST", "/_localpack/tokens", "{oops"), "JSON");
    }

    @Test
    void corsPreflightForTheConfiguredOriginOnly(CapturedOutput output) {
        Response allowed = sendNamingNoVersion("OPTIONS", vmm(FABRIKAM) + "/Services", null,
                "Origin", "https://portal.example", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization,content-type,dataserviceversion");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://portal.example");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("PUT");

        Response refused = sendNamingNoVersion("OPTIONS", vmm(FABRIKAM) + "/Services", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();

        Response actual = sendAs(Credential.VALID, "GET", vmm(FABRIKAM) + "/Clouds", null, "Origin",
                "https://portal.example");
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://portal.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("x-ms-request-id");
    }

    @Test
    void tokensAndPasswordsNeverReachTheLogsOrAnswers(CapturedOutput output) {
        String valid = token(Credential.VALID);
        String expired = token(Credential.EXPIRED);
        Response ok = get(vmm(FABRIKAM) + "/Clouds", "Authorization", "Bearer " + valid);
        Response restart = send("PUT", vmm(FABRIKAM) + "/Jobs(ID=guid'" + UUID.randomUUID() + "',StampId=guid'"
                + WEST_STAMP + "')", "{\"UserName\":\"admin\",\"Password\":\"job-password-marker\"}",
                "Authorization", "Bearer " + valid);
        assertThat(restart.status()).isEqualTo(404);
        assertThat(restart.body()).doesNotContain("job-password-marker");
        assertThat(output.getAll()).doesNotContain("job-password-marker");
        Response refused = get(vmm(FABRIKAM) + "/Clouds", "Authorization", "Bearer " + expired);
        admin("GET", "/_localpack/info", null);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").get("message").asText()).contains("expired");
        for (String secret : List.of(valid, expired, SECRET, ADMIN_PASSWORD, signatureOf(valid))) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(refused.body() + ok.body()).doesNotContain(secret);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Response call(Call call, Credential credential, String service) {
        String path = call.path().replace("{key}", serviceKey(service, WEST_STAMP));
        if (path.contains("{stoppedKey}")) {
            String stopped = credential == Credential.VALID ? stoppedService() : service;
            path = path.replace("{stoppedKey}", serviceKey(stopped, WEST_STAMP));
        }
        if (path.contains("{operation}")) {
            path = path.replace("{operation}", credential == Credential.VALID ? operation() : "0".repeat(32));
        }
        List<String> headers = new ArrayList<>();
        if (call.asm()) {
            headers.addAll(List.of("x-ms-version", ASM));
            if (call.body() != null) {
                headers.addAll(List.of("Content-Type", "application/xml"));
            }
        }
        return sendAs(credential, call.method(), base + path, call.body(), headers.toArray(String[]::new));
    }

    /** The id of a real operation of the subscription. */
    private String operation() {
        Response update = sendAs(Credential.VALID, "POST", base + "/" + FABRIKAM + "/services/hostedservices/"
                + "fabrikam-web/deploymentslots/Production/?comp=status", "<UpdateDeploymentStatus xmlns=\"http://"
                + "schemas.microsoft.com/windowsazure\"><Status>Running</Status></UpdateDeploymentStatus>",
                "x-ms-version", ASM, "Content-Type", "application/xml");
        assertThat(update.status()).as(update.body()).isEqualTo(202);
        return update.header("x-ms-request-id");
    }

    private String stoppedService() {
        String id = createGateway("Stopped for delete " + UUID.randomUUID());
        assertThat(sendAs(Credential.VALID, "PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP),
                "{\"Operation\":\"Stop\"}").status()).isEqualTo(204);
        return id;
    }

    @Override
    protected String createGateway(String name) {
        Response created = sendAs(Credential.VALID, "POST", vmm(FABRIKAM) + "/Services", createBody(name),
                "Accept", "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ID").asText();
    }

    private static String createBody(String name) {
        return """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"%s",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"net-ext"},{"Name":"Infrastructure","Value":"net-infra"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1, name);
    }

    private Response sendAs(Credential credential, String method, String url, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        String token = token(credential);
        if (token != null) {
            all.addAll(List.of("Authorization", "Bearer " + token));
        }
        return send(method, url, body, all.toArray(String[]::new));
    }

    private String token(Credential credential) {
        Instant now = Instant.now();
        return switch (credential) {
            case NONE -> null;
            case VALID -> sign(SECRET, "https://localpack.local/sts", "http://azureservices/TenantSite", FABRIKAM, now,
                    now.plusSeconds(600));
            case BAD_SIGNATURE -> sign("another-secret-of-at-least-32-bytes!!!", "https://localpack.local/sts",
                    "http://azureservices/TenantSite", FABRIKAM, now, now.plusSeconds(600));
            case EXPIRED -> sign(SECRET, "https://localpack.local/sts", "http://azureservices/TenantSite", FABRIKAM,
                    now.minusSeconds(7200), now.minusSeconds(3600));
            case OTHER_SUBSCRIPTION -> sign(SECRET, "https://localpack.local/sts", "http://azureservices/TenantSite",
                    CONTOSO, now, now.plusSeconds(600));
            case WRONG_AUDIENCE -> sign(SECRET, "https://localpack.local/sts", "http://azureservices/AdminSite",
                    FABRIKAM, now, now.plusSeconds(600));
            case WRONG_ISSUER -> sign(SECRET, "https://evil.example/sts", "http://azureservices/TenantSite", FABRIKAM,
                    now, now.plusSeconds(600));
        };
    }

    private static String sign(String secret, String issuer, String audience, String subscription, Instant issued,
                               Instant expires) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject("tenant@fabrikam.com")
                .claim("upn", "tenant@fabrikam.com").claim("subscriptions", List.of(subscription))
                .issuedAt(issued).expiresAt(expires).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private Response admin(String method, String path, String body) {
        return send(method, base + path, body, "Authorization", basic("admin", ADMIN_PASSWORD));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAdminError(Response response, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("message").asText()).contains(messagePart);
    }

    /** The tenant tables and the ASM ones: nothing may change for a refused request. */
    private List<String> everything() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("jobs", "asm_hosted_services", "asm_deployments")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
