package io.localpack.tenancy;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input meant to hurt: SQL injection through every literal position of $filter (and $orderby, keys, skip tokens),
 * XML external entities in VMM and ASM bodies, and oversized bodies on every API. The answers are the caller's own
 * rows or a 4xx, never a 500, never another tenant's rows; the tables stay as they were.
 */
class HostileInputTest extends HttpTestSupport {

    private static final List<String> INJECTIONS = List.of("' OR 1=1 --", "x' OR 'a'='a", "'); DROP TABLE services; --",
            "\u2019 OR 1=1 --", "\\' OR 1=1 --", "%", "_", "%' OR name LIKE '%", "a".repeat(5000), "\u0000",
            "' UNION SELECT * FROM subscriptions --");

    static Stream<Arguments> filters() {
        List<Arguments> cases = new ArrayList<>();
        for (String injection : INJECTIONS) {
            String quoted = injection.replace("'", "''");
            for (String template : List.of("Name eq '%s'", "substringof('%s',Name)", "startswith(Name,'%s')",
                    "endswith(Name,'%s')", "contains(Name,'%s')", "Description ne '%s'", "tolower(Name) eq '%s'",
                    "Name eq '%s' or Name eq 'Gateway'", "ID eq guid'%s'", "CloudId eq %s", "AddedTime gt datetime'%s'",
                    "ServicePriority eq '%s' and (Name eq '%s')")) {
                cases.add(Arguments.of(template.replace("%s", quoted)));
            }
            cases.add(Arguments.of("Name eq " + injection));
            cases.add(Arguments.of(injection));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("filters")
    void filterLiteralsNeverReachSql(String filter) {
        List<String> contoso = ids(vmm(CONTOSO) + "/Services");
        List<String> before = databaseSnapshot();

        for (String url : List.of(vmm(CONTOSO) + "/Services?$filter=" + encode(filter),
                vmm(CONTOSO) + "/Services/$count?$filter=" + encode(filter),
                vmm(CONTOSO) + "/Services?$orderby=" + encode(filter))) {
            Response response = get(url, "Accept", "application/json");
            assertThat(response.status()).as(url + " -> " + response.body()).isIn(200, 400);
            if (response.status() == 200 && response.body().startsWith("{")) {
                response.json().get("value").forEach(s -> assertThat(contoso).contains(s.get("ID").asText()));
            } else if (response.status() == 200) {
                assertThat(Integer.parseInt(response.body())).isLessThanOrEqualTo(contoso.size());
            }
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM services", Integer.class)).isPositive();
    }

    @Test
    void likeWildcardsInStringFunctionsMatchThemselvesOnly() {
        assertThat(get(vmm(FABRIKAM) + "/Services?$filter=" + encode("substringof('%',Name)")).json().get("value"))
                .isEmpty();
        assertThat(get(vmm(FABRIKAM) + "/Services?$filter=" + encode("startswith(Name,'_')")).json().get("value"))
                .isEmpty();
        assertThat(get(vmm(FABRIKAM) + "/Services?$filter=" + encode("contains(Name,'Gateway')")).json().get("value"))
                .isNotEmpty();
    }

    @Test
    void aNulCharacterInABodyIsTheClientsMistake() {
        List<String> before = databaseSnapshot();
        Response response = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP),
                "{\"Description\":\"a\\u0000b\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText()).contains("NUL");
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void keysAndSkipTokensAreNotSqlEither() {
        for (String url : List.of(vmm(CONTOSO) + "/Services(ID=guid'1'' OR ''1''=''1',StampId=guid'x')",
                vmm(CONTOSO) + "/Services?$skiptoken=" + encode("1; DROP TABLE services"),
                vmm(CONTOSO) + "/Services?$skiptoken=-5", vmm(CONTOSO) + "/Services?$top=" + encode("1 OR 1=1"))) {
            Response response = get(url, "Accept", "application/json");
            assertThat(response.status()).as(url + " -> " + response.body()).isBetween(400, 404);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM services", Integer.class)).isPositive();
    }

    @Test
    void asmPathSegmentsAreNotSqlEither() {
        for (String name : List.of("x' OR '1'='1", "fabrikam-web'--", "%25", "fabrikam-web%27%20OR%201=1", "a\u0000b")) {
            Response response = get(base + "/" + CONTOSO + "/services/hostedservices/" + encode(name),
                    "x-ms-version", "2015-04-01");
            assertThat(response.status()).as(name).isIn(400, 404);
            assertThat(response.body()).doesNotContain("fabrikam-web.cloudapp");
        }
    }

    @Test
    void xmlExternalEntitiesAreRefusedInEveryXmlBody(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "XXE-MARKER-42");
        String uri = secret.toUri().toString();
        List<String> before = databaseSnapshot();
        String asmStatus = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
                + "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>Running"
                + "</Status></UpdateDeploymentStatus>";
        String asmCreate = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + uri + "\">]>"
                + "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>xxe</ServiceName>"
                + "<Label>&x;</Label><Location>West Europe</Location></CreateHostedService>";
        String atom = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + uri + "\">]>"
                + "<entry xmlns=\"http://www.w3.org/2005/Atom\" xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/"
                + "dataservices\" xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">"
                + "<content type=\"application/xml\"><m:properties><d:Description>&x;</d:Description></m:properties>"
                + "</content></entry>";

        Response status = send("POST", base + "/" + FABRIKAM + "/services/hostedservices/fabrikam-web/deploymentslots/"
                + "Production/?comp=status", asmStatus, "x-ms-version", "2015-04-01", "Content-Type", "application/xml");
        Response create = send("POST", base + "/" + FABRIKAM + "/services/hostedservices", asmCreate,
                "x-ms-version", "2015-04-01", "Content-Type", "application/xml");
        Response vmm = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP), atom,
                "Content-Type", "application/atom+xml");

        for (Response r : List.of(status, create, vmm)) {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("XXE-MARKER-42");
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_hosted_services WHERE service_name = 'xxe'",
                Integer.class)).isZero();
    }

    @Test
    void oversizedBodiesGet413InEachApisFormatDeclaredOrChunked() throws Exception {
        String huge = "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><Label>"
                + "x".repeat(1_100_000) + "</Label></CreateHostedService>";
        HttpClient client = HttpClient.newHttpClient();
        for (boolean chunked : List.of(false, true)) {
            HttpRequest.BodyPublisher body = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))
                    : HttpRequest.BodyPublishers.ofString(huge);
            HttpResponse<String> asm = client.send(HttpRequest.newBuilder(URI.create(base + "/" + FABRIKAM
                            + "/services/hostedservices")).header("x-ms-version", "2015-04-01")
                    .header("Content-Type", "application/xml").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(asm.statusCode()).as("chunked " + chunked).isEqualTo(413);
            assertThat(asm.body()).contains("<Code>RequestEntityTooLarge</Code>");
        }
        Response admin = send("POST", base + "/_localpack/faults", "{\"operation\":\"" + "x".repeat(70_000_000) + "\"}");
        assertThat(admin.status()).isEqualTo(413);
        assertThat(admin.json().get("error").get("code").asText()).isEqualTo("RequestEntityTooLarge");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_hosted_services WHERE subscription_id = CAST(? AS UUID)",
                Integer.class, FABRIKAM)).isEqualTo(1);
    }

    private List<String> ids(String url) {
        List<String> ids = new ArrayList<>();
        JsonNode page = get(url + "?$top=1000").json();
        page.get("value").forEach(s -> ids.add(s.get("ID").asText()));
        return ids;
    }
}
