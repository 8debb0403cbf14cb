package io.localpack.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migration 18 drops the reads' records an earlier version kept (their ids answer as expired ones), and only those. */
class AsmReadRequestsMigrationTest {

    @Test
    void theReadsRecordsAreDroppedAndTheOthersStay() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:asm-read-requests-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrateTo(dataSource, "17");
        UUID subscription = UUID.randomUUID();
        jdbc.update("INSERT INTO subscriptions (id, name, account_admin) VALUES (?, 'one', 'a@b.c')", subscription);
        UUID read = UUID.randomUUID();
        UUID write = UUID.randomUUID();
        for (Object[] row : List.of(new Object[] {read, "GET", "GetDeployment", 200},
                new Object[] {write, "DELETE", "DeleteHostedService", 409})) {
            jdbc.update("INSERT INTO asm_requests (request_id, subscription_id, http_method, operation_name, object_id,"
                    + " http_status, started_time, completed_time) VALUES (?, ?, ?, ?, '/x', ?, ?, ?)", row[0],
                    subscription, row[1], row[2], row[3], OffsetDateTime.now(), OffsetDateTime.now());
        }

        migrateTo(dataSource, "18");

        assertThat(jdbc.queryForList("SELECT request_id FROM asm_requests", UUID.class)).containsExactly(write);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asm_read_requests", Integer.class)).isZero();
    }

    private static void migrateTo(JdbcDataSource dataSource, String version) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(version).load().migrate();
    }
}
