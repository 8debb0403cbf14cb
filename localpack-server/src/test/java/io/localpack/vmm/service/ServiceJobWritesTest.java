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
 * How often a service operation writes the service row (issue 20, B4): once for the request and once for its
 * zero-duration job, whose steps run in one transaction; changes carried by the request are still applied.
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

    private long serviceWritesFor(String id, String body) {
        statistics.clear();
        Response response = send("PUT", vmm(FABRIKAM) + "/" + serviceKey(id, WEST_STAMP), body);
        assertThat(response.status()).as(response.body()).isEqualTo(204); // synchronous: the job has completed
        return statistics.getEntityStatistics(Service.class.getName()).getUpdateCount();
    }

    @Test
    void stopAndStartWriteTheServiceOnceInTheRequestAndOnceInTheJob() {
        String id = createGateway("Written once");

        assertThat(serviceWritesFor(id, "{\"Operation\":\"Stop\"}")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT service_status FROM services WHERE id = CAST(? AS UUID)",
                String.class, id)).isEqualTo(ServiceStates.STATUS_STOPPED);
        assertThat(serviceWritesFor(id, "{\"Operation\":\"Start\"}")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT service_status FROM services WHERE id = CAST(? AS UUID)",
                String.class, id)).isEqualTo(ServiceStates.STATUS_RUNNING);
    }

    @Test
    void changesCarriedByAnOperationAreStillApplied() {
        String id = createGateway("Renamed on stop");

        serviceWritesFor(id, "{\"Operation\":\"Stop\",\"Name\":\"Stopped and renamed\",\"CostCenter\":\"42\"}");

        var row = jdbc.queryForMap("SELECT name, cost_center, service_status FROM services WHERE id = CAST(? AS UUID)",
                id);
        assertThat(row.get("name")).isEqualTo("Stopped and renamed");
        assertThat(row.get("cost_center")).isEqualTo("42");
        assertThat(row.get("service_status")).isEqualTo(ServiceStates.STATUS_STOPPED);
    }
}
