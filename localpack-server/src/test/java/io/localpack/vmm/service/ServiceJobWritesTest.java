package io.localpack.vmm.service;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
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
 * How a service operation reads and writes the service row (issue 20, B4): the request loads and writes it once; its
 * zero-duration job, whose steps run in one transaction, sets the status in plain SQL without loading it. Changes
 * carried by the request are still applied.
 */
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class ServiceJobWritesTest extends HttpTestSupport {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Statistics statistics;

    @BeforeEach
    void statistics() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    /** @return the Service entity's loads and updates during the request and its job */
    private long[] serviceLoadsAndWritesFor(String id, String body) {
        statistics.clear();
        Response response = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), body);
        assertThat(response.status()).as(response.body()).isEqualTo(204); // synchronous: the job has completed
        var entity = statistics.getEntityStatistics(Service.class.getName());
        return new long[] {entity.getLoadCount(), entity.getUpdateCount()};
    }

    private String statusOf(String id) {
        return jdbc.queryForObject("SELECT service_status FROM services WHERE id = CAST(? AS UUID)", String.class, id);
    }

    @Test
    void stopAndStartLoadAndWriteTheServiceOnlyInTheRequestAndTheJobSetsTheStatus() {
        String id = createGateway("Written once");

        assertThat(serviceLoadsAndWritesFor(id, "{\"Operation\":\"Stop\"}")).containsExactly(1, 1);
        assertThat(statusOf(id)).isEqualTo(ServiceStates.STATUS_STOPPED);
        assertThat(serviceLoadsAndWritesFor(id, "{\"Operation\":\"Start\"}")).containsExactly(1, 1);
        assertThat(statusOf(id)).isEqualTo(ServiceStates.STATUS_RUNNING);
    }

    @Test
    void changesCarriedByAnOperationAreStillApplied() {
        String id = createGateway("Renamed on stop");

        // the job loads the service to apply the changes, writes them, and sets the status after them
        assertThat(serviceLoadsAndWritesFor(id,
                "{\"Operation\":\"Stop\",\"Name\":\"Stopped and renamed\",\"CostCenter\":\"42\"}"))
                .containsExactly(2, 2);

        var row = jdbc.queryForMap("SELECT name, cost_center, service_status FROM services WHERE id = CAST(? AS UUID)",
                id);
        assertThat(row.get("name")).isEqualTo("Stopped and renamed");
        assertThat(row.get("cost_center")).isEqualTo("42");
        assertThat(row.get("service_status")).isEqualTo(ServiceStates.STATUS_STOPPED);
    }
}
