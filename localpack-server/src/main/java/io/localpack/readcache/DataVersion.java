package io.localpack.readcache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many transactions that may have written anything have committed in the database: a number that moves after
 * every change and never goes back, so an answer read at one version is still right while the version stands.
 * Moved by {@link VersionedDataSource} after each such commit (after, so that whoever sees the new version reads
 * the change).
 */
public final class DataVersion {

    private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

    /** Where the count is kept, decided by the database at the first connection. */
    enum Keeping {
        /** An H2 database only this JVM can open: a counter in memory, shared by every data source of that URL. */
        IN_MEMORY,
        /** PostgreSQL: the sequence {@code localpack_data_version}, moved and read by every instance. */
        SEQUENCE,
        /** Another process may write and there is nowhere to count: no version, so nothing is reused. */
        NONE
    }

    /** One counter per in-memory H2 URL: several application contexts in one JVM may share a database. */
    private static final Map<String, AtomicLong> IN_MEMORY_COUNTS = new ConcurrentHashMap<>();

    private final DataSource database;
    private volatile Keeping keeping;
    private volatile boolean sequenceExists;
    private AtomicLong inMemory;

    DataVersion(DataSource database) {
        this.database = database;
    }

    /** The version now; empty when it cannot be known (answers are then not reused). */
    public OptionalLong current() {
        Keeping how = keeping();
        if (how == Keeping.IN_MEMORY) {
            return OptionalLong.of(inMemory.get());
        }
        if (how == Keeping.NONE) {
            return OptionalLong.empty();
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM localpack_data_version")) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            log.debug("Data version not read: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** Moves the version after a commit that may have written; {@code connection} is the committed one. */
    void moved(Connection connection) throws SQLException {
        Keeping how = keeping(connection);
        if (how == Keeping.IN_MEMORY) {
            inMemory.incrementAndGet();
        } else if (how == Keeping.SEQUENCE) {
            // nextval is not transactional: it is seen at once, and only after the commit it follows. Before the
            // migration that makes the sequence has run (Flyway's own commits), there is nothing to move.
            boolean moved = false;
            try (Statement statement = connection.createStatement()) {
                if (sequenceExists || sequenceExists(statement)) {
                    statement.execute("SELECT nextval('localpack_data_version')");
                }
                moved = true;
            } finally {
                if (!connection.getAutoCommit()) {
                    if (moved) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                }
            }
        }
    }

    private boolean sequenceExists(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT to_regclass('localpack_data_version') IS NOT NULL")) {
            sequenceExists = rs.next() && rs.getBoolean(1);
        }
        return sequenceExists;
    }

    private Keeping keeping() {
        Keeping how = keeping;
        if (how != null) {
            return how;
        }
        try (Connection connection = database.getConnection()) {
            return keeping(connection);
        } catch (SQLException e) {
            return Keeping.NONE;
        }
    }

    private Keeping keeping(Connection connection) throws SQLException {
        Keeping how = keeping;
        if (how == null) {
            String url = connection.getMetaData().getURL();
            how = keepingFor(url, connection.getMetaData().getDatabaseProductName());
            if (how == Keeping.IN_MEMORY) {
                inMemory = IN_MEMORY_COUNTS.computeIfAbsent(url, u -> new AtomicLong());
            }
            keeping = how;
        }
        return how;
    }

    static Keeping keepingFor(String url, String product) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            // a file database with AUTO_SERVER, or one reached over TCP, can be written by another process
            boolean sharedH2 = lower.contains("auto_server=true") || lower.startsWith("jdbc:h2:tcp:")
                    || lower.startsWith("jdbc:h2:ssl:");
            return sharedH2 ? Keeping.NONE : Keeping.IN_MEMORY;
        }
        return "PostgreSQL".equalsIgnoreCase(product) ? Keeping.SEQUENCE : Keeping.NONE;
    }
}
