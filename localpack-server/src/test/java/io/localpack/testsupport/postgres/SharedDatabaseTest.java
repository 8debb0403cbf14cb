package io.localpack.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.localpack.LocalPackApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances open at once on one database, as multi-instance tests need
 * ({@value TestDatabase#SHARED_DATABASE_PROPERTY}), while a context without it gets a database of its own.
 */
class SharedDatabaseTest {

    @Test
    void contextsWithTheSameSharedNameSeeOneDatabase() {
        // On H2 the URLs give the same picture (and keep these rows out of the suite's shared in-memory database);
        // in the PostgreSQL suite the test database replaces them.
        String[] pair = {
                "--" + TestDatabase.SHARED_DATABASE_PROPERTY + "=pair", "--spring.datasource.url=jdbc:h2:mem:pair"};
        try (ConfigurableApplicationContext first = start(pair);
             ConfigurableApplicationContext second = start(pair);
             ConfigurableApplicationContext other = start("--spring.datasource.url=jdbc:h2:mem:other")) {
            UUID id = UUID.randomUUID();
            first.getBean(JdbcTemplate.class).update(
                    "INSERT INTO stamps (id, name) VALUES (?, ?)", id, "written by the first instance");

            assertThat(stampName(second, id)).isEqualTo("written by the first instance");
            assertThat(other.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM stamps WHERE id = ?", Integer.class, id)).isZero();
            if (TestDatabase.isPostgresSuite()) {
                assertThat(databaseName(first)).isEqualTo(databaseName(second)).endsWith("_s_pair");
                assertThat(databaseName(other)).isNotEqualTo(databaseName(first));
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(LocalPackApplication.class).web(WebApplicationType.NONE).run(args);
    }

    private static String stampName(ConfigurableApplicationContext context, UUID id) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT name FROM stamps WHERE id = ?", String.class, id);
    }

    private static String databaseName(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty(TestDatabase.DATABASE_NAME_PROPERTY);
    }
}
