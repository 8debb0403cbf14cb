package io.localpack.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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
}
