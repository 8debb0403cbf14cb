package io.localpack.vmm.service;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.GATEWAY_SERVICE;
import static io.localpack.testsupport.Fixtures.WEST_STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * How many SQL statements (through Hibernate) a service read costs (issue 20): a GET by key is one query, the row
 * with its tenant check and its four element collections, where it was the row and then one lazy load per
 * collection; a page loads each collection in one batch, so two services cost what one costs.
 */
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class ServiceReadQueriesTest extends HttpTestSupport {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Statistics statistics;

    @BeforeEach
    void statistics() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    private long statementsFor(String url) {
        statistics.clear();
        Response response = get(url, v3("Accept", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void aServiceByKeyIsOneQueryWithItsCollections() {
        String url = vmm(FABRIKAM) + "/" + serviceKey(GATEWAY_SERVICE, WEST_STAMP);

        assertThat(statementsFor(url)).isEqualTo(1);
        assertThat(statistics.getCollectionFetchCount()).isZero(); // no collection loaded by a select of its own
        assertThat(get(url, v3("Accept", "application/json")).json().get("GrantedToList").size()).isEqualTo(1);
    }

    /** The joins multiply rows (2 grants x 3 custom properties x 2 settings): each list must still be as stored. */
    @Test
    void collectionsReadTogetherKeepTheirElementsAndOrder() {
        String id = createGateway("Several of each");
        jdbc.update("INSERT INTO service_granted_to (service_id, stamp_id, position, user_name, role_name, role_id) "
                + "VALUES (CAST(? AS UUID), CAST(? AS UUID), 1, 'second@fabrikam.com', 'Second', NULL)", id, WEST_STAMP);
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO service_custom_properties (service_id, stamp_id, position, name, property_value) "
                    + "VALUES (CAST(? AS UUID), CAST(? AS UUID), ?, ?, ?)", id, WEST_STAMP, i, "P" + (2 - i), "v" + i);
        }

        var service = get(vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), v3("Accept", "application/json")).json();

        assertThat(service.get("GrantedToList").findValuesAsText("RoleName"))
                .containsExactly("tenant@fabrikam.com_" + FABRIKAM, "Second");
        assertThat(service.get("CustomProperty").findValuesAsText("Name")).containsExactly("P2", "P1", "P0");
        assertThat(service.get("CustomProperty").findValuesAsText("Value")).containsExactly("v0", "v1", "v2");
        java.util.List<String> settings = jdbc.queryForList("SELECT name FROM service_settings WHERE service_id = "
                + "CAST(? AS UUID) ORDER BY position", String.class, id);
        assertThat(settings).hasSizeGreaterThan(1);
        assertThat(service.get("ServiceSettings").findValuesAsText("Name")).isEqualTo(settings);
    }

    @Test
    void aPageLoadsEachCollectionOnceWhateverItsSize() {
        String page = vmm(FABRIKAM) + "/Services?$orderby=Name&$top=";

        long one = statementsFor(page + "1");
        long two = statementsFor(page + "2");

        assertThat(two).isEqualTo(one);
    }
}
