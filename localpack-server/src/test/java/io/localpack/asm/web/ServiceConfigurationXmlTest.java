package io.localpack.asm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.asm.domain.CloudServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reading a deployment's .cscfg document: its roles and instance counts, and what is refused (no Spring, no HTTP). */
class ServiceConfigurationXmlTest {

    private final ServiceConfigurationXml configuration = new ServiceConfigurationXml();

    /** Asserts a BadRequest refusal with exactly this message. */
    private static void refused(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.code()).isEqualTo("BadRequest");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static final String NS = "http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration";

    @Test
    void rolesAndInstanceCountsInDocumentOrder() {
        Map<String, Integer> roles = configuration.roles("<ServiceConfiguration xmlns=\"" + NS + "\">"
                + "<Role name=\"WebRole\"><Instances count=\"3\"/></Role>"
                + "<Role name=\"Worker.Role_1\"/>"
                + "</ServiceConfiguration>");

        assertThat(roles).containsExactly(Map.entry("WebRole", 3), Map.entry("Worker.Role_1", 1));
    }

    @Test
    void refusesWhatIsNotAUsableConfiguration() {
        refused(() -> configuration.roles("not xml"), "The service configuration is not valid XML.");
        refused(() -> configuration.roles("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"v\">]>"
                + "<ServiceConfiguration>&e;</ServiceConfiguration>"), "The service configuration is not valid XML.");
        refused(() -> configuration.roles("<Configuration/>"),
                "The service configuration must have a ServiceConfiguration root.");
        refused(() -> configuration.roles("<ServiceConfiguration/>"),
                "The service configuration defines no Role.");
        refused(() -> configuration.roles("<ServiceConfiguration><Role name=\"1st\"/></ServiceConfiguration>"),
                "A Role in the service configuration has no valid name.");
        for (String count : new String[] {"0", "51", "many"}) {
            refused(() -> configuration.roles("<ServiceConfiguration><Role name=\"Web\"><Instances count=\""
                    + count + "\"/></Role></ServiceConfiguration>"),
                    "Role Web must have an Instances count from 1 to 50.");
        }
    }
}
