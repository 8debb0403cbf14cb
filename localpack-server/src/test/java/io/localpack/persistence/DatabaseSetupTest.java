package io.localpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import io.localpack.testsupport.LocalPackServerTest;
import io.localpack.testsupport.postgres.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application starts on the database the suite asked for, with the whole Flyway history applied and the bundled
 * fixtures loaded. In the PostgreSQL suite this is also the proof that the suite ran on PostgreSQL: a silent fallback
 * to H2 fails here.
 */
@LocalPackServerTest // the shared server: what it checks holds for every context the suite starts
class DatabaseSetupTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnTheDatabaseTheSuiteAskedFor() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            if (TestDatabase.isPostgresSuite()) {
                assertThat(metaData.getDatabaseProductName()).isEqualTo("PostgreSQL");
                assertThat(connection.getCatalog()).isEqualTo(environment.getProperty(TestDatabase.DATABASE_NAME_PROPERTY))
                        .startsWith("lpt_");
                assertThat(environment.acceptsProfiles(Profiles.of("postgres"))).as("postgres profile active").isTrue();
            } else {
                assertThat(metaData.getDatabaseProductName()).isEqualTo("H2");
                assertThat(environment.acceptsProfiles(Profiles.of("postgres"))).as("postgres profile active").isFalse();
            }
        }
    }

    @Test
    void wholeFlywayHistoryIsApplied() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied).isNotEmpty().allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        assertThat(applied).extracting(m -> m.getVersion().getVersion()).contains("1");
        // Flyway quotes its lower-case names on both databases.
        String succeeded = "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL";
        assertThat(jdbc.queryForObject(succeeded, Integer.class)).isEqualTo(applied.length);
        // The schema is usable, not merely recorded.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM services", Integer.class)).isNotNull();
    }

    @Test
    void bundledFixturesAreLoadedWhenThereAreAny() throws Exception {
        boolean bundled = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/fixtures/**/*.sql").length > 0;
        int subscriptions = jdbc.queryForObject("SELECT COUNT(*) FROM subscriptions", Integer.class);
        if (bundled) {
            assertThat(subscriptions).as("subscriptions loaded from db/fixtures").isPositive();
        } else {
            assertThat(subscriptions).as("no fixtures bundled yet").isZero();
        }
    }
}
