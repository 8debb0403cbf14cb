package io.localpack.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.localpack.fixtures.FixtureLoader;
import io.localpack.jobs.JobService;
import io.localpack.testsupport.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** {@code /_localpack/info}, and what makes {@code /_localpack/health} ready. */
class InfoAndReadinessTest extends HttpTestSupport {

    @Autowired
    JobService jobs;

    @Test
    void infoDescribesThisLocalPack() {
        Response response = get(base + "/_localpack/info");

        assertThat(response.status()).isEqualTo(200);
        JsonNode info = response.json();
        assertThat(info.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("database").get("kind").asText()).isIn("H2", "PostgreSQL");
        assertThat(info.get("database").get("url").asText()).startsWith("jdbc:").doesNotContainIgnoringCase("password");
        assertThat(info.get("authMode").asText()).isEqualTo("none");
        assertThat(info.get("fixtureSetsLoaded").get(0).get("name").asText()).isEqualTo("default");
        assertThat(info.get("jobs").get("durations").has("vmm.service.stop")).isTrue();
        long services = jdbc.queryForObject("SELECT COUNT(*) FROM services", Long.class);
        assertThat(info.get("entities").get("Services").asLong()).isEqualTo(services).isPositive();
        assertThat(info.get("entities").get("HostedServices").asLong()).isPositive();
        assertThat(info.get("rowsPerTable").has("flyway_schema_history")).isFalse();
    }

    @Test
    void theControlPlaneIsDescribedByOpenApi() {
        Response response = get(base + "/_localpack/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.has("/_localpack/reset/{subscriptionId}")).isTrue();
        assertThat(paths.has("/_localpack/snapshot")).isTrue();
        assertThat(paths.has("/_localpack/journal")).isTrue();
        assertThat(paths.has("/_localpack/http-faults/{id}")).isTrue();
        assertThat(paths.has("/_localpack/timing/{kind}")).isTrue();
        assertThat(paths.has("/_localpack/faults")).isTrue();
        assertThat(paths.get("/_localpack/reset").get("post").get("summary").asText()).contains("fixtures");
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/_localpack/"));
        assertThat(sendNamingNoVersion("GET", base + "/_localpack/swagger-ui/index.html", null).status())
                .isEqualTo(200);
    }

    @Test
    void credentialsInTheDatabaseUrlAreNotShown() {
        assertThat(InfoController.withoutCredentials("jdbc:postgresql://bob:s3cret@db:5432/lp?user=bob&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/lp");
        assertThat(InfoController.withoutCredentials("jdbc:h2:file:./lp;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./lp;MODE=PostgreSQL");
    }

    @Test
    void healthIsDownUntilTheFixturesAreLoaded() {
        FixtureLoader notStarted = new FixtureLoader(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));

        assertThat(new ReadinessHealthIndicator(notStarted, jobs).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(get(base + "/_localpack/health").body()).contains("\"status\":\"UP\"");
    }
}
