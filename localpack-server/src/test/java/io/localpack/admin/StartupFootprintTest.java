package io.localpack.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.testsupport.LocalPackServerTest;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The auto-configurations excluded for start-up time (issue 20, config/application.yml) stay out: each would bring
 * back classes and beans at every start, and LocalPack uses none of them.
 */
@LocalPackServerTest
class StartupFootprintTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ServletContext servletContext;

    @Test
    void noMetricsOrObservationMachinery() {
        assertThat(context.getBeanNamesForType(io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.micrometer.observation.ObservationRegistry.class)).isEmpty();
        assertThat(context.containsBean("webMvcObservationFilter")).isFalse();
    }

    @Test
    void noWebSocketContainerNorHttpClientBuilders() {
        assertThat(servletContext.getAttribute("jakarta.websocket.server.ServerContainer")).isNull();
        assertThat(context.getBeanNamesForType(org.springframework.boot.web.client.RestTemplateBuilder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.web.client.RestClient.Builder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.jdbc.core.simple.JdbcClient.class)).isEmpty();
    }

    @Test
    void noBeanValidation() {
        // nothing in LocalPack declares a constraint: a validator would only cost its start, and Hibernate would run
        // it on every entity it writes
        assertThat(context.getBeanNamesForType(
                org.springframework.validation.beanvalidation.LocalValidatorFactoryBean.class)).isEmpty();
        assertThat(getClass().getClassLoader().getResource("org/hibernate/validator/HibernateValidator.class")).isNull();
    }

    @Test
    void whatLocalPackUsesIsStillThere() {
        // the same context still has the JDBC template, the health endpoint and the API docs it had before
        assertThat(context.getBeanNamesForType(org.springframework.jdbc.core.JdbcTemplate.class)).isNotEmpty();
        assertThat(context.containsBean("healthEndpoint")).isTrue();
        assertThat(context.getBeanNamesForType(org.springdoc.core.properties.SpringDocConfigProperties.class))
                .isNotEmpty();
    }
}
