package io.localpack.readcache;

import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static io.localpack.testsupport.Fixtures.WEB_STORE_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.LocalPackApplication;
import io.localpack.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database (H2 here, PostgreSQL in the PostgreSQL suite): an answer one instance keeps is not
 * given once the other has changed the data; the next read shows the change.
 */
class ReusableAnswersClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aWriteOnOneInstanceIsSeenByTheNextReadOnTheOther() throws Exception {
        String database = "answers_" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext writer = start(database);
        ConfigurableApplicationContext reader = start(database);
        ReusableAnswers readerAnswers = reader.getBean(ReusableAnswers.class);

        assertThat(description(reader)).isNotEqualTo("changed on the other instance");
        long given = readerAnswers.given();
        String kept = description(reader);
        assertThat(readerAnswers.given()).as("the second read was the kept answer").isEqualTo(given + 1);

        HttpResponse<String> patch = TestHttp.send("PATCH", service(writer),
                "{\"Description\":\"changed on the other instance\"}",
                List.of("OData-MaxVersion", "4.0", "Content-Type", "application/json"));
        assertThat(patch.statusCode()).isEqualTo(204);

        assertThat(description(reader)).isEqualTo("changed on the other instance").isNotEqualTo(kept);
    }

    private String description(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> read = TestHttp.send("GET", service(instance), null,
                List.of("OData-MaxVersion", "4.0", "Accept", "application/json"));
        assertThat(read.statusCode()).isEqualTo(200);
        return JSON.readTree(read.body()).get("Description").asText();
    }

    private static String service(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + "/" + FABRIKAM
                + "/services/systemcenter/vmm/Services(ID=guid'" + WEB_STORE_SERVICE + "',StampId=guid'" + EAST_STAMP
                + "')";
    }

    private ConfigurableApplicationContext start(String database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalPackApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--localpack.test.shared-database=" + database,
                "--localpack.jobs.duration-factor=0");
        instances.add(context);
        return context;
    }
}
