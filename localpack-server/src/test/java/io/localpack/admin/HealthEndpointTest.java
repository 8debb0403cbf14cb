package io.localpack.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.LocalPackServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The health endpoint the container health checks use, and nothing else of Actuator on the wire. */
@LocalPackServerTest
class HealthEndpointTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUpUnderTheAdminPrefix() {
        ResponseEntity<String> response = http.getForEntity("/_localpack/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(http.getForEntity("/_localpack/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/_localpack/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
