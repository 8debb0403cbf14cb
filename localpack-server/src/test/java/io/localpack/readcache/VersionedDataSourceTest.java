package io.localpack.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data version moves once per committed transaction that may have written, and for nothing else. */
class VersionedDataSourceTest {

    private VersionedDataSource dataSource;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:version-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = new VersionedDataSource(h2);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
        }
    }

    private long version() {
        return dataSource.version().current().orElseThrow();
    }

    @Test
    void aCommittedTransactionThatWroteMovesTheVersionOnceAfterItsCommit() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int id = 1; id <= 3; id++) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, 'x')")) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                }
            }
            assertThat(version()).as("not before the commit").isEqualTo(before);
            connection.commit();
            connection.setAutoCommit(true); // as Spring does after each transaction: the version moves now
            assertThat(version()).isEqualTo(before + 1);
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void aCommitMovesTheVersionBeforeTheConnectionIsGivenBackOrUsedAgain() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (7, 'x')");
            }
            connection.commit();
            try (PreparedStatement read = connection.prepareStatement("SELECT COUNT(*) FROM t")) {
                assertThat(version()).as("moved before the next statement").isEqualTo(before + 1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (8, 'x')");
            }
            connection.commit();
        }
        assertThat(version()).as("moved when given back").isEqualTo(before + 2);
    }

    @Test
    void aRolledBackTransactionAndReadsMoveNothing() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (9, 'gone')");
            }
            connection.rollback();
            try (PreparedStatement read = connection.prepareStatement("SELECT COUNT(*) FROM t")) {
                read.executeQuery().close();
            }
            connection.commit();
        }
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void aChangeThatMatchedNoRowMovesNothingButATruncateDoes() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement renew = connection.prepareStatement("UPDATE t SET name = 'x' WHERE id = ?")) {
            renew.setInt(1, 404);
            assertThat(renew.executeUpdate()).isZero();
        }
        assertThat(version()).isEqualTo(before);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement truncate = connection.prepareStatement("TRUNCATE TABLE t")) {
            truncate.executeUpdate(); // says 0 rows whatever it removed
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void aChangeMovesTheVersionOnlyWhenItReportsChangedRows() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1, 'queued')");
        }
        long before = version();
        for (String name : List.of("nothing queued", "queued")) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement claim = connection.prepareStatement("UPDATE t SET name = 'claimed' WHERE name = ?")) {
                claim.setString(1, name);
                claim.execute();
            }
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void anAutoCommittedWriteMovesTheVersionWhenItsConnectionIsGivenBack() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (5, 'auto')");
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void aConnectionUnwrappedToGoRoundTheWatchCountsAsAWrite() throws Exception {
        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(org.h2.jdbc.JdbcConnection.class);
        }
        assertThat(version()).isEqualTo(before + 1);
    }

    @Test
    void inMemoryH2CountsInTheJvmAndPostgresInASequence() {
        assertThat(DataVersion.keepingFor("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "H2"))
                .isEqualTo(DataVersion.Keeping.IN_MEMORY);
        assertThat(DataVersion.keepingFor("jdbc:h2:file:./data/lp", "H2")).isEqualTo(DataVersion.Keeping.IN_MEMORY);
        assertThat(DataVersion.keepingFor("jdbc:h2:file:./data/lp;AUTO_SERVER=TRUE", "H2"))
                .isEqualTo(DataVersion.Keeping.NONE);
        assertThat(DataVersion.keepingFor("jdbc:h2:tcp://db/lp", "H2")).isEqualTo(DataVersion.Keeping.NONE);
        assertThat(DataVersion.keepingFor("jdbc:postgresql://localhost/lp", "PostgreSQL"))
                .isEqualTo(DataVersion.Keeping.SEQUENCE);
        assertThat(DataVersion.keepingFor("jdbc:other://x", "Other")).isEqualTo(DataVersion.Keeping.NONE);
    }
}
