package io.localpack.admin.ui;

import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.Browsers;
import io.localpack.testsupport.HttpTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard with authentication on (mode bearer; the same settings as BearerModeTest, so the same server): it
 * needs the admin credential, a tenant's token never opens it, its state-changing requests need the page's CSRF
 * token even with the admin credential, it sends the usual security headers, and the rest of the control plane
 * refuses a state-changing request a browser marks as cross-site. In a real browser: without the credential nothing
 * of the page is served; with it, the page works, event stream included.
 */
@TestPropertySource(properties = {
        "localpack.auth.mode=bearer",
        "localpack.auth.secret=a-shared-secret-of-at-least-32-bytes!!",
        "localpack.auth.admin-password=admin-pass-for-tests",
        "localpack.cors.allowed-origins=https://portal.example",
        "logging.level.org.springframework.security=DEBUG"})
class DashboardSecurityTest extends HttpTestSupport {

    private static final String ADMIN = basic("admin", "admin-pass-for-tests");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private static ChromeDriver browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void withoutTheAdminCredentialNothingOpens() {
        for (String path : List.of("/_localpack/ui/", "/_localpack/ui/api/overview", "/_localpack/ui/api/events",
                "/_localpack/ui/assets/app.js", "/_localpack/ui/api/journal")) {
            Response refused = send("GET", base + path, null, "Accept", "*/*");
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).as(path).startsWith("Basic realm=\"LocalPack admin\"");
            assertThat(refused.body()).as(path).doesNotContain("csrf-token").doesNotContain("Fabrikam");
        }
        assertThat(send("GET", base + "/_localpack/ui/", null, "Authorization", basic("admin", "wrong")).status())
                .isEqualTo(401);
    }

    @Test
    void aTenantsTokenNeverOpensIt() {
        Response minted = send("POST", base + "/_localpack/tokens", "{\"user\":\"tenant@fabrikam.com\","
                + "\"subscriptions\":[\"" + FABRIKAM + "\"]}", "Authorization", ADMIN, "Content-Type", "application/json");
        assertThat(minted.status()).isEqualTo(200);
        String tenant = "Bearer " + minted.json().path("token").asText();
        assertThat(get(vmm(FABRIKAM) + "/Services", "Authorization", tenant).status()).as("the token works").isEqualTo(200);
        for (String path : List.of("/_localpack/ui/", "/_localpack/ui/api/overview",
                "/_localpack/ui/api/resources/services?subscription=" + FABRIKAM)) {
            assertThat(send("GET", base + path, null, "Authorization", tenant).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void stateChangingRequestsNeedTheCsrfTokenEvenWithTheAdminCredential() {
        List<String> before = databaseSnapshot();
        String reset = base + "/_localpack/ui/api/actions/reset/" + FABRIKAM;
        Response noToken = send("POST", reset, null, "Authorization", ADMIN);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().path("error").path("field").asText()).isEqualTo("X-XSRF-TOKEN");
        Response forgedToken = send("POST", reset, null, "Authorization", ADMIN, "X-XSRF-TOKEN", "guessed",
                "Cookie", "XSRF-TOKEN=guessed-too");
        assertThat(forgedToken.status()).isEqualTo(403);
        assertThat(databaseSnapshot()).isEqualTo(before);

        // the page's token, with the cookie the page set: accepted
        Response page = send("GET", base + "/_localpack/ui/", null, "Authorization", ADMIN);
        assertThat(page.status()).isEqualTo(200);
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookie = page.header("Set-Cookie").split(";")[0];
        Response accepted = send("POST", reset, null, "Authorization", ADMIN, "X-XSRF-TOKEN", token.group(1),
                "Cookie", cookie);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("scope").asText()).isEqualTo(FABRIKAM);
        assertThat(page.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/_localpack/ui");
    }

    @Test
    void thePageSendsTheUsualSecurityHeaders() {
        Response page = send("GET", base + "/_localpack/ui/", null, "Authorization", ADMIN);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Cache-Control")).contains("no-store");
    }

    @Test
    void theControlPlaneRefusesStateChangesABrowserMarksAsCrossSite() {
        List<String> before = databaseSnapshot();
        String reset = base + "/_localpack/reset/" + FABRIKAM;
        Response crossSite = send("POST", reset, null, "Authorization", ADMIN, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().path("error").path("code").asText()).isEqualTo("CrossSiteRequest");
        Response otherOrigin = send("POST", reset, null, "Authorization", ADMIN, "Origin", "https://evil.example");
        assertThat(otherOrigin.status()).isEqualTo(403);
        assertThat(databaseSnapshot()).isEqualTo(before);
        // curl and test suites (no Origin), this server's own origin and the configured CORS origin still work
        assertThat(send("POST", reset, null, "Authorization", ADMIN).status()).isEqualTo(200);
        assertThat(send("POST", reset, null, "Authorization", ADMIN, "Origin", "http://localhost:" + port,
                "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(send("POST", reset, null, "Authorization", ADMIN, "Origin", "https://portal.example").status())
                .isEqualTo(200);
    }

    @Test
    void inABrowserTheCredentialOpensThePageAndItsEventStream() {
        Browsers.requireOrSkip();
        browser = Browsers.start();
        // without the credential (another origin, so nothing is cached): the page's markup never arrives
        browser.get("http://127.0.0.1:" + port + "/_localpack/ui/");
        assertThat(browser.findElements(By.id("view"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("csrf-token");

        // the admin credential on every request the page makes (page, script, fetches, event stream), as a browser
        // sends it once the user answered its Basic prompt
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", ADMIN)));
        browser.get("http://localhost:" + port + "/_localpack/ui/");
        WebElement auth = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("[data-card=auth] .value")).stream().findFirst().orElse(null));
        assertThat(auth.getText()).isEqualTo("bearer");
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the event stream to open")
                .until(d -> d.findElement(By.id("live")).getText().equals("Live"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
