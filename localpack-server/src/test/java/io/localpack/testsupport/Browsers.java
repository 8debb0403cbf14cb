package io.localpack.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium for browser tests, driven offline by Selenium: Debian's {@code chromium} and
 * {@code chromium-driver} (or {@code LOCALPACK_CHROMIUM} / {@code LOCALPACK_CHROMEDRIVER}), never a download.
 *
 * <p>Call {@link #requireOrSkip()} in {@code @BeforeEach} (in {@code @BeforeAll} a skip reports "0 tests"): without
 * a browser each test is skipped with the install line, unless {@code LOCALPACK_REQUIRE_BROWSER=true} (CI, where
 * {@code .ci/run} installed it), where it fails.
 */
public final class Browsers {

    public static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver";

    private Browsers() {
    }

    /** Skips (or, when browsers are required, fails) the running test when no browser is installed. */
    public static void requireOrSkip() {
        if (binaries().isPresent()) {
            return;
        }
        String message = "No headless browser: Chromium and its driver are needed for the dashboard's browser tests ("
                + INSTALL + ")";
        if ("true".equalsIgnoreCase(System.getenv("LOCALPACK_REQUIRE_BROWSER"))) {
            Assertions.fail(message + "; LOCALPACK_REQUIRE_BROWSER=true says they must run");
        }
        Assumptions.abort(message);
    }

    /** A new headless browser whose console messages can be read ({@code driver.manage().logs()}). */
    public static ChromeDriver start() {
        Path[] found = binaries().orElseThrow();
        System.setProperty("SE_OFFLINE", "true"); // no Selenium Manager lookups; the binaries are given below
        ChromeOptions options = new ChromeOptions();
        options.setBinary(found[0].toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(found[1].toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The browser and its driver, when both are installed. */
    static Optional<Path[]> binaries() {
        Optional<Path> browser = first(System.getenv("LOCALPACK_CHROMIUM"), "/usr/bin/chromium",
                "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> driver = first(System.getenv("LOCALPACK_CHROMEDRIVER"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Path[] {browser.get(), driver.get()}) : Optional.empty();
    }

    private static Optional<Path> first(String... candidates) {
        return java.util.Arrays.stream(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
