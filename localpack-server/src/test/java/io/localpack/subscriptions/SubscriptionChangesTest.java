package io.localpack.subscriptions;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_TEMPLATE_1;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.tenancy.auth.ManagementCertificates;
import io.localpack.tenancy.auth.SelfSignedCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Subscribing, renaming, co-administrators, add-ons, deletion as a job, usage and certificates, each through HTTP;
 * every test works on subscriptions of its own users, so the fixtures stay as they were.
 */
class SubscriptionChangesTest extends SubscriptionApiSupport {

    @Test
    void aNewSubscriptionGetsThePlansGrantsAndWorksInVmmAndAsmAtOnce() {
        String user = "new-" + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();

        Response created = call("POST", "/subscriptions", """
                {"SubscriptionId":"%s","PlanId":"%s","FriendlyName":"My Gold","CoAdminNames":["helper@example.com"]}
                """.formatted(id, GOLD), user);

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode s = created.json();
        assertThat(s.get("SubscriptionID").asText()).isEqualTo(id);
        assertThat(s.get("SubscriptionName").asText()).isEqualTo("My Gold");
        assertThat(s.get("AccountAdminLiveEmailId").asText()).isEqualTo(user);
        assertThat(s.get("CoAdminNames").get(0).asText()).isEqualTo("helper@example.com");
        assertThat(s.get("State").asInt()).isEqualTo(1);
        assertThat(s.get("PlanId").asText()).isEqualTo(GOLD);
        assertThat(getAs(user, "/subscriptions").json().get(0).get("SubscriptionID").asText()).isEqualTo(id);

        JsonNode clouds = get(vmm(id) + "/Clouds", "Accept", "application/json").json().get("value");
        assertThat(clouds.findValuesAsText("Name")).containsExactlyInAnyOrder("Fabrikam Cloud", "Fabrikam East Cloud");
        assertThat(get(vmm(id) + "/ServiceTemplates", "Accept", "application/json").json().get("value")).hasSize(4);
        // Gold's VM library on both stamps, and Gold's limits as the quota of each of its clouds (VMM enforces them)
        assertThat(get(vmm(id) + "/VMTemplates", "Accept", "application/json").json().get("value")).hasSize(4);
        assertThat(get(vmm(id) + "/HardwareProfiles", "Accept", "application/json").json().get("value")).hasSize(6);
        for (JsonNode cloud : clouds) {
            JsonNode quota = get(vmm(id) + "/Clouds(ID=guid'" + cloud.get("ID").asText() + "',StampId=guid'"
                    + cloud.get("StampId").asText() + "')/QuotaAndUsageComponents", "Accept", "application/json")
                    .json().get("value");
            Map<String, String> limits = new TreeMap<>();
            quota.forEach(q -> limits.put(q.get("QuotaDimension").asText(), q.get("UserRoleQuota").asText()));
            assertThat(limits).containsExactlyEntriesOf(new TreeMap<>(Map.of("VMCount", "50",
                    "CpuCount", "200", "MemoryMB", "409600", "StorageGB", "null")));
        }
        Response vmmService = send("POST", vmm(id) + "/Services", serviceBody("In a new subscription"),
                "Accept", "application/json");
        assertThat(vmmService.status()).as(vmmService.body()).isEqualTo(201);
        Response hosted = createHostedService(id);
        assertThat(hosted.status()).as(hosted.body()).isEqualTo(201);

        deleteAndAwait(user, id);
    }

    @Test
    void theSampleClientsXmlBodySubscribesToo() {
        String user = "xml-" + UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();

        Response created = call("POST", "/subscriptions", """
                <AzureProvisioningInfo xmlns="http://schemas.microsoft.com/windowsazure" \
                xmlns:i="http://www.w3.org/2001/XMLSchema-instance">\
                <AccountAdminLiveEmailId i:nil="true"/><AccountAdminLivePuid>%s</AccountAdminLivePuid>\
                <AccountId>00000000-0000-0000-0000-000000000000</AccountId>\
                <CoAdminNames xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">\
                <d2p1:string>one@example.com</d2p1:string><d2p1:string>two@example.com</d2p1:string></CoAdminNames>\
                <FriendlyName>From XML</FriendlyName><OfferCategory i:nil="true"/><OfferType>0</OfferType>\
                <PlanId>%s</PlanId><SubscriptionId>%s</SubscriptionId></AzureProvisioningInfo>"""
                .formatted(user, GOLD, id), user, "Content-Type", "application/xml");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("SubscriptionName").asText()).isEqualTo("From XML");
        assertThat(created.json().get("CoAdminNames").toString()).isEqualTo("[\"one@example.com\",\"two@example.com\"]");
        deleteAndAwait(user, id);
    }

    @Test
    void aPlanAtItsLimitRefusesAnotherSubscriptionOfTheAccount() {
        List<String> before = subscriptionState();

        Response refused = call("POST", "/subscriptions", "{\"SubscriptionId\":\"" + UUID.randomUUID()
                + "\",\"PlanId\":\"" + STARTER + "\"}", NORTHWIND_ADMIN);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("Code").asText()).isEqualTo("MaxSubscriptionsPerPlanReached");
        assertThat(subscriptionState()).isEqualTo(before);
        // another account may still take its one Starter subscription
        String other = "starter-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(other, STARTER, "Mine");
        assertThat(getAs(other, "/subscriptions/" + id).json().get("SubscriptionName").asText()).isEqualTo("Mine");
        deleteAndAwait(other, id);
    }

    @Test
    void renameAnswers204AndCoAdministrators200WithTheSubscription() {
        String user = "patch-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(user, GOLD, "Before");

        Response renamed = call("PATCH", "/subscriptions/" + id, "{\"SubscriptionID\":\"" + id
                + "\",\"SubscriptionName\":\"After\",\"CoAdminNames\":null}", user);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(204);
        assertThat(getAs(user, "/subscriptions/" + id).json().get("SubscriptionName").asText()).isEqualTo("After");

        Response coAdmins = call("PATCH", "/subscriptions/" + id, "{\"CoAdminNames\":[\"ally@example.com\"]}", user);
        assertThat(coAdmins.status()).isEqualTo(200);
        assertThat(coAdmins.json().get("CoAdminNames").toString()).isEqualTo("[\"ally@example.com\"]");
        assertThat(SubscriptionReadsTest.ids(getAs("ally@example.com", "/subscriptions").json())).containsExactly(id);

        deleteAndAwait(user, id);
    }

    @Test
    void addOnsAreListedAttachedAndDetached() {
        String user = "addon-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(user, GOLD, "With add-ons");

        Response attached = call("POST", "/subscriptions/" + id + "/addons",
                "{\"AddOnId\":\"" + EXTRA_VMS + "\",\"AddOnInstanceId\":null,\"AcquisitionTime\":null}", user);
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        String instance = attached.json().get("AddOnInstanceId").asText();
        assertThat(attached.json().get("AcquisitionTime").asText()).isNotEmpty();
        assertThat(getAs(user, "/subscriptions/" + id + "/addons").json().findValuesAsText("AddOnInstanceId"))
                .containsExactly(instance);
        assertThat(getAs(user, "/subscriptions/" + id).json().get("AddOns").get(0).get("Id").asText())
                .isEqualTo(EXTRA_VMS);

        call("POST", "/subscriptions/" + id + "/addons", "{\"AddOnId\":\"" + EXTRA_VMS + "\"}", user);
        Response third = call("POST", "/subscriptions/" + id + "/addons", "{\"AddOnId\":\"" + EXTRA_VMS + "\"}", user);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("Code").asText()).isEqualTo("MaxAddOnOccurrencesReached");
        assertThat(call("POST", "/subscriptions/" + id + "/addons", "{\"AddOnId\":\"" + PILOT_ADD_ON + "\"}", user)
                .status()).isEqualTo(404);

        Response detached = call("DELETE", "/subscriptions/" + id + "/addons/" + EXTRA_VMS + "/" + instance, null,
                user);
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.json().get("AddOnInstanceId").asText()).isEqualTo(instance);
        assertThat(getAs(user, "/subscriptions/" + id + "/addons").json()).hasSize(1);
        assertThat(call("DELETE", "/subscriptions/" + id + "/addons/" + EXTRA_VMS + "/" + instance, null, user)
                .status()).isEqualTo(404);

        deleteAndAwait(user, id);
    }

    @Test
    void deletingRemovesTheSubscriptionsResourcesAsAJobAndNothingElse() {
        String user = "delete-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(user, GOLD, "To delete");
        assertThat(send("POST", vmm(id) + "/Services", serviceBody("Doomed"), "Accept", "application/json").status())
                .isEqualTo(201);
        assertThat(createHostedService(id).status()).isEqualTo(201);
        assertThat(send("GET", base + "/" + id + "/services/hostedservices", null, "x-ms-version", "2015-04-01")
                .status()).isEqualTo(200);
        io.localpack.testsupport.Await.until("the read's record", () -> count("asm_read_requests", id), n -> n > 0);
        assertThat(count("virtual_machines", id)).isPositive();
        List<String> othersBefore = rowsOfOthers(id);

        Response deleted = call("DELETE", "/subscriptions/" + id + "?force=false", null, user);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);
        assertThat(deleted.json().get("SubscriptionID").asText()).isEqualTo(id);
        assertThat(deleted.json().get("State").asInt()).isEqualTo(3);
        String jobId = deleted.header("x-ms-request-id");
        assertThat(jdbc.queryForObject("SELECT kind FROM jobs WHERE id = CAST(? AS UUID)", String.class, jobId))
                .isEqualTo("subscriptions.subscription.delete");
        io.localpack.testsupport.Await.until("deletion", Duration.ofSeconds(20),
                () -> getAs(user, "/subscriptions/" + id).status(), status -> status == 404);
        for (String table : List.of("services", "virtual_machines", "computer_tiers", "asm_hosted_services",
                "asm_read_requests", "subscription_clouds", "subscription_service_templates",
                "subscription_co_admins")) {
            assertThat(count(table, id)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT status FROM jobs WHERE id = CAST(? AS UUID)", String.class, jobId))
                .isEqualTo("Completed");
        assertThat(rowsOfOthers(id)).isEqualTo(othersBefore);
    }

    @Test
    void usageCountsWhatTheSubscriptionHolds() {
        JsonNode summaries = getAs(FABRIKAM_ADMIN, "/subscriptions/" + FABRIKAM + "/usagesummaries").json();

        assertThat(summaries.findValuesAsText("ServiceName")).containsExactly("systemcenter", "cloudservices");
        JsonNode vmm = summaries.get(0).get("Usages");
        assertThat(usage(vmm, "Services")).isEqualTo(sql("SELECT COUNT(*) FROM services WHERE subscription_id = ?"));
        assertThat(usage(vmm, "Virtual machines"))
                .isEqualTo(sql("SELECT COUNT(*) FROM virtual_machines WHERE subscription_id = ?"));
        assertThat(usage(vmm, "Cores"))
                .isEqualTo(sql("SELECT COALESCE(SUM(cpu_count), 0) FROM virtual_machines WHERE subscription_id = ?"));
        assertThat(usage(vmm, "Memory"))
                .isEqualTo(sql("SELECT COALESCE(SUM(memory_mb), 0) FROM virtual_machines WHERE subscription_id = ?"));
        assertThat(usage(vmm, "Storage")).isEqualTo(sql("SELECT CAST(CEILING(COALESCE(SUM(d.maximum_size), 0) "
                + "/ 1073741824.0) AS BIGINT) FROM virtual_hard_disks d JOIN virtual_machines v ON v.id = d.vm_id "
                + "AND v.stamp_id = d.stamp_id WHERE v.subscription_id = ?")).isPositive();
        // the same figures as the VMM quota of each cloud, summed over the clouds
        assertThat(usage(vmm, "Virtual machines")).isEqualTo(sql("SELECT COALESCE(SUM(user_role_usage), 0) FROM "
                + "quota_and_usage_components WHERE subscription_id = ? AND quota_dimension = 'VMCount'"));
        assertThat(limit(vmm, "Virtual machines")).isEqualTo(50);
        assertThat(limit(vmm, "Services")).isEqualTo(-1);
        JsonNode asm = summaries.get(1).get("Usages");
        assertThat(usage(asm, "Cloud services"))
                .isEqualTo(sql("SELECT COUNT(*) FROM asm_hosted_services WHERE subscription_id = ?"));
        assertThat(summaries.get(0).get("RetrievedSuccessfully").asBoolean()).isTrue();
    }

    @Test
    void quotaSyncAnswersTheSubscription() {
        Response synced = call("PUT", "/subscriptions/" + FABRIKAM + "/quota?sync=True", null, FABRIKAM_ADMIN);

        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().get("SubscriptionID").asText()).isEqualTo(FABRIKAM);
    }

    @Test
    void certificatesShareOneStoreWithTheControlPlane() throws Exception {
        String user = "cert-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(user, GOLD, "With a certificate");
        var issued = SelfSignedCertificates.issue("subscription-api-test", Duration.ofDays(1));
        String data = Base64.getEncoder().encodeToString(issued.certificate().getEncoded());
        String thumbprint = ManagementCertificates.thumbprint(issued.certificate());
        String certificates = "/Subscriptions/" + id + "/certificates";

        Response added = call("POST", certificates + "/", "{\"SubscriptionCertificatePublicKey\":null,"
                + "\"SubscriptionCertificateThumbprint\":\"" + thumbprint.toLowerCase() + "\","
                + "\"SubscriptionCertificateData\":\"" + data + "\"}", user);
        assertThat(added.status()).as(added.body()).isEqualTo(204);

        JsonNode listed = getAs(user, certificates).json();
        assertThat(listed).hasSize(1);
        List<String> names = new ArrayList<>();
        listed.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("SubscriptionCertificatePublicKey", "SubscriptionCertificateThumbprint",
                "SubscriptionCertificateData", "TimeCreated");
        assertThat(listed.get(0).get("SubscriptionCertificateThumbprint").asText()).isEqualTo(thumbprint);
        assertThat(listed.get(0).get("SubscriptionCertificateData").asText()).isEqualTo(data);
        assertThat(get(base + "/_localpack/certificates").body()).contains(thumbprint);
        assertThat(getAs(user, certificates + "/" + thumbprint).status()).isEqualTo(200);
        Response again = call("POST", certificates, "{\"SubscriptionCertificateData\":\"" + data + "\"}", user);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("Code").asText()).isEqualTo("CertificateAlreadyExists");

        Response removed = call("DELETE", certificates + "/" + thumbprint, null, user);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("SubscriptionCertificateThumbprint").asText()).isEqualTo(thumbprint);
        assertThat(getAs(user, certificates + "/" + thumbprint).status()).isEqualTo(404);
        assertThat(get(base + "/_localpack/certificates").body()).doesNotContain(thumbprint);
        deleteAndAwait(user, id);
    }

    @Test
    void theJournalRecordsSubscriptionApiRequestsWithTheirSubscription() {
        getAs(FABRIKAM_ADMIN, "//Subscriptions/" + FABRIKAM + "/");

        JsonNode entries = get(base + "/_localpack/journal?path=ubscriptions/" + FABRIKAM + "&limit=5").json();
        JsonNode newest = entries.isArray() ? entries.get(0) : entries.get("entries").get(0);
        assertThat(newest.get("subscription").asText()).isEqualTo(FABRIKAM);
        assertThat(newest.get("principal").asText()).isEqualTo(FABRIKAM_ADMIN);
        assertThat(newest.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void snapshotsAndResetsOfASubscriptionCoverItsCoAdminsAndAddOns() {
        String snapshot = get(base + "/_localpack/snapshot?subscription=" + CONTOSO).body();
        assertThat(snapshot).contains("INSERT INTO subscription_co_admins", "ops@contoso.com");
        assertThat(get(base + "/_localpack/snapshot?subscription=" + FABRIKAM).body())
                .contains("INSERT INTO subscription_add_ons", EXTRA_VMS);

        assertThat(call("PATCH", "/subscriptions/" + CONTOSO, "{\"SubscriptionName\":\"Renamed\",\"CoAdminNames\":[]}",
                CONTOSO_ADMIN).status()).isEqualTo(200);
        assertThat(send("POST", base + "/_localpack/reset/" + CONTOSO, null).status()).isEqualTo(200);

        JsonNode contoso = getAs(CONTOSO_ADMIN, "/subscriptions/" + CONTOSO).json();
        assertThat(contoso.get("SubscriptionName").asText()).isEqualTo("Contoso Test");
        assertThat(contoso.get("CoAdminNames").toString()).isEqualTo("[\"ops@contoso.com\"]");
        assertThat(contoso.get("PlanId").asText()).isEqualTo(GOLD);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Response createHostedService(String subscription) {
        String name = "subs-" + UUID.randomUUID().toString().substring(0, 8);
        return send("POST", base + "/" + subscription + "/services/hostedservices", "<CreateHostedService xmlns=\""
                + "http://schemas.microsoft.com/windowsazure\"><ServiceName>" + name + "</ServiceName><Label>"
                + Base64.getEncoder().encodeToString(name.getBytes()) + "</Label><Location>West Europe</Location>"
                + "</CreateHostedService>", "x-ms-version", "2015-04-01", "Content-Type", "application/xml");
    }

    private static String serviceBody(String name) {
        return """
                {"StampId":"%s","CloudId":"%s","ServiceTemplateId":"%s","Name":"%s",
                 "NewServiceDeployment":{"ServiceConfiguration":{"ServiceSettings":[
                   {"Name":"External","Value":"net-ext"},{"Name":"Infrastructure","Value":"net-infra"}]}}}
                """.formatted(WEST_STAMP, FABRIKAM_CLOUD, GATEWAY_TEMPLATE_1, name);
    }

    private long count(String table, String subscription) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE subscription_id = CAST(? AS UUID)",
                Long.class, subscription);
    }

    /** Every subscription-scoped row not of {@code subscription}. */
    private List<String> rowsOfOthers(String subscription) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("services", "virtual_machines", "computer_tiers", "asm_hosted_services",
                "subscription_clouds", "subscription_service_templates", "subscription_co_admins",
                "subscription_add_ons", "management_certificates")) {
            jdbc.queryForList("SELECT * FROM " + table + " WHERE subscription_id <> CAST(? AS UUID)", subscription)
                    .forEach(row -> rows.add(table + " " + row));
        }
        jdbc.queryForList("SELECT * FROM subscriptions WHERE id <> CAST(? AS UUID)", subscription)
                .forEach(row -> rows.add("subscriptions " + row));
        rows.sort(String::compareTo);
        return rows;
    }

    private long sql(String query) {
        return jdbc.queryForObject(query.replace("?", "CAST(? AS UUID)"), Long.class, FABRIKAM);
    }

    private static long usage(JsonNode usages, String name) {
        return find(usages, name).get("CurrentValue").asLong();
    }

    private static long limit(JsonNode usages, String name) {
        return find(usages, name).get("Limit").asLong();
    }

    private static JsonNode find(JsonNode usages, String name) {
        for (JsonNode usage : usages) {
            if (usage.get("DisplayName").asText().equals(name)) {
                return usage;
            }
        }
        throw new AssertionError("no usage " + name + " in " + usages);
    }
}
