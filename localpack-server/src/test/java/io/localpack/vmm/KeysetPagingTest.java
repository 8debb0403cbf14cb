package io.localpack.vmm;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.FABRIKAM_CLOUD;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.testsupport.HttpTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Server-driven paging is keyset paging: a next link carries where the page ended, not a row offset, so rows added
 * before that position do not shift later pages, and a link that was altered or belongs to another query is a 400.
 */
@TestPropertySource(properties = "localpack.odata.page-size=3")
class KeysetPagingTest extends HttpTestSupport {

    private static final String JSON_ACCEPT = "application/json";
    private final List<String> added = new ArrayList<>();

    /** Seven more Fabrikam services, some with equal names and some without a cost center, to page through. */
    @BeforeEach
    void addServices() {
        String[][] rows = {{"Keyset B", null}, {"Keyset B", "CC-9"}, {"Keyset A", null}, {"Keyset C", "CC-1"},
            {"Keyset B", null}, {"Keyset D", "CC-9"}, {"Keyset A", "CC-5"}};
        for (String[] row : rows) {
            added.add(copyOfGateway(row[0], row[1]));
        }
    }

    @AfterEach
    void removeServices() {
        for (String id : added) {
            jdbc.update("DELETE FROM service_settings WHERE service_id = ?", UUID.fromString(id));
            jdbc.update("DELETE FROM services WHERE id = ?", UUID.fromString(id));
        }
        added.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$orderby=Name", "$orderby=Name desc", "$orderby=CostCenter desc,Name",
        "$orderby=CostCenter", "$orderby=AddedTime desc,Name", "$filter=startswith(Name,'Keyset')&$orderby=Name"})
    void followingNextLinksGivesTheSameRowsAsSkipAndTop(String options) {
        List<String> followed = follow(services(options));
        List<String> windows = new ArrayList<>();
        for (int skip = 0; ; skip += 3) {
            JsonNode page = get(services(options + (options.isEmpty() ? "" : "&") + "$skip=" + skip + "&$top=3"),
                    "Accept", JSON_ACCEPT).json();
            page.get("value").forEach(service -> windows.add(service.get("ID").asText()));
            if (page.get("value").size() < 3) {
                break;
            }
        }
        String count = get(services(options.replaceAll("&?\\$orderby=[^&]*", "")).replace("/Services?", "/Services/$count?"))
                .body();
        assertThat(followed).isEqualTo(windows).doesNotHaveDuplicates().hasSize(Integer.parseInt(count));
    }

    @Test
    void rowsAddedBeforeThePositionDoNotShiftTheNextPage() {
        JsonNode first = get(services("$orderby=Name"), "Accept", JSON_ACCEPT).json();
        String next = first.get("@odata.nextLink").asText();
        JsonNode expected = get(next, "Accept", JSON_ACCEPT).json();
        added.add(copyOfGateway("AAA inserted first", null));
        added.add(copyOfGateway("AAA inserted second", null));
        JsonNode second = get(next, "Accept", JSON_ACCEPT).json();
        assertThat(ids(second)).isEqualTo(ids(expected)).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void topCountsRowsAcrossPages() {
        assertThat(follow(services("$orderby=Name&$top=7"))).isEqualTo(follow(services("$orderby=Name")).subList(0, 7));
    }

    @Test
    void anAlteredOrForeignSkipTokenIsABadRequestInTheClientsDialect() {
        String next = get(services("$orderby=Name&$filter=startswith(Name,'Keyset')"), "Accept", JSON_ACCEPT).json()
                .get("@odata.nextLink").asText();
        String token = next.substring(next.indexOf("$skiptoken=") + "$skiptoken=".length());
        char flipped = token.charAt(2) == 'A' ? 'B' : 'A';
        String altered = token.substring(0, 2) + flipped + token.substring(3);
        List<String> bad = List.of(
                services("$orderby=Name&$filter=startswith(Name,'Keyset')&$skiptoken=" + altered),
                services("$orderby=Name desc&$filter=startswith(Name,'Keyset')&$skiptoken=" + token),
                services("$orderby=Name&$filter=startswith(Name,'Network')&$skiptoken=" + token),
                services("$orderby=Name&$skiptoken=3"));
        List<String> before = databaseSnapshot();
        for (String url : bad) {
            Response v4 = get(url, "Accept", JSON_ACCEPT, "OData-MaxVersion", "4.0");
            assertThat(v4.status()).as(url).isEqualTo(400);
            assertThat(v4.json().get("error").get("message").asText()).startsWith("Invalid $skiptoken");
            Response v3 = get(url, v3("Accept", "application/json;odata=minimalmetadata"));
            assertThat(v3.status()).as(url).isEqualTo(400);
            assertThat(v3.json().get("odata.error").get("message").get("value").asText())
                    .startsWith("Invalid $skiptoken");
        }
        assertThat(databaseSnapshot()).isEqualTo(before);
    }

    @Test
    void v3ClientsFollowTheirNextLinksWithGuidLiterals() {
        List<String> followed = new ArrayList<>();
        String url = services("$filter=CloudId eq guid'" + FABRIKAM_CLOUD + "'&$orderby=Name");
        while (url != null) {
            JsonNode page = get(url, v3("Accept", "application/json;odata=minimalmetadata")).json();
            followed.addAll(ids(page));
            url = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
            if (url != null) { // the client's own query options come back, V3 literal and all
                assertThat(url).contains("$filter=" + encode("CloudId eq guid'" + FABRIKAM_CLOUD + "'"));
            }
        }
        String count = get(vmm(FABRIKAM) + "/Services/$count?$filter=" + encode("CloudId eq guid'" + FABRIKAM_CLOUD
                + "'"), v3()).body();
        assertThat(followed).doesNotHaveDuplicates().hasSize(Integer.parseInt(count.trim()));
    }

    private String services(String options) {
        StringBuilder url = new StringBuilder(vmm(FABRIKAM)).append("/Services?");
        for (String pair : options.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                url.append(pair, 0, eq + 1).append(encode(pair.substring(eq + 1))).append('&');
            }
        }
        return url.toString();
    }

    /** Every row, following next links from {@code url} to the end. */
    private List<String> follow(String url) {
        List<String> followed = new ArrayList<>();
        while (url != null) {
            JsonNode page = get(url, "Accept", JSON_ACCEPT).json();
            assertThat(page.get("value").size()).isLessThanOrEqualTo(3);
            followed.addAll(ids(page));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return followed;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("value").forEach(service -> ids.add(service.get("ID").asText()));
        return ids;
    }

    /** A new row copied from the Network Gateway 1 fixture, with another id, name and cost center. */
    private String copyOfGateway(String name, String costCenter) {
        List<String> columns = jdbc.queryForList("SELECT * FROM services WHERE id = ?", UUID.fromString(
                GATEWAY_SERVICE)).get(0).keySet().stream().map(String::toLowerCase).toList();
        String id = UUID.randomUUID().toString();
        String selected = columns.stream().map(column -> switch (column) {
            case "id", "name", "cost_center" -> "?";
            default -> column;
        }).collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>();
        for (String column : columns) {
            switch (column) {
                case "id" -> args.add(UUID.fromString(id));
                case "name" -> args.add(name);
                case "cost_center" -> args.add(costCenter);
                default -> { }
            }
        }
        args.add(UUID.fromString(GATEWAY_SERVICE));
        jdbc.update("INSERT INTO services (" + String.join(", ", columns) + ") SELECT " + selected
                + " FROM services WHERE id = ?", args.toArray());
        return id;
    }
}
