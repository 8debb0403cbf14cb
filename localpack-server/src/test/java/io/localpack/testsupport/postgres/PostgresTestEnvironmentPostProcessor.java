package io.localpack.testsupport.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Puts every LocalPack application context that tests start on its own PostgreSQL database when
 * {@value TestDatabase#PROPERTY}{@code =postgres} (the {@code postgres-suite} run); does nothing otherwise.
 *
 * <p>Registered in the tests' {@code META-INF/spring.factories}, so it applies to {@code @SpringBootTest} contexts and
 * to contexts a test starts itself with {@code SpringApplicationBuilder} alike, without the test knowing. It is an
 * environment post-processor rather than a test {@code ContextCustomizer} because it must run before the config files
 * load: it includes the {@code postgres} profile so that application-postgres.yml applies as in production, then
 * overrides the datasource with a fresh database (or the shared one named by
 * {@value TestDatabase#SHARED_DATABASE_PROPERTY}, for several instances on one database).
 */
public class PostgresTestEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public PostgresTestEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(PostgresTestEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!TestDatabase.POSTGRES.equals(environment.getProperty(TestDatabase.PROPERTY))) {
            return;
        }
        PostgresTestServers.Resolution resolution = PostgresTestServers.resolve();
        if (!resolution.available()) {
            // PostgresSuiteCondition has skipped the tests already (or, on CI, failed them); this is a context started
            // outside a test class, or the property was set by hand.
            throw new IllegalStateException(resolution.failureMessage());
        }
        PostgresServer server = resolution.server();
        String shared = environment.getProperty(TestDatabase.SHARED_DATABASE_PROPERTY);
        String database = StringUtils.hasText(shared)
                ? PostgresTestDatabases.shared(server, shared.trim())
                : PostgresTestDatabases.createFresh(server);

        Map<String, Object> properties = new LinkedHashMap<>();
        String included = environment.getProperty("spring.profiles.include");
        properties.put("spring.profiles.include",
                StringUtils.hasText(included) ? included + "," + TestDatabase.POSTGRES : TestDatabase.POSTGRES);
        properties.put("spring.datasource.url", server.urlFor(database));
        properties.put("spring.datasource.username", server.user());
        properties.put("spring.datasource.password", server.password());
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        // The test context cache keeps up to 32 contexts open, and other builds may share the server: small pools that
        // close idle connections soon keep them all within max_connections (100 by default). A test's own wins.
        Map<String, Object> pool = Map.of("spring.datasource.hikari.maximum-pool-size", 4,
                "spring.datasource.hikari.minimum-idle", 0,
                "spring.datasource.hikari.idle-timeout", 10_000);
        pool.forEach((key, value) -> {
            if (!environment.containsProperty(key)) {
                properties.put(key, value);
            }
        });
        properties.put(TestDatabase.DATABASE_NAME_PROPERTY, database);
        environment.getPropertySources().addFirst(new MapPropertySource("localpackTestPostgres", properties));
        log.info("Test context on PostgreSQL database " + database + " (" + server.description() + ")");
    }
}
