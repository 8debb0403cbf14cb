package io.localpack.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a field, configured in code: a named fixture set, bearer auth, and no reset between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {

    private static final String MINIMAL_TENANT = "0d3c5e7a-9b1f-4a2c-8e6d-4f0a2b8c6e1d";

    @RegisterExtension
    static LocalPackExtension localPack = new LocalPackExtension()
            .fixtureSet("minimal")
            .resetBetweenTests(false)
            .property("localpack.auth.mode", "bearer");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void theNamedSetIsLoadedAndTenantsNeedTheirToken() throws Exception {
        assertThat(get("Clouds", null).statusCode()).isEqualTo(401);
        HttpResponse<String> clouds = get("Clouds", localPack.client().bearerToken(MINIMAL_TENANT));
        assertThat(clouds.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(clouds.body()).path("value").findValuesAsText("Name"))
                .containsExactly("Minimal Cloud");
        assertThat(localPack.client().info().path("authMode").asText()).isEqualTo("bearer");
    }

    @Test
    @Order(2)
    void keepsTheJournalBetweenTestsWhenToldNotToReset() {
        assertThat(localPack.client().journal().entries()).isNotEmpty();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(localPack.client().tenantEndpoint(MINIMAL_TENANT).resolve(path))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
