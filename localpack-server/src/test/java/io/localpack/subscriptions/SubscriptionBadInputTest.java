package io.localpack.subscriptions;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the subscription API: each row is refused with its status, the API's error body naming what was
 * wrong (Code, and Details[0].Source), and not one row of the database changed.
 */
class SubscriptionBadInputTest extends SubscriptionApiSupport {

    private static final String NEW_ID = "d3b07384-d9a0-4f5c-8e1f-2a3b4c5d6e7f";
    private static final String FAB = "/subscriptions/" + FABRIKAM;

    /** A refused request; {@code principal} null sends none, {@code token} adds a bearer token (mode none). */
    record Case(String name, String method, String path, String body, String contentType, String principal,
                boolean token, int status, String code, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String admin = FABRIKAM_ADMIN;
        return Stream.of(
                new Case("subscription id in the path is no GUID", "GET", "/subscriptions/not-a-guid", null, null,
                        admin, false, 404, "SubscriptionNotFound", "subscriptionId"),
                new Case("unknown subscription", "GET", "/subscriptions/" + NEW_ID, null, null, admin, false, 404,
                        "SubscriptionNotFound", "subscriptionId"),
                new Case("SubscriptionId is no GUID", "POST", "/subscriptions", subscribe("not-a-guid", GOLD), null,
                        admin, false, 400, "BadRequest", "SubscriptionId"),
                new Case("SubscriptionId missing", "POST", "/subscriptions", "{\"PlanId\":\"" + GOLD + "\"}", null,
                        admin, false, 400, "BadRequest", "SubscriptionId"),
                new Case("PlanId missing", "POST", "/subscriptions", "{\"SubscriptionId\":\"" + NEW_ID + "\"}", null,
                        admin, false, 400, "BadRequest", "PlanId"),
                new Case("unknown plan", "POST", "/subscriptions", subscribe(NEW_ID, "NoSuchPlan"), null, admin,
                        false, 404, "PlanNotFound", "PlanId"),
                new Case("private plan", "POST", "/subscriptions", subscribe(NEW_ID, PILOT), null, admin, false, 404,
                        "PlanNotFound", "PlanId"),
                new Case("duplicate id", "POST", "/subscriptions", subscribe(FABRIKAM, GOLD), null, admin, false,
                        409, "SubscriptionAlreadyExists", "SubscriptionId"),
                new Case("another tenant's id", "POST", "/subscriptions", subscribe(FABRIKAM, GOLD), null,
                        "someone@else.example", false, 409, "SubscriptionAlreadyExists", "SubscriptionId"),
                new Case("plan at its limit", "POST", "/subscriptions", subscribe(NEW_ID, STARTER), null,
                        NORTHWIND_ADMIN, false, 409, "MaxSubscriptionsPerPlanReached", "PlanId"),
                new Case("malformed JSON", "POST", "/subscriptions", "{\"SubscriptionId\":", null, admin, false, 400,
                        "BadRequest", "(body)"),
                new Case("JSON that is no object", "POST", "/subscriptions", "[1,2]", null, admin, false, 400,
                        "BadRequest", "(body)"),
                new Case("empty body", "POST", "/subscriptions", "", null, admin, false, 400, "BadRequest", "(body)"),
                new Case("malformed XML", "POST", "/subscriptions", "<AzureProvisioningInfo><PlanId>",
                        "application/xml", admin, false, 400, "BadRequest", "(body)"),
                new Case("XML with an external entity", "POST", "/subscriptions", "<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><AzureProvisioningInfo><PlanId>&e;"
                        + "</PlanId></AzureProvisioningInfo>", "application/xml", admin, false, 400, "BadRequest",
                        "(body)"),
                new Case("CoAdminNames is no list", "POST", "/subscriptions", "{\"SubscriptionId\":\"" + NEW_ID
                        + "\",\"PlanId\":\"" + GOLD + "\",\"CoAdminNames\":\"x\"}", null, admin, false, 400,
                        "BadRequest", "CoAdminNames"),
                new Case("empty FriendlyName", "POST", "/subscriptions", "{\"SubscriptionId\":\"" + NEW_ID
                        + "\",\"PlanId\":\"" + GOLD + "\",\"FriendlyName\":\" \"}", null, admin, false, 400,
                        "BadRequest", "FriendlyName"),
                new Case("token without principal: list", "GET", "/subscriptions", null, null, null, true, 400,
                        "MissingPrincipalId", "x-ms-principal-id"),
                new Case("token without principal: subscribe", "POST", "/subscriptions", subscribe(NEW_ID, GOLD),
                        null, null, true, 400, "MissingPrincipalId", "x-ms-principal-id"),
                new Case("list without any principal", "GET", "/subscriptions", null, null, null, false, 400,
                        "MissingPrincipalId", "x-ms-principal-id"),
                new Case("subscribe without anyone to own it", "POST", "/subscriptions", subscribe(NEW_ID, GOLD), null,
                        null, false, 400, "BadRequest", "AccountAdminLiveEmailId"),
                new Case("PATCH names another subscription", "PATCH", FAB, "{\"SubscriptionID\":\"" + NEW_ID
                        + "\",\"SubscriptionName\":\"x\"}", null, admin, false, 400, "BadRequest", "SubscriptionID"),
                new Case("PATCH with an empty name", "PATCH", FAB, "{\"SubscriptionName\":\"\"}", null, admin, false,
                        400, "BadRequest", "SubscriptionName"),
                new Case("PATCH with nothing to change", "PATCH", FAB, "{\"CoAdminNames\":null}", null, admin, false,
                        400, "BadRequest", "(body)"),
                new Case("PATCH with an empty co-admin", "PATCH", FAB, "{\"CoAdminNames\":[\"\"]}", null, admin, false,
                        400, "BadRequest", "CoAdminNames"),
                new Case("PATCH of a bad id", "PATCH", "/subscriptions/12345", "{\"SubscriptionName\":\"x\"}", null,
                        admin, false, 404, "SubscriptionNotFound", "subscriptionId"),
                new Case("force is no boolean", "DELETE", FAB + "?force=maybe", null, null, admin, false, 400,
                        "BadRequest", "force"),
                new Case("add-on without AddOnId", "POST", FAB + "/addons", "{\"AddOnInstanceId\":null}", null, admin,
                        false, 400, "BadRequest", "AddOnId"),
                new Case("unknown add-on", "POST", FAB + "/addons", "{\"AddOnId\":\"NoSuchAddOn\"}", null, admin,
                        false, 404, "AddOnNotFound", "AddOnId"),
                new Case("detach an add-on instance that is not there", "DELETE", FAB + "/addons/ExtraVMsaoq2w7k1/"
                        + NEW_ID, null, null, admin, false, 404, "AddOnReferenceNotFound", "addOnInstanceId"),
                new Case("certificate body is no certificate", "POST", FAB + "/certificates",
                        "{\"SubscriptionCertificateData\":\"bm90IGEgY2VydA==\"}", null, admin, false, 400, "BadRequest",
                        "SubscriptionCertificateData"),
                new Case("certificate thumbprint is no SHA-1", "POST", FAB + "/certificates",
                        "{\"SubscriptionCertificateThumbprint\":\"XYZ\"}", null, admin, false, 400, "BadRequest",
                        "SubscriptionCertificateThumbprint"),
                new Case("certificate without thumbprint or body", "POST", FAB + "/certificates", "{}", null, admin,
                        false, 400, "BadRequest", "SubscriptionCertificateData"),
                new Case("unknown certificate", "GET", FAB + "/certificates/" + "AB".repeat(20), null, null, admin,
                        false, 404, "CertificateNotFound", "thumbprint"),
                new Case("certificate path is no thumbprint", "DELETE", FAB + "/certificates/nope", null, null, admin,
                        false, 404, "CertificateNotFound", "thumbprint"),
                new Case("SQL in the plan id", "POST", "/subscriptions", subscribe(NEW_ID, "' OR '1'='1' --"), null,
                        admin, false, 404, "PlanNotFound", "PlanId"),
                new Case("SQL in the add-on id", "POST", FAB + "/addons", "{\"AddOnId\":\"x' OR 1=1 --\"}", null,
                        admin, false, 404, "AddOnNotFound", "AddOnId"),
                new Case("SQL in the principal", "GET", FAB, null, null, "x' OR '1'='1", false, 404,
                        "SubscriptionNotFound", "subscriptionId"),
                new Case("sync is no boolean", "PUT", FAB + "/quota?sync=perhaps", null, null, admin, false, 400,
                        "BadRequest", "sync"));
    }

    private static String subscribe(String id, String plan) {
        return "{\"SubscriptionId\":\"" + id + "\",\"PlanId\":\"" + plan + "\",\"FriendlyName\":\"Bad input\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingWhatWasWrongAndChangesNothing(Case c) {
        List<String> before = subscriptionState();
        List<String> headers = new ArrayList<>();
        if (c.contentType() != null) {
            headers.addAll(List.of("Content-Type", c.contentType()));
        }
        if (c.token()) {
            headers.addAll(List.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."));
        }

        Response response = call(c.method(), c.path(), c.body(), c.principal(), headers.toArray(String[]::new));

        assertThat(response.status()).as(response.body()).isEqualTo(c.status());
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.get("Code").asText()).isEqualTo(c.code());
        assertThat(error.get("Message").asText()).isNotBlank();
        assertThat(error.get("Details").get(0).get("Source").asText()).isEqualTo(c.source());
        assertThat(response.body()).doesNotContain("root:", "Exception");
        assertThat(subscriptionState()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscriptions WHERE id = CAST(? AS UUID)", Long.class,
                UUID.fromString(NEW_ID))).isZero();
    }
}
