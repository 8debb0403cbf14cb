package io.localpack.junit5;

import io.localpack.client.LocalPackClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalPackTest}; also usable as a field, configured in code:
 * <pre>{@code
 * @RegisterExtension
 * static LocalPackExtension localPack = new LocalPackExtension().fixtureSet("minimal").resetBetweenTests(false);
 * }</pre>
 * One server per test class, started before its first test and stopped after its last; before every test method
 * but the first it is reset to its fixtures (unless told not to), which also clears fault rules, timing modes and
 * the journal.
 */
public class LocalPackExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPackExtension.class);
    private static final String SERVER = "server";

    /** Settings given in code (a {@code @RegisterExtension} field); null: read {@link LocalPackTest} on the class. */
    private LocalPackSettings settings;
    private LocalPackServer server;

    public LocalPackExtension() {
    }

    public LocalPackExtension fixtureSet(String name) {
        settings = settings().withFixtureSet(name);
        return this;
    }

    public LocalPackExtension fixtures(String... locations) {
        settings = settings().withFixtures(List.of(locations));
        return this;
    }

    public LocalPackExtension resetBetweenTests(boolean reset) {
        settings = settings().withResetBetweenTests(reset);
        return this;
    }

    public LocalPackExtension instantJobs(boolean instant) {
        settings = settings().withInstantJobs(instant);
        return this;
    }

    public LocalPackExtension property(String key, String value) {
        settings = settings().withProperty(key, value);
        return this;
    }

    /** The running server's handle; available from {@code @BeforeAll} on. */
    public LocalPackClient client() {
        if (server == null) {
            throw new IllegalStateException("LocalPack is not running: the extension starts it before the test class");
        }
        return server.client();
    }

    private LocalPackSettings settings() {
        return settings == null ? LocalPackSettings.DEFAULT : settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalPackSettings effective = settings != null ? settings : fromAnnotation(context);
        // The store closes the server after the class, also when a later callback fails.
        server = context.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> LocalPackServer.start(effective),
                LocalPackServer.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalPackServer running = running(context);
        if (running.settings().resetBetweenTests() && !running.freshForNextTest()) {
            running.client().reset();
        }
        running.markUsed();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPackClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalPackServer running = running(context);
        if (running == null) {
            throw new ParameterResolutionException("LocalPack is not running for " + context.getDisplayName());
        }
        return running.client();
    }

    private static LocalPackServer running(ExtensionContext context) {
        // Nested test classes use the enclosing class's server: the store is searched upwards.
        return context.getStore(NAMESPACE).get(SERVER, LocalPackServer.class);
    }

    private static LocalPackSettings fromAnnotation(ExtensionContext context) {
        Optional<LocalPackTest> annotation = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, LocalPackTest.class));
        if (annotation.isEmpty()) {
            return LocalPackSettings.DEFAULT;
        }
        LocalPackTest a = annotation.get();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : a.properties()) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("@LocalPackTest(properties) takes key=value, not '" + pair + "'");
            }
            properties.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new LocalPackSettings(a.fixtureSet(), new ArrayList<>(Arrays.asList(a.fixtures())),
                a.resetBetweenTests(), a.instantJobs(), properties);
    }
}
