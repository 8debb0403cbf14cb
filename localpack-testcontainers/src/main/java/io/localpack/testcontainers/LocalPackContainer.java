package io.localpack.testcontainers;

import io.localpack.client.LocalPackClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * LocalPack's image as a Testcontainers container: waits on {@code /_localpack/health}, and hands out the same
 * {@link LocalPackClient} the JUnit 5 extension does (endpoints, tokens, reset, snapshots, faults, timing, journal).
 * <pre>{@code
 * @Container
 * static LocalPackContainer localPack = new LocalPackContainer(DockerImageName.parse("localpack:latest"));
 * }</pre>
 */
public class LocalPackContainer extends GenericContainer<LocalPackContainer> {

    public static final int PORT = 30005;
    private static final String ADMIN_USER = "admin";
    private static final String FIXTURES = "/fixtures/";
    private static final String POSTGRES_ALIAS = "localpack-postgres";

    private final String adminPassword = UUID.randomUUID().toString();
    private LocalPackClient client;

    public LocalPackContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        withEnv("LOCALPACK_AUTH_ADMIN_USER", ADMIN_USER);
        withEnv("LOCALPACK_AUTH_ADMIN_PASSWORD", adminPassword);
        // asked every 50 ms rather than Testcontainers' default of once a second, which would add up to a second to
        // a start of about two (docs/benchmarks.md, issue 20's fourteenth round)
        waitingFor(Wait.forHttp("/_localpack/health").forPort(PORT).forStatusCode(200)
                .withRateLimiter(RateLimiterBuilder.newBuilder().withRate(20, TimeUnit.SECONDS)
                        .withConstantThroughput().build())
                .withStartupTimeout(Duration.ofMinutes(3)));
    }

    public LocalPackContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /** Seeds LocalPack from a folder of {@code *.sql} fixture files on the host instead of the bundled ones. */
    public LocalPackContainer withFixtures(Path folder) {
        withCopyFileToContainer(MountableFile.forHostPath(folder, 0755), FIXTURES);
        return withEnv("LOCALPACK_FIXTURES_LOCATIONS", "file:" + FIXTURES);
    }

    /** Jobs finish at once instead of taking their modelled time. */
    public LocalPackContainer withInstantJobs() {
        return withEnv("LOCALPACK_JOBS_DURATION_FACTOR", "0");
    }

    /** Keeps LocalPack's state in this PostgreSQL container (both are put on one network if needed). */
    public LocalPackContainer withPostgres(JdbcDatabaseContainer<?> postgres) {
        if (postgres.getNetwork() == null) {
            postgres.withNetwork(getNetwork() != null ? getNetwork() : Network.newNetwork());
        }
        withNetwork(postgres.getNetwork());
        postgres.withNetworkAliases(POSTGRES_ALIAS);
        dependsOn(postgres);
        return withPostgres("jdbc:postgresql://" + POSTGRES_ALIAS + ":5432/" + postgres.getDatabaseName(),
                postgres.getUsername(), postgres.getPassword());
    }

    /** Keeps LocalPack's state in a PostgreSQL database the container can reach at this JDBC URL. */
    public LocalPackContainer withPostgres(String jdbcUrl, String user, String password) {
        withEnv("SPRING_PROFILES_ACTIVE", "postgres");
        withEnv("LOCALPACK_DB_URL", jdbcUrl);
        withEnv("LOCALPACK_DB_USER", user);
        return withEnv("LOCALPACK_DB_PASSWORD", password);
    }

    /** For example {@code http://localhost:32768/}. */
    public String getBaseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT) + "/";
    }

    public URI getTenantEndpoint(String subscriptionId) {
        return client().tenantEndpoint(subscriptionId);
    }

    public URI getAsmEndpoint() {
        return client().asmEndpoint();
    }

    /** The handle: tokens, reset, snapshots, faults, timing and the journal of this container's LocalPack. */
    public LocalPackClient client() {
        if (client == null) {
            client = new LocalPackClient(URI.create(getBaseUrl()), ADMIN_USER, adminPassword);
        }
        return client;
    }

    @Override
    public void stop() {
        client = null;
        super.stop();
    }
}
