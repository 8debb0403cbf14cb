package io.localpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.HttpTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With authentication on, an unknown control-plane path is the control plane's 404, not an ASM 403 (issue 23). */
@TestPropertySource(properties = {
        "localpack.auth.mode=bearer",
        "localpack.auth.secret=a-shared-secret-of-at-least-32-bytes!!",
        "localpack.auth.admin-password=" + ControlPlaneNotFoundInAuthModeTest.ADMIN_PASSWORD})
class ControlPlaneNotFoundInAuthModeTest extends HttpTestSupport {

    static final String ADMIN_PASSWORD = "admin-pass-for-tests";

    @Test
    void anUnknownControlPlanePathIsItsOwn404() {
        String admin = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Response response = sendNamingNoVersion("GET", base + "/_localpack/nothing-here", null, "Authorization", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("NotFound");

        Response badMethod = sendNamingNoVersion("DELETE", base + "/_localpack/health", null, "Authorization", admin);
        assertThat(badMethod.status()).as(badMethod.body()).isEqualTo(405);
        assertThat(badMethod.json().get("error").get("code").asText()).isEqualTo("MethodNotAllowed");
    }
}
