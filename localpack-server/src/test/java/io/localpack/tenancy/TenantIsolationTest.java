package io.localpack.tenancy;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.FABRIKAM_EAST_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Another tenant's entity, job, hosted service, deployment or operation answers exactly as one that does not exist
 * (status, error code, message with the id swapped), for read, update and delete, in the VMM, Service Management
 * and subscription APIs; and Contoso's queries, expansions and paging links never reach Fabrikam's rows. Nothing
 * changes.
 */
@TestPropertySource(properties = "localpack.odata.page-size=2")
class TenantIsolationTest extends HttpTestSupport {

    private static final String MISSING = "0badc0de-0000-4000-8000-000000000000";
    private static final String ASM_VERSION = "2015-04-01";

    /** Each: a Fabrikam URL template asked under Contoso's subscription; {id} is Fabrikam's object or a missing one. */
    static Stream<Arguments> foreignObjects() {
        String service = "/services/systemcenter/vmm/Services(ID=guid'{id}',StampId=guid'" + WEST_STAMP + "')";
        String job = "/services/systemcenter/vmm/Jobs(ID=guid'{id}',StampId=guid'" + WEST_STAMP + "')";
        String vm = "/services/systemcenter/vmm/VirtualMachines(ID=guid'{id}',StampId=guid'" + WEST_STAMP + "')";
        return Stream.of(
                Arguments.of("read service", "GET", service, null, GATEWAY_SERVICE),
                Arguments.of("update service", "PUT", service, "{\"Description\":\"x\"}", GATEWAY_SERVICE),
                Arguments.of("merge service", "MERGE", service, "{\"Description\":\"x\"}", GATEWAY_SERVICE),
                Arguments.of("stop service", "PUT", service, "{\"Operation\":\"Stop\"}", GATEWAY_SERVICE),
                Arguments.of("delete service", "DELETE", service, null, GATEWAY_SERVICE),
                Arguments.of("service's cloud", "GET", service + "/Cloud", null, GATEWAY_SERVICE),
                Arguments.of("service's tiers", "GET", service + "/ComputerTiers", null, GATEWAY_SERVICE),
                Arguments.of("read job", "GET", job, null, "{fabrikamJob}"),
                Arguments.of("restart job", "PUT", job, "{\"SkipLastFailedStep\":true}", "{fabrikamJob}"),
                Arguments.of("read VM", "GET", vm, null, "{fabrikamVm}"),
                Arguments.of("hosted service", "GET", "/services/hostedservices/{id}", null, "fabrikam-web"),
                Arguments.of("delete hosted service", "DELETE", "/services/hostedservices/{id}", null, "fabrikam-web"),
                Arguments.of("deployment slot", "GET", "/services/hostedservices/{id}/deploymentslots/Production",
                        null, "fabrikam-web"),
                Arguments.of("deployment status", "POST",
                        "/services/hostedservices/{id}/deploymentslots/Production/?comp=status",
                        "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>"
                                + "Suspended</Status></UpdateDeploymentStatus>", "fabrikam-web"),
                Arguments.of("operation", "GET", "/operations/{id}", null, "{fabrikamOperation}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignObjects")
    void anotherTenantsObjectIsAnswersAsMissing(String name, String method, String path, String body, String id) {
        String foreign = resolve(id);
        String missing = id.equals("fabrikam-web") ? "no-such-service" : id.equals("{fabrikamOperation}")
                ? MISSING.replace("-", "") : MISSING;
        List<String> before = everything();

        Response theirs = call(method, path.replace("{id}", foreign), body);
        Response nobodys = call(method, path.replace("{id}", missing), body);

        assertThat(theirs.status()).as(theirs.body()).isEqualTo(404).isEqualTo(nobodys.status());
        assertThat(theirs.body().replace(foreign, "{id}")).isEqualTo(nobodys.body().replace(missing, "{id}"));
        assertThat(everything()).isEqualTo(before);
    }

    /** Each: a subscription-API call by Contoso's admin on Fabrikam's subscription ({id}) or a missing one. */
    static Stream<Arguments> foreignSubscriptions() {
        String fixtureCertificate = "2F57937917D53734EB9EEDB689CA2C58F37D21E3";
        return Stream.of(
                Arguments.of("read subscription", "GET", "/subscriptions/{id}", null),
                Arguments.of("read subscription, other spelling", "GET", "//Subscriptions/{id}/", null),
                Arguments.of("rename", "PATCH", "/subscriptions/{id}", "{\"SubscriptionName\":\"x\"}"),
                Arguments.of("co-admins", "PATCH", "/subscriptions/{id}", "{\"CoAdminNames\":[\"tenant@contoso.com\"]}"),
                Arguments.of("delete", "DELETE", "/subscriptions/{id}?force=true", null),
                Arguments.of("add-ons", "GET", "/subscriptions/{id}/addons", null),
                Arguments.of("attach add-on", "POST", "/subscriptions/{id}/addons", "{\"AddOnId\":\"ExtraVMsaoq2w7k1\"}"),
                Arguments.of("detach add-on", "DELETE",
                        "/subscriptions/{id}/addons/ExtraVMsaoq2w7k1/a0d1e2f3-0415-4a6b-8c7d-9e0f1a2b3c4d", null),
                Arguments.of("usage", "GET", "/subscriptions/{id}/usagesummaries", null),
                Arguments.of("quota sync", "PUT", "/subscriptions/{id}/quota?sync=true", null),
                Arguments.of("certificates", "GET", "/subscriptions/{id}/certificates", null),
                Arguments.of("certificate", "GET", "/subscriptions/{id}/certificates/" + fixtureCertificate, null),
                Arguments.of("add certificate", "POST", "/subscriptions/{id}/certificates",
                        "{\"SubscriptionCertificateThumbprint\":\"" + "AB".repeat(20) + "\"}"),
                Arguments.of("delete certificate", "DELETE", "/subscriptions/{id}/certificates/" + fixtureCertificate,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignSubscriptions")
    void anotherUsersSubscriptionAnswersAsAMissingOne(String name, String method, String path, String body) {
        List<String> before = everything();

        Response theirs = asContosoAdmin(method, path.replace("{id}", FABRIKAM), body);
        Response nobodys = asContosoAdmin(method, path.replace("{id}", MISSING), body);

        assertThat(theirs.status()).as(theirs.body()).isEqualTo(404).isEqualTo(nobodys.status());
        assertThat(theirs.body().replace(FABRIKAM, "{id}")).isEqualTo(nobodys.body().replace(MISSING, "{id}"));
        assertThat(theirs.body()).doesNotContain("Fabrikam", "tenant@fabrikam.com");
        assertThat(everything()).isEqualTo(before);
        assertThat(asContosoAdmin("GET", "/subscriptions", null).body()).doesNotContain(FABRIKAM);
    }

    private Response asContosoAdmin(String method, String path, String body) {
        return sendNamingNoVersion(method, base + path, body, "x-ms-principal-id", "tenant@contoso.com",
                "Accept", "application/json");
    }

    @Test
    void filtersCountsAndExpansionsStayInTheTenantsRows() {
        String byId = "/Services?$filter=ID eq guid'" + GATEWAY_SERVICE + "' or Name eq 'Network Gateway 1'";
        assertThat(get(vmm(CONTOSO) + byId).json().get("value")).isEmpty();
        assertThat(get(vmm(CONTOSO) + "/Services/$count?$filter=CloudId eq " + FABRIKAM_CLOUD).body()).isEqualTo("0");
        assertThat(get(vmm(CONTOSO) + "/Jobs?$filter=ID eq " + fabrikamJob()).json().get("value")).isEmpty();
        assertThat(get(vmm(CONTOSO) + "/VirtualMachines?$filter=ServiceId eq " + GATEWAY_SERVICE).json()
                .get("value")).isEmpty();
        JsonNode expanded = get(vmm(CONTOSO) + "/Services?$expand=Cloud,ServiceTemplate,ComputerTiers,MostRecentTask")
                .json();
        List<String> contosoIds = ids(vmm(CONTOSO) + "/Services");
        walkPages(expanded, page -> page.get("value").forEach(service -> {
            assertThat(contosoIds).contains(service.get("ID").asText());
            if (service.hasNonNull("Cloud")) {
                assertThat(service.get("Cloud").get("ID").asText()).isNotIn(FABRIKAM_CLOUD, FABRIKAM_EAST_CLOUD);
            }
        }));
    }

    @Test
    void aPagingLinkReplayedUnderAnotherTenantServesOnlyThatTenantsRows() {
        JsonNode fabrikamFirst = get(vmm(FABRIKAM) + "/Services?$orderby=Name").json();
        String next = fabrikamFirst.get("@odata.nextLink").asText();
        String replayed = next.replace(FABRIKAM, CONTOSO);
        List<String> contosoIds = ids(vmm(CONTOSO) + "/Services");

        Response page = get(replayed);

        assertThat(page.status()).isIn(200, 400);
        if (page.status() == 200) {
            page.json().get("value").forEach(s -> assertThat(contosoIds).contains(s.get("ID").asText()));
        }
    }

    private Response call(String method, String path, String body) {
        String url = base + "/" + CONTOSO + path;
        if (path.startsWith("/services/systemcenter")) {
            return send(method, url, body, "Accept", "application/json");
        }
        return body == null ? send(method, url, null, "x-ms-version", ASM_VERSION)
                : send(method, url, body, "x-ms-version", ASM_VERSION, "Content-Type", "application/xml");
    }

    private String resolve(String id) {
        return switch (id) {
            case "{fabrikamJob}" -> fabrikamJob();
            case "{fabrikamVm}" -> jdbc.queryForObject("SELECT CAST(id AS VARCHAR(36)) FROM virtual_machines "
                    + "WHERE subscription_id = CAST(? AS UUID) ORDER BY id LIMIT 1", String.class, FABRIKAM);
            case "{fabrikamOperation}" -> fabrikamOperation();
            default -> id;
        };
    }

    private String fabrikamJob() {
        String created = createGateway("Isolation job " + UUID.randomUUID());
        return jdbc.queryForObject("SELECT CAST(id AS VARCHAR(36)) FROM jobs WHERE target_object_id = CAST(? AS UUID)",
                String.class, created);
    }

    private String fabrikamOperation() {
        Response update = send("POST", base + "/" + FABRIKAM + "/services/hostedservices/fabrikam-web/deploymentslots/"
                + "Production/?comp=status", "<UpdateDeploymentStatus xmlns=\"http://schemas.microsoft.com/"
                + "windowsazure\"><Status>Running</Status></UpdateDeploymentStatus>", "x-ms-version", ASM_VERSION,
                "Content-Type", "application/xml");
        assertThat(update.status()).isEqualTo(202);
        String id = update.header("x-ms-request-id");
        // the operation runs on: wait until it is done, so that it does not change the state under the comparison
        Await.until("operation " + id + " to succeed",
                () -> get(base + "/" + FABRIKAM + "/operations/" + id, "x-ms-version", ASM_VERSION).body(),
                body -> body.contains("<Status>Succeeded</Status>"));
        return id;
    }

    private List<String> ids(String url) {
        List<String> ids = new ArrayList<>();
        walkPages(get(url).json(), page -> page.get("value").forEach(s -> ids.add(s.get("ID").asText())));
        return ids;
    }

    private void walkPages(JsonNode first, java.util.function.Consumer<JsonNode> each) {
        JsonNode page = first;
        while (true) {
            each.accept(page);
            if (!page.has("@odata.nextLink")) {
                return;
            }
            page = get(page.get("@odata.nextLink").asText()).json();
        }
    }

    private List<String> everything() {
        List<String> rows = new ArrayList<>(databaseSnapshot());
        for (String table : List.of("asm_hosted_services", "asm_deployments", "asm_role_instances")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        jdbc.queryForList("SELECT id, status FROM jobs").forEach(row -> rows.add("jobs " + row));
        for (String table : List.of("subscriptions", "subscription_co_admins", "subscription_add_ons",
                "subscription_clouds", "management_certificates")) {
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> rows.add(table + " " + row));
        }
        rows.sort(String::compareTo);
        return rows;
    }
}
