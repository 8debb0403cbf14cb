package io.localpack.testsupport.postgres;

/**
 * Which database the test suite runs on, and the properties that steer it.
 *
 * <p>The system property {@value #PROPERTY} ({@code h2} by default, {@code postgres} in the {@code postgres-suite}
 * Surefire execution) picks the database for every Spring application context the tests start. A test (or one
 * context) may pin its own with the same property, e.g. {@code @SpringBootTest(properties = "localpack.test.database=h2")}
 * or {@code --localpack.test.database=h2} for a context started with {@code SpringApplicationBuilder}.
 */
public final class TestDatabase {

    /** {@code postgres} runs the context on PostgreSQL; anything else leaves the configured (H2) database alone. */
    public static final String PROPERTY = "localpack.test.database";

    public static final String POSTGRES = "postgres";

    /**
     * Contexts that set this to the same name get the same PostgreSQL database (created on first use, dropped at JVM
     * end), e.g. two LocalPack instances of a multi-instance test. Without it each context gets a fresh database.
     * Lower-case letters, digits and '_', at most 30 characters. Set it where the environment sees it before config
     * files load: {@code @SpringBootTest(properties = ...)}, a {@code --name=value} argument or a system property,
     * not an application*.yml.
     */
    public static final String SHARED_DATABASE_PROPERTY = "localpack.test.shared-database";

    /** Set on each PostgreSQL test context: the name of the database it got. */
    public static final String DATABASE_NAME_PROPERTY = "localpack.test.database-name";

    /**
     * Where the PostgreSQL suite gets its server: {@code auto} (default: the first that works of url, local,
     * testcontainers, embedded) or one of those names to force it.
     */
    public static final String SOURCE_PROPERTY = "localpack.test.postgres.source";

    /** A file to write one line to: which server the suite used, or why it did not run (set by the pom for CI). */
    static final String SUMMARY_PROPERTY = "localpack.test.postgres.summary";

    private TestDatabase() {
    }

    /** True when this JVM runs the PostgreSQL suite. */
    public static boolean isPostgresSuite() {
        return POSTGRES.equals(System.getProperty(PROPERTY));
    }

    /** CI must run the PostgreSQL suite; elsewhere a missing server skips it. */
    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
