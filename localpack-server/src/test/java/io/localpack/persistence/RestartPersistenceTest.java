package io.localpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.localpack.LocalPackApplication;
import io.localpack.testsupport.postgres.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * State survives a restart on the persistent databases: a row written by one application context is there, as
 * modified, for the next context on the same database, and fixtures (mode if-empty) are not loaded over it.
 * Written through JDBC until the HTTP layer exists.
 */
class RestartPersistenceTest {

    @Test
    void h2FileDatabaseKeepsStateAcrossRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("localpack");
        String[] args = {
                "--spring.profiles.active=h2-file",
                "--LOCALPACK_H2_FILE=" + file,
                // This case is about H2: keep it there in the PostgreSQL suite too.
                "--" + TestDatabase.PROPERTY + "=h2"};

        assertStateSurvivesRestart(args, "H2");
        assertThat(Files.exists(Path.of(file + ".mv.db"))).as("H2 file written").isTrue();
    }

    @Test
    void postgresKeepsStateAcrossRestart() throws Exception {
        assumeTrue(TestDatabase.isPostgresSuite(), "runs in the PostgreSQL suite (-Dlocalpack.test.database=postgres)");
        String[] args = {"--" + TestDatabase.SHARED_DATABASE_PROPERTY + "=restart"};

        assertStateSurvivesRestart(args, "PostgreSQL");
    }

    private void assertStateSurvivesRestart(String[] args, String product) throws Exception {
        UUID id = UUID.randomUUID();
        String urlBefore;
        List<String> subscriptionsBefore;
        try (ConfigurableApplicationContext first = start(args)) {
            assertThat(productName(first)).isEqualTo(product);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO subscriptions (id, name, account_admin) VALUES (?, ?, ?)",
                    id, "before restart", "admin@example.com");
            jdbc.update("UPDATE subscriptions SET name = ? WHERE id = ?", "modified before restart", id);
            subscriptionsBefore = subscriptions(jdbc);
            urlBefore = url(first);
        }
        try (ConfigurableApplicationContext second = start(args)) {
            assertThat(url(second)).isEqualTo(urlBefore);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT name FROM subscriptions WHERE id = ?", String.class, id))
                    .isEqualTo("modified before restart");
            // Fixtures in if-empty mode must leave a non-empty database as it was: no reload, no duplicates.
            assertThat(subscriptions(jdbc)).isEqualTo(subscriptionsBefore);
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--localpack.fixtures.mode=if-empty");
        return new SpringApplicationBuilder(LocalPackApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }

    private static List<String> subscriptions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT CAST(id AS VARCHAR(36)) || ':' || name FROM subscriptions ORDER BY id",
                String.class);
    }

    private static String productName(ConfigurableApplicationContext context) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        }
    }

    private static String url(ConfigurableApplicationContext context) throws Exception {
        try (Connection c = context.getBean(DataSource.class).getConnection()) {
            return c.getMetaData().getURL();
        }
    }
}
