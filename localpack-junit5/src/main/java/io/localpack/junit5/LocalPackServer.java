package io.localpack.junit5;

import io.localpack.LocalPackApplication;
import io.localpack.client.LocalPackClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One LocalPack started in this JVM, closed by JUnit's store when its test class is done. */
final class LocalPackServer implements ExtensionContext.Store.CloseableResource {

    private static final String ADMIN_USER = "admin";

    private final LocalPackSettings settings;
    private final ConfigurableApplicationContext context;
    private final LocalPackClient client;
    /** True until the first test method has run: a fresh server needs no reset. */
    private boolean fresh = true;

    private LocalPackServer(LocalPackSettings settings, ConfigurableApplicationContext context, LocalPackClient client) {
        this.settings = settings;
        this.context = context;
        this.client = client;
    }

    static LocalPackServer start(LocalPackSettings settings) {
        // A password of this run only, so the control plane works in every auth mode and nothing is written to disk.
        String adminPassword = UUID.randomUUID().toString();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        // The test's output is the user's: LocalPack only speaks up when something is wrong (a property overrides it).
        properties.put("logging.level.root", "WARN");
        properties.put("localpack.auth.admin-user", ADMIN_USER);
        properties.put("localpack.auth.admin-password", adminPassword);
        if (settings.instantJobs()) {
            properties.put("localpack.jobs.duration-factor", "0");
        }
        if (!settings.fixtures().isEmpty()) {
            properties.put("localpack.fixtures.locations", String.join(",", settings.fixtures()));
        } else if (!settings.fixtureSet().isBlank()) {
            properties.put("localpack.fixtures.locations", "classpath:db/fixture-sets/" + settings.fixtureSet());
        }
        properties.putAll(settings.properties());
        // As command-line arguments: they win over the application.yml inside the server's jar (default properties
        // would not).
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalPackApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String scheme = context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        LocalPackClient client = new LocalPackClient(URI.create(scheme + "://localhost:" + port + "/"), ADMIN_USER,
                adminPassword);
        return new LocalPackServer(settings, context, client);
    }

    LocalPackSettings settings() {
        return settings;
    }

    LocalPackClient client() {
        return client;
    }

    boolean freshForNextTest() {
        return fresh;
    }

    void markUsed() {
        fresh = false;
    }

    @Override
    public void close() {
        context.close();
    }
}
