package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.tenancy.auth.ManagementCertificates;
import io.localpack.tenancy.auth.SelfSignedCertificates;
import io.localpack.testsupport.LocalPackServerTest;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;

/**
 * Get Operation Status for any request id, List Subscription Operations, Get Subscription, List Locations, List Role
 * Sizes, service certificates and management certificates, through real HTTP.
 */
@LocalPackServerTest
@TestPropertySource(properties = AsmTestSupport.ASM_CONTEXT)
class AsmSubscriptionTest extends AsmTestSupport {

    static final String SVC_PATH = "/" + FABRIKAM + "/services/hostedservices/" + SERVICE;
    /** The certificate db/fixtures/20_asm.sql gives fabrikam-web. */
    static final String FIXTURE_SERVICE_CERTIFICATE = "B1B6E75A7BABA429A73520017941FBF693B208E2";
    static final char[] PFX_PASSWORD = "pfx-secret-1".toCharArray();

    // ---- Get Operation Status for every request id ------------------------------------------------------------

    @Test
    void aReadsRequestIdIsAnOperationThatSucceededWithItsStatus() throws Exception {
        HttpResponse<String> list = get("/" + FABRIKAM + "/services/hostedservices");
        Element op = xml(get("/" + FABRIKAM + "/operations/" + requestId(list)).body());
        assertThat(text(op, "Status")).isEqualTo("Succeeded");
        assertThat(text(op, "HttpStatusCode")).isEqualTo("200");
        assertThat(text(op, "ID").replace("-", "")).isEqualTo(requestId(list));

        HttpResponse<String> missing = get(SVC_PATH + "/deployments/nope");
        Element failed = xml(get("/" + FABRIKAM + "/operations/" + requestId(missing)).body());
        assertThat(text(failed, "Status")).isEqualTo("Failed");
        assertThat(text(failed, "HttpStatusCode")).isEqualTo("404");
        assertThat(text(failed, "Error/Code")).isEqualTo("ResourceNotFound");
        assertThat(text(failed, "Error/Message")).isEqualTo("No deployments were found.");

        // a bad x-ms-version is refused before any handler, and is still a request id of the subscription
        HttpResponse<String> badVersion = send("GET", "/" + FABRIKAM + "/services/hostedservices", null,
                "x-ms-version", "yesterday");
        assertThat(text(xml(get("/" + FABRIKAM + "/operations/" + requestId(badVersion)).body()), "Error/Code"))
                .isEqualTo("MissingOrIncorrectVersionHeader");

        // another tenant's request ids are not found, as missing ones
        assertError(get("/" + CONTOSO + "/operations/" + requestId(list)), 404, "ResourceNotFound");
    }

    // ---- List Subscription Operations ---------------------------------------------------------------------------

    @Test
    void listSubscriptionOperationsShowsWhatChangedInTheWindow() throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2);
        get("/" + FABRIKAM + "/services/hostedservices"); // a read: not listed
        HttpResponse<String> status = send("POST", SVC_PATH + "/deploymentslots/Production/?comp=status",
                statusBody("Suspended"));
        awaitOperation(FABRIKAM, requestId(status));
        HttpResponse<String> refused = send("DELETE", SVC_PATH, null); // 409: it has deployments
        assertThat(refused.statusCode()).isEqualTo(409);
        String window = "?StartTime=" + enc(start.toString()) + "&EndTime="
                + enc(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString());

        Element all = xml(get("/" + FABRIKAM + "/operations" + window).body());
        assertThat(all.getLocalName()).isEqualTo("SubscriptionOperationCollection");
        List<Element> ops = children(element(all, "SubscriptionOperations"), "SubscriptionOperation");
        assertThat(ops).extracting(o -> text(o, "OperationName"))
                .containsExactly("UpdateDeploymentStatus", "DeleteHostedService");
        Element first = ops.get(0);
        assertThat(text(first, "OperationId").replace("-", "")).isEqualTo(requestId(status));
        assertThat(text(first, "OperationObjectId")).isEqualTo(SVC_PATH + "/deploymentslots/Production/");
        assertThat(text(first, "OperationStatus/Status")).isEqualTo("Succeeded");
        assertThat(text(first, "OperationStatus/HttpStatusCode")).isEqualTo("200");
        assertThat(text(first, "OperationCaller/UsedServiceManagementApi")).isEqualTo("true");
        assertThat(text(first, "OperationCompletedTime")).isNotBlank();
        assertThat(text(ops.get(1), "OperationStatus/Status")).isEqualTo("Failed");
        assertThat(text(ops.get(1), "OperationStatus/Error/Code")).isEqualTo("ConflictError");

        List<Element> failed = children(element(xml(get("/" + FABRIKAM + "/operations" + window
                + "&OperationResultFilter=Failed").body()), "SubscriptionOperations"), "SubscriptionOperation");
        assertThat(failed).extracting(o -> text(o, "OperationName")).containsExactly("DeleteHostedService");
        List<Element> byObject = children(element(xml(get("/" + FABRIKAM + "/operations" + window
                + "&ObjectIdFilter=" + enc(SVC_PATH)).body()), "SubscriptionOperations"), "SubscriptionOperation");
        assertThat(byObject).extracting(o -> text(o, "OperationName")).containsExactly("DeleteHostedService");
        assertThat(children(element(xml(get("/" + CONTOSO + "/operations" + window).body()),
                "SubscriptionOperations"), "SubscriptionOperation")).isEmpty();
    }

    @Test
    void listSubscriptionOperationsRefusesBadQueries() throws Exception {
        String q = "MissingOrInvalidRequiredQueryParameter";
        assertError(get("/" + FABRIKAM + "/operations"), 400, q);
        assertError(get("/" + FABRIKAM + "/operations?StartTime=2014-10-27T00:00:00Z"), 400, q);
        assertError(get("/" + FABRIKAM + "/operations?StartTime=yesterday&EndTime=2014-10-28T00:00:00Z"), 400, q);
        assertError(get("/" + FABRIKAM + "/operations?StartTime=2014-10-28T00:00:00Z&EndTime=2014-10-27T00:00:00Z"),
                400, q);
        assertError(get("/" + FABRIKAM + "/operations?StartTime=2014-10-27T00:00:00Z&EndTime=2014-10-28T00:00:00Z"
                + "&OperationResultFilter=Maybe"), 400, q);
        assertError(get("/" + FABRIKAM + "/operations?StartTime=2014-10-27T00:00:00Z&EndTime=2014-10-28T00:00:00Z"
                + "&ContinuationToken=garbage"), 400, q);
        assertError(get("/00000000-0000-0000-0000-000000000001/operations?StartTime=2014-10-27T00:00:00Z"
                + "&EndTime=2014-10-28T00:00:00Z"), 403, "AuthenticationFailed");
    }

    // ---- Get Subscription, List Locations, List Role Sizes ---------------------------------------------------------

    @Test
    void getSubscriptionShowsQuotasAndTheUsageOfItsCloudServices() throws Exception {
        Element s = xml(get("/" + FABRIKAM).body());
        assertThat(s.getLocalName()).isEqualTo("Subscription");
        assertThat(text(s, "SubscriptionID")).isEqualTo(FABRIKAM);
        assertThat(text(s, "SubscriptionName")).isEqualTo("Fabrikam Dev");
        assertThat(text(s, "SubscriptionStatus")).isEqualTo("Active");
        assertThat(text(s, "AccountAdminLiveEmailId")).isEqualTo("tenant@fabrikam.com");
        assertThat(text(s, "MaxCoreCount")).isEqualTo("20");
        assertThat(text(s, "MaxHostedServices")).isEqualTo("20");
        assertThat(text(s, "CurrentHostedServices")).isEqualTo("1");
        // production: WebRole1 Small x2 (1 core each), WorkerRole1 Medium (2); staging: WebRole1 Small (1)
        assertThat(text(s, "CurrentCoreCount")).isEqualTo("5");

        Element contoso = xml(get("/" + CONTOSO + "/").body());
        assertThat(text(contoso, "CurrentHostedServices")).isEqualTo("0");
        assertThat(text(contoso, "CurrentCoreCount")).isEqualTo("0");

        // the usage follows the cloud services: a deleted staging deployment frees its core
        HttpResponse<String> delete = send("DELETE", SVC_PATH + "/deploymentslots/Staging", null);
        awaitOperation(FABRIKAM, requestId(delete));
        assertThat(text(xml(get("/" + FABRIKAM).body()), "CurrentCoreCount")).isEqualTo("4");

        assertError(get("/00000000-0000-0000-0000-000000000001"), 403, "AuthenticationFailed");
        assertError(send("DELETE", "/" + FABRIKAM, null), 400, "InvalidHttpVerb");
    }

    @Test
    void listsLocationsAndRoleSizes() throws Exception {
        Element locations = xml(get("/" + FABRIKAM + "/locations").body());
        List<Element> all = children(locations, "Location");
        assertThat(all).extracting(l -> text(l, "Name")).contains("West Europe", "North Europe", "East US");
        Element west = all.get(0);
        assertThat(text(west, "DisplayName")).isEqualTo("West Europe");
        assertThat(children(element(west, "AvailableServices"), "AvailableService")).extracting(Element::getTextContent)
                .contains("Compute", "Storage");
        assertThat(children(element(west, "ComputeCapabilities/WebWorkerRoleSizes"), "RoleSize"))
                .extracting(Element::getTextContent).contains("Small", "Medium");

        List<Element> sizes = children(xml(get("/" + FABRIKAM + "/rolesizes").body()), "RoleSize");
        Map<String, Element> byName = new java.util.HashMap<>();
        sizes.forEach(z -> byName.put(text(z, "Name"), z));
        assertThat(byName).containsKeys("ExtraSmall", "Small", "Medium", "Large", "ExtraLarge", "A5", "A6", "A7");
        assertThat(text(byName.get("Medium"), "Cores")).isEqualTo("2");
        assertThat(text(byName.get("Medium"), "MemoryInMb")).isEqualTo("3584");
        assertThat(text(byName.get("Medium"), "SupportedByWebWorkerRoles")).isEqualTo("true");
        assertError(get("/00000000-0000-0000-0000-000000000001/rolesizes"), 403, "AuthenticationFailed");
        assertError(get("/not-a-guid/locations"), 400, "BadRequest");
    }

    // ---- service certificates -------------------------------------------------------------------------------------

    @Test
    void serviceCertificatesFromAPfxWithItsPassword() throws Exception {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("fabrikam-web.cloudapp.net",
                Duration.ofDays(30));
        String thumbprint = ManagementCertificates.thumbprint(issued.certificate());
        String pfx = pfx(issued);

        HttpResponse<String> add = send("POST", SVC_PATH + "/certificates", certificateFile(pfx, "pfx",
                new String(PFX_PASSWORD)));
        assertThat(add.statusCode()).as(add.body()).isEqualTo(202);
        assertThat(text(awaitOperation(FABRIKAM, requestId(add)), "Status")).isEqualTo("Succeeded");

        List<Element> list = children(xml(get(SVC_PATH + "/certificates").body()), "Certificate");
        assertThat(list).extracting(c -> text(c, "Thumbprint")).containsExactly(FIXTURE_SERVICE_CERTIFICATE,
                thumbprint);
        list = list.subList(1, 2);
        assertThat(text(list.get(0), "ThumbprintAlgorithm")).isEqualTo("sha1");
        assertThat(text(list.get(0), "CertificateUrl")).endsWith(SVC_PATH + "/certificates/sha1-" + thumbprint);
        String data = Base64.getEncoder().encodeToString(issued.certificate().getEncoded());
        assertThat(text(list.get(0), "Data")).isEqualTo(data);
        assertThat(text(xml(get(SVC_PATH + "/certificates/SHA1-" + thumbprint.toLowerCase()).body()), "Data"))
                .isEqualTo(data);

        // the password and the private key are kept nowhere: not in the row, not in the job
        assertThat(jdbc.queryForList("SELECT * FROM asm_service_certificates").toString())
                .doesNotContain(new String(PFX_PASSWORD)).doesNotContain(pfx.substring(0, 40));
        assertThat(jdbc.queryForList("SELECT * FROM jobs").toString()).doesNotContain(new String(PFX_PASSWORD))
                .doesNotContain(pfx.substring(0, 40));

        // a .cer of the same certificate is the same thumbprint: a conflict
        int jobs = jobCount();
        assertError(send("POST", SVC_PATH + "/certificates", certificateFile(data, "cer", null)), 409,
                "ConflictError");
        assertThat(jobCount()).isEqualTo(jobs);

        HttpResponse<String> delete = send("DELETE", SVC_PATH + "/certificates/sha1-" + thumbprint, null);
        assertThat(delete.statusCode()).isEqualTo(202);
        awaitOperation(FABRIKAM, requestId(delete));
        assertThat(children(xml(get(SVC_PATH + "/certificates").body()), "Certificate"))
                .extracting(c -> text(c, "Thumbprint")).containsExactly(FIXTURE_SERVICE_CERTIFICATE);
        assertError(get(SVC_PATH + "/certificates/sha1-" + thumbprint), 404, "ResourceNotFound");
    }

    @Test
    void badServiceCertificateRequestsChangeNothing() throws Exception {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("x", Duration.ofDays(1));
        String pfx = pfx(issued);
        String certs = SVC_PATH + "/certificates";
        String thumb = ManagementCertificates.thumbprint(issued.certificate());
        Object[][] table = {
                {"POST", certs, certificateFile(pfx, "pfx", "wrong-password"), 400, "BadRequest"},
                {"POST", certs, certificateFile(pfx, "pfx", null), 400, "BadRequest"},
                {"POST", certs, certificateFile("%%%", "pfx", "x"), 400, "BadRequest"},
                {"POST", certs, certificateFile(Base64.getEncoder().encodeToString("junk".getBytes()), "cer", null),
                        400, "BadRequest"},
                {"POST", certs, certificateFile(pfx, "pem", new String(PFX_PASSWORD)), 400, "BadRequest"},
                {"POST", certs, certificateFile(pfx, "pfx", new String(PFX_PASSWORD)).replaceAll(
                        "<CertificateFormat>.*</CertificateFormat>", ""), 400, "BadRequest"},
                {"POST", certs, "<CertificateFile><Data>", 400, "InvalidXmlRequest"},
                {"POST", "/" + CONTOSO + "/services/hostedservices/" + SERVICE + "/certificates",
                        certificateFile(pfx, "pfx", new String(PFX_PASSWORD)), 404, "ResourceNotFound"},
                {"DELETE", certs + "/sha1-" + thumb, null, 404, "ResourceNotFound"},
                {"DELETE", certs + "/md5-" + thumb, null, 400, "BadRequest"},
                {"GET", certs + "/sha1-123", null, 400, "BadRequest"},
                {"GET", SVC_PATH + "-nope/certificates", null, 404, "ResourceNotFound"},
        };
        for (Object[] row : table) {
            int jobs = jobCount();
            String message = assertError(send((String) row[0], (String) row[1], (String) row[2]), (int) row[3],
                    (String) row[4]);
            assertThat(message).doesNotContain(new String(PFX_PASSWORD)).doesNotContain("wrong-password");
            assertThat(jobCount()).as("%s %s", row[0], row[1]).isEqualTo(jobs);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_service_certificates", Integer.class))
                    .isEqualTo(1); // the fixture's
        }
    }

    // ---- management certificates ----------------------------------------------------------------------------------

    @Test
    void managementCertificatesShareTheOneStore() throws Exception {
        List<Element> fixture = children(xml(get("/" + FABRIKAM + "/certificates").body()), "SubscriptionCertificate");
        assertThat(fixture).extracting(c -> text(c, "SubscriptionCertificateThumbprint"))
                .contains("2F57937917D53734EB9EEDB689CA2C58F37D21E3");

        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue("contoso-ops", Duration.ofDays(1));
        String thumbprint = ManagementCertificates.thumbprint(issued.certificate());
        String data = Base64.getEncoder().encodeToString(issued.certificate().getEncoded());
        HttpResponse<String> add = send("POST", "/" + CONTOSO + "/certificates", subscriptionCertificate(null,
                thumbprint, data));
        assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT subscription_id FROM management_certificates WHERE thumbprint = ?",
                java.util.UUID.class, thumbprint)).containsExactly(java.util.UUID.fromString(CONTOSO));

        Element got = xml(get("/" + CONTOSO + "/certificates/" + thumbprint.toLowerCase()).body());
        assertThat(text(got, "SubscriptionCertificateThumbprint")).isEqualTo(thumbprint);
        assertThat(text(got, "SubscriptionCertificateData")).isEqualTo(data);
        assertThat(text(got, "SubscriptionCertificatePublicKey")).isEqualTo(Base64.getEncoder().encodeToString(
                issued.certificate().getPublicKey().getEncoded()));
        assertThat(text(got, "Created")).isNotBlank();
        // tenant isolation: Fabrikam does not see Contoso's certificate
        assertError(get("/" + FABRIKAM + "/certificates/" + thumbprint), 404, "ResourceNotFound");

        String before = certificateRows();
        Object[][] table = {
                {"POST", subscriptionCertificate(null, thumbprint, data), 409, "ConflictError"},
                {"POST", subscriptionCertificate(null, null, null), 400, "BadRequest"},
                {"POST", subscriptionCertificate(null, null, "bm90IGEgY2VydA=="), 400, "BadRequest"},
                {"POST", subscriptionCertificate(null, "0".repeat(40), data), 400, "BadRequest"},
                {"POST", subscriptionCertificate("AAAA", null, data), 400, "BadRequest"},
                {"POST", "<SubscriptionCertificate", 400, "InvalidXmlRequest"},
                {"POST", "<Other xmlns=\"http://schemas.microsoft.com/windowsazure\"/>", 400, "InvalidXmlRequest"},
        };
        for (Object[] row : table) {
            assertError(send((String) row[0], "/" + CONTOSO + "/certificates", (String) row[1]), (int) row[2],
                    (String) row[3]);
            assertThat(certificateRows()).isEqualTo(before);
        }
        assertError(send("DELETE", "/" + FABRIKAM + "/certificates/" + thumbprint, null), 404, "ResourceNotFound");
        assertThat(certificateRows()).isEqualTo(before);

        assertThat(send("DELETE", "/" + CONTOSO + "/certificates/" + thumbprint, null).statusCode()).isEqualTo(200);
        assertError(get("/" + CONTOSO + "/certificates/" + thumbprint), 404, "ResourceNotFound");
    }

    @Test
    void theControlPlanesCertificatePathsStayTheControlPlanes() throws Exception {
        HttpResponse<String> list = io.localpack.testsupport.TestHttp.send("GET", url("/_localpack/certificates"), null,
                List.of());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("2F57937917D53734EB9EEDB689CA2C58F37D21E3");
        HttpResponse<String> unknown = io.localpack.testsupport.TestHttp.send("GET",
                url("/_localpack/certificates/" + FABRIKAM), null, List.of());
        assertThat(unknown.body()).doesNotContain("schemas.microsoft.com/windowsazure");
        assertThat(unknown.headers().firstValue("x-ms-request-id")).isEmpty();
    }

    String certificateRows() {
        return jdbc.queryForList("SELECT * FROM management_certificates ORDER BY subscription_id, thumbprint")
                .toString();
    }

    static String subscriptionCertificate(String publicKey, String thumbprint, String data) {
        return "<SubscriptionCertificate xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + (publicKey == null ? "" : "<SubscriptionCertificatePublicKey>" + publicKey
                        + "</SubscriptionCertificatePublicKey>")
                + (thumbprint == null ? "" : "<SubscriptionCertificateThumbprint>" + thumbprint
                        + "</SubscriptionCertificateThumbprint>")
                + (data == null ? "" : "<SubscriptionCertificateData>" + data + "</SubscriptionCertificateData>")
                + "</SubscriptionCertificate>";
    }

    static String certificateFile(String data, String format, String password) {
        return "<CertificateFile xmlns=\"http://schemas.microsoft.com/windowsazure\"><Data>" + data + "</Data>"
                + "<CertificateFormat>" + format + "</CertificateFormat>"
                + (password == null ? "" : "<Password>" + password + "</Password>") + "</CertificateFile>";
    }

    static String pfx(SelfSignedCertificates.Issued issued) throws Exception {
        KeyStore store = issued.keyStore("cert", PFX_PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PFX_PASSWORD);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
