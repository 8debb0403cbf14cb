package io.localpack.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.jobs.faults.FaultRules;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The batch claim by itself ({@link JobRepository#claimQueued}), with the runner off so that only the test claims:
 * several runners claiming at once (one statement each on PostgreSQL) get every queued job exactly once.
 */
@SpringBootTest(properties = {"localpack.test.context=jobs-claim", "localpack.jobs.enabled=false"})
@TestPropertySource("classpath:localpack-test.properties")
@Import(TestHandlers.class)
class JobClaimTest {

    @Autowired JobService jobs;
    @Autowired JobRepository repository;
    @Autowired JdbcTemplate jdbc;
    @Autowired FaultRules faults;

    @Test
    void runnersClaimingAtOnceGetEveryQueuedJobExactlyOnce() throws Exception {
        jdbc.update("DELETE FROM jobs");
        Set<UUID> queued = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            queued.add(jobs.submit(JobEngineTest.request("test.steps", UUID.randomUUID()).build()).id());
        }
        int runners = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        CountDownLatch start = new CountDownLatch(1);
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        List<UUID> claims = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> done = new ArrayList<>();
        try {
            for (int r = 0; r < runners; r++) {
                String runner = "runner-" + r;
                done.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    int batches = 0;
                    while (true) {
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        List<JobRepository.Claimed> batch = repository.claimQueued(runner, 7, now,
                                now.plusMinutes(1));
                        if (batch.isEmpty()) {
                            return batches;
                        }
                        batches++;
                        assertThat(batch).hasSizeLessThanOrEqualTo(7);
                        for (JobRepository.Claimed c : batch) {
                            claims.add(c.job().id());
                            owners.put(c.job().id(), runner);
                            assertThat(c.job().status()).isEqualTo(JobStatus.Running);
                            assertThat(c.job().startTime()).isNotNull();
                            assertThat(c.job().attempt()).isEqualTo(1);
                            assertThat(c.version()).isEqualTo(1);
                        }
                        assertThat(batch).extracting(c -> c.job().createdTime()).isSorted();
                    }
                }));
            }
            start.countDown();
            int batches = 0;
            for (Future<Integer> f : done) {
                batches += f.get();
            }
            assertThat(batches).isGreaterThanOrEqualTo(300 / 7);
        } finally {
            pool.shutdownNow();
        }

        assertThat(claims).hasSize(300).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claims)).isEqualTo(queued);
        // the rows say who claimed them, as the answers did, and the version the claimer's writes are guarded by
        jdbc.query("SELECT id, lease_owner, status, version FROM jobs", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            assertThat(rs.getString(2)).as("owner of %s", id).isEqualTo(owners.get(id));
            assertThat(rs.getString(3)).isEqualTo("Running");
            assertThat(rs.getInt(4)).isEqualTo(1);
        });
        assertThat(repository.claimQueued("late", 5, OffsetDateTime.now(ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))).isEmpty();
    }

    /** The claim says whether a fault rule could fire, so the runner reads the rules only when one could. */
    @Test
    void aClaimSaysWhetherAFaultRuleCanFire() {
        jdbc.update("DELETE FROM jobs");
        faults.clear();
        try {
            assertThat(claimOne().faultRulesLive()).as("no rules").isFalse();
            UUID counted = faults.add("test.nothing", null, null, 1, "E", "m", "r", 400, 1, 1).id();
            assertThat(claimOne().faultRulesLive()).as("a counted rule with one firing left").isTrue();
            jdbc.update("UPDATE job_fault_rules SET remaining = 0 WHERE id = ?", counted);
            assertThat(claimOne().faultRulesLive()).as("a counted rule used up").isFalse();
            faults.add("test.nothing", null, null, 1, "E", "m", "r", 400, 1, null);
            assertThat(claimOne().faultRulesLive()).as("an uncounted rule").isTrue();
        } finally {
            faults.clear();
        }
    }

    private JobRepository.Claimed claimOne() {
        UUID id = jobs.submit(JobEngineTest.request("test.steps", UUID.randomUUID()).build()).id();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<JobRepository.Claimed> claimed = repository.claimQueued("test", 1, now, now.plusMinutes(1));
        assertThat(claimed).extracting(c -> c.job().id()).containsExactly(id);
        return claimed.get(0);
    }
}
