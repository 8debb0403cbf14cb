package io.localpack.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.client.LocalPackClient;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/** The image built from this repository, started through the module as a user would, with and without PostgreSQL. */
@ExtendWith(DockerAvailable.class)
class LocalPackContainerTest {

    private static final String SUBSCRIPTION = LocalPackClient.FABRIKAM_DEV;
    private static final String GATEWAY = "Services(ID=guid'8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3',"
            + "StampId=guid'56ebc6dc-f63c-46e2-8438-2967e0ad83bc')";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servicesRoundTripAndReset() throws Exception {
        try (LocalPackContainer localPack = new LocalPackContainer(LocalPackImage.name()).withInstantJobs()) {
            localPack.start();
            URI vmm = localPack.getTenantEndpoint(SUBSCRIPTION);
            assertThat(status(vmm)).isEqualTo("OK");

            HttpResponse<String> stop = send("PUT", vmm.resolve(GATEWAY), "{\"Operation\":\"Stop\"}");
            assertThat(stop.statusCode()).as(stop.body()).isEqualTo(204);
            assertThat(status(vmm)).isEqualTo("Stopped");
            assertThat(localPack.client().journal().entries()).anySatisfy(entry -> {
                assertThat(entry.method()).isEqualTo("PUT");
                assertThat(entry.status()).isEqualTo(204);
            });

            localPack.client().reset();
            assertThat(status(vmm)).isEqualTo("OK");
            assertThat(localPack.client().journal().entries()).hasSize(1);
        }
    }

    @Test
    void loadsFixturesFromAMountedFolder() throws Exception {
        Path minimal = repository().resolve("db/fixture-sets/minimal");
        try (LocalPackContainer localPack = new LocalPackContainer(LocalPackImage.name()).withFixtures(minimal)) {
            localPack.start();
            HttpResponse<String> clouds = send("GET",
                    localPack.getTenantEndpoint("0d3c5e7a-9b1f-4a2c-8e6d-4f0a2b8c6e1d").resolve("Clouds"), null);
            assertThat(JSON.readTree(clouds.body()).path("value").findValuesAsText("Name"))
                    .containsExactly("Minimal Cloud");
            assertThat(send("GET", localPack.getTenantEndpoint(SUBSCRIPTION).resolve("Services"), null).statusCode())
                    .as("the bundled tenants are not there").isIn(403, 404);
        }
    }

    /**
     * The image starts from the class cache its build's training run made: the JDK's ahead-of-time cache on Java 25+,
     * a class-data-sharing archive before. With -XX:AOTMode=on or -Xshare:on added to the image's own JVM settings
     * the JVM refuses to start when it cannot use it.
     */
    @Test
    void startsFromTheClassCacheItsBuildMade() throws Exception {
        String image = LocalPackImage.name();
        String files;
        try (GenericContainer<?> list = new GenericContainer<>(image)
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("bash", "-c",
                        "ls /app/run; java -XshowSettings:properties -version 2>&1 | grep 'java.specification.version'"))
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(1)))) {
            list.start();
            files = list.getLogs();
        }
        int java = Integer.parseInt(files.replaceAll("(?s).*java.specification.version = (\\d+).*", "$1"));
        String cache = java >= 25 ? "localpack.aot" : "localpack.jsa";
        assertThat(files).contains(cache);
        String imageSettings = Arrays.stream(DockerClientFactory.instance().client().inspectImageCmd(image).exec()
                .getConfig().getEnv()).filter(env -> env.startsWith("JAVA_TOOL_OPTIONS=")).findFirst().orElseThrow()
                .substring("JAVA_TOOL_OPTIONS=".length());
        try (LocalPackContainer localPack = new LocalPackContainer(image).withEnv("JAVA_TOOL_OPTIONS",
                imageSettings + (java >= 25 ? " -XX:AOTMode=on" : " -Xshare:on"))) {
            localPack.start();
            assertThat(status(localPack.getTenantEndpoint(SUBSCRIPTION))).isEqualTo("OK");
        }
    }

    /**
     * docker stop sends SIGTERM to java (PID 1): Spring shuts down gracefully and fails the jobs it was running
     * (VMM error 1700, restartable), so none stays Running in the shared database. The container shares the host's
     * network to reach the PostgreSQL server on 127.0.0.1:5432.
     */
    @Test
    void dockerStopLeavesNoRunningJobOnPostgres() throws Exception {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        assumeTrue(postgresAnswers(admin), "no PostgreSQL on 127.0.0.1:5432 that user postgres may use");
        String database = "lp_container_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(admin, "CREATE DATABASE " + database);
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (LocalPackContainer localPack = new LocalPackContainer(LocalPackImage.name())
                .withNetworkMode("host")
                .withEnv("SERVER_PORT", String.valueOf(port))
                .withPostgres(url, "postgres", "")) {
            localPack.setExposedPorts(List.of());
            localPack.waitingFor(new HealthOnHostPort(port));
            localPack.start();
            URI vmm = URI.create("http://127.0.0.1:" + port + "/" + SUBSCRIPTION + "/services/systemcenter/vmm/");

            HttpResponse<String> stop = send("PUT", vmm.resolve(GATEWAY + "?RunAsynchronously=1"),
                    "{\"Operation\":\"Stop\"}");
            assertThat(stop.statusCode()).isEqualTo(204);
            String job = stop.headers().firstValue("x-ms-request-id").orElseThrow();
            assertThat(query(url, "SELECT status FROM jobs WHERE id = '" + UUID.fromString(job) + "'"))
                    .isIn("Queued", "Running");

            localPack.getDockerClient().stopContainerCmd(localPack.getContainerId()).withTimeout(30).exec();

            assertThat(query(url, "SELECT COUNT(*) FROM jobs WHERE status IN ('Queued', 'Running')")).isEqualTo("0");
            assertThat(query(url, "SELECT status FROM jobs WHERE id = '" + UUID.fromString(job) + "'"))
                    .isEqualTo("Failed");
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String status(URI vmm) throws Exception {
        HttpResponse<String> service = send("GET", vmm.resolve(GATEWAY), null);
        assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
        return JSON.readTree(service.body()).path("ServiceStatus").asText();
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        URI encoded = URI.create(uri.toString().replace("'", "%27"));
        HttpRequest.Builder request = HttpRequest.newBuilder(encoded).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path repository() {
        return Path.of(System.getProperty("localpack.repository", "..")).toAbsolutePath().normalize();
    }

    private static boolean postgresAnswers(String url) {
        try (Connection ignored = DriverManager.getConnection(url, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** With the host's network there is no mapped port: ask the health endpoint on the host port directly. */
    private static final class HealthOnHostPort extends AbstractWaitStrategy {
        private final int port;

        HealthOnHostPort(int port) {
            this.port = port;
            withStartupTimeout(Duration.ofMinutes(3));
        }

        @Override
        protected void waitUntilReady() {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<Void> health = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/_localpack/health")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (Exception notYet) {
                    // still starting
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            throw new IllegalStateException("LocalPack did not answer on port " + port + " in " + startupTimeout
                    .toString().toLowerCase(Locale.ROOT));
        }
    }
}
