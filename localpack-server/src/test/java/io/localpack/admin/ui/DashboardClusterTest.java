package io.localpack.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.LocalPackApplication;
import io.localpack.testsupport.Await;
import io.localpack.testsupport.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two LocalPack instances on one database (H2 here, PostgreSQL in the PostgreSQL suite): a change made through the
 * API of one, without a job, reaches a dashboard page open on the other within two seconds, through the change
 * counters and not through any job or per-row scan; the page's own instance does not echo its own changes.
 */
class DashboardClusterTest {

    private static final Duration LIVE = Duration.ofSeconds(2);
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aChangeOnAnotherInstanceWithoutAJobReachesTheOpenPageWithinTwoSeconds() throws Exception {
        String database = "dash_" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext a = start(database);
        ConfigurableApplicationContext b = start(database);
        String idOfA = a.getBean(InstanceChanges.class).instanceId();
        String idOfB = b.getBean(InstanceChanges.class).instanceId();

        // a page open on A: its event stream, read line by line on another thread
        HttpResponse<Stream<String>> stream = http.sendAsync(HttpRequest.newBuilder(URI.create(url(a,
                "/_localpack/ui/api/events"))).build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            Iterator<String> lines = stream.body().iterator();
            String event = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6);
                } else if (line.startsWith("data:") && "state".equals(event)) {
                    states.add(line.substring(5));
                }
            }
        });
        reader.setDaemon(true);
        reader.start();
        InstanceChanges watchingOnA = a.getBean(InstanceChanges.class);
        Await.until("A's watcher to note where the instances stand", watchingOnA::watching, Boolean.TRUE::equals);

        // on B, through the API: a fault rule is a state change that runs no job
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        int jobsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class);
        long sent = System.nanoTime();
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(url(b, "/_localpack/faults")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"operation\":\"vmm.service.stop\",\"errorCode\":2602,\"message\":\"cluster test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String event = states.poll(LIVE.toMillis(), TimeUnit.MILLISECONDS);
        long tookMillis = (System.nanoTime() - sent) / 1_000_000;
        assertThat(event).as("a state event on A's stream within %s", LIVE).isNotNull().contains(idOfB);
        assertThat(tookMillis).isLessThan(LIVE.toMillis());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs", Integer.class)).as("no job ran")
                .isEqualTo(jobsBefore);
        // and an API call on B that changes a VMM service (with its job) is seen as well
        HttpResponse<String> described = http.send(HttpRequest.newBuilder(URI.create(url(b, "/" + Fixtures.FABRIKAM
                        + "/services/systemcenter/vmm/Services(ID=" + Fixtures.GATEWAY_SERVICE + ",StampId="
                        + Fixtures.WEST_STAMP + ")"))).header("Content-Type", "application/json")
                        .method("PUT", HttpRequest.BodyPublishers.ofString("{\"Description\":\"changed on B\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(described.statusCode()).as(described.body()).isLessThan(300);
        assertThat(states.poll(LIVE.toMillis(), TimeUnit.MILLISECONDS)).isNotNull().contains(idOfB);

        // A's own change is published by A itself (its journal, its jobs): the counters do not echo it
        states.clear();
        http.send(HttpRequest.newBuilder(URI.create(url(a, "/_localpack/faults"))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        Await.until("A's counter to move", () -> jdbc.queryForList("SELECT change_count FROM instance_changes"
                + " WHERE instance_id = ?", Long.class, idOfA), counts -> !counts.isEmpty() && counts.get(0) > 0);
        Thread.sleep(600); // two more looks of A's watcher
        assertThat(states).noneMatch(data -> data.contains(idOfA));
    }

    private ConfigurableApplicationContext start(String database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalPackApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--localpack.test.shared-database=" + database,
                "--localpack.jobs.poll-interval=20ms",
                "--localpack.jobs.duration-factor=0");
        instances.add(context);
        return context;
    }

    private static String url(ConfigurableApplicationContext context, String path) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path;
    }
}
