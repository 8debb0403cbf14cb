package io.localpack.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteStatementsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "select s1_0.id from services s1_0 where s1_0.id=?",
        "  (SELECT 1)",
        "/* a comment */ select * from jobs for update skip locked",
        "-- a line comment\nSELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM localpack_data_version",
        "WITH picked AS (SELECT id FROM jobs WHERE status = 'Queued' FOR UPDATE SKIP LOCKED) SELECT id FROM picked",
        "WITH t AS (SELECT id FROM jobs FOR NO KEY UPDATE) SELECT * FROM t",
        "values (1)",
        "SET LOCK_TIMEOUT 10000",
        "show search_path",
        "INSERT INTO asm_requests (request_id, subscription_id) VALUES (?, ?)",
        "INSERT INTO asm_read_requests (request_id, subscription_id) SELECT ?, ? FROM subscriptions WHERE id = ?",
        "DELETE FROM asm_read_requests WHERE started_time <= ?",
        "UPDATE instance_changes SET change_count = change_count + 1 WHERE instance_id = ?"})
    void queriesSessionSettingsAndBookkeepingDoNotWrite(String sql) {
        assertThat(WriteStatements.mayWrite(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update services set description=? where id=? and stamp_id=?",
        "insert into jobs (id) values (?)",
        "DELETE FROM services WHERE subscription_id = ?",
        "merge into stamps key(id) values (?, ?)",
        "TRUNCATE TABLE jobs",
        "WITH picked AS (SELECT id FROM jobs WHERE status = 'Queued' FOR UPDATE SKIP LOCKED)"
            + " UPDATE jobs SET status = 'Running' FROM picked WHERE jobs.id = picked.id",
        "with gone as (delete from jobs returning id) select count(*) from gone",
        "RUNSCRIPT FROM 'schema.sql'",
        "CREATE TABLE t (id INT)",
        "ALTER TABLE services ADD COLUMN x INT",
        "CALL some_procedure()",
        ""})
    void everythingElseMayWrite(String sql) {
        assertThat(WriteStatements.mayWrite(sql)).isTrue();
    }
}
