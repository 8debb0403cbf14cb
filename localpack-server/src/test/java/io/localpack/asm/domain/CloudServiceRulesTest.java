package io.localpack.asm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.jobs.JobFailedException;
import io.localpack.jobs.JobHandler;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cloud-service rules that need neither Spring nor HTTP: field validation, slots and their
 * URLs, and how a refusal inside a job becomes the job's error. Refusals are checked by their ASM code and message;
 * the HTTP status is the web layer's business.
 */
class CloudServiceRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-02T03:04:05Z");

    /** Asserts a BadRequest refusal with exactly this message. */
    private static void refused(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.code()).isEqualTo("BadRequest");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static Commands.CreateHostedService create(String name, String label, String location, String group,
            Map<String, String> properties) {
        return new Commands.CreateHostedService(name, label, null, location, group, null, properties);
    }

    @Nested
    class CreateHostedService {

        @ParameterizedTest
        @ValueSource(strings = {"a", "fabrikam-web", "A1", "x23456789012345678901234567890123456789012345678901234567890123"})
        void acceptsOneTo63LettersDigitsAndInnerHyphens(String name) {
            assertThat(Validation.serviceNameProblem(name)).isNull();
            assertThatCode(() -> Validation.createHostedService(create(name, "label", "West Europe", null, null)))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-web", "web-", "we b", "web_1", "x234567890123456789012345678901234567890123456789012345678901234"})
        void refusesOtherNames(String name) {
            refused(() -> Validation.createHostedService(create(name, "label", "West Europe", null, null)),
                    "The hosted service name is invalid: use 1 to 63 letters, digits and hyphens, starting and "
                            + "ending with a letter or digit.");
        }

        @Test
        void needsAName() {
            refused(() -> Validation.createHostedService(create("", "label", "West Europe", null, null)),
                    "ServiceName is required.");
            assertThat(Validation.serviceNameProblem(null)).isEqualTo("ServiceName is required.");
        }

        @Test
        void needsALabelOfAtMost100Characters() {
            refused(() -> Validation.createHostedService(create("web", null, "West Europe", null, null)),
                    "Label is required.");
            refused(() -> Validation.createHostedService(create("web", "x".repeat(101), "West Europe", null, null)),
                    "Label must be at most 100 characters.");
        }

        @Test
        void needsExactlyOneOfLocationAndAffinityGroup() {
            String message = "Exactly one of Location or AffinityGroup is required.";
            refused(() -> Validation.createHostedService(create("web", "label", null, null, null)), message);
            refused(() -> Validation.createHostedService(create("web", "label", " ", "", null)), message);
            refused(() -> Validation.createHostedService(create("web", "label", "West Europe", "group", null)),
                    message);
            assertThatCode(() -> Validation.createHostedService(create("web", "label", null, "group", null)))
                    .doesNotThrowAnyException();
        }

        @Test
        void acceptsAtMost50WellNamedExtendedProperties() {
            assertThatCode(() -> Validation.createHostedService(create("web", "label", "West Europe", null,
                    properties(50)))).doesNotThrowAnyException();
            refused(() -> Validation.createHostedService(create("web", "label", "West Europe", null, properties(51))),
                    "At most 50 ExtendedProperties are allowed.");
            refused(() -> Validation.createHostedService(create("web", "label", "West Europe", null,
                    Map.of("1st", "v"))), "ExtendedProperty name '1st' is invalid: up to 64 letters, digits and "
                    + "underscores, starting with a letter.");
            refused(() -> Validation.createHostedService(create("web", "label", "West Europe", null,
                    Map.of("Owner", "v".repeat(256)))), "ExtendedProperty Owner value must be at most 255 characters.");
        }
    }

    @Nested
    class UpdateHostedService {

        @Test
        void needsSomethingToChange() {
            refused(() -> Validation.updateHostedService(new Commands.UpdateHostedService(null, null, null, Map.of())),
                    "Specify at least one of Label, Description, ExtendedProperties or ReverseDnsFqdn.");
        }

        @Test
        void checksOnlyWhatIsGiven() {
            assertThatCode(() -> Validation.updateHostedService(
                    new Commands.UpdateHostedService(null, "new description", null, null))).doesNotThrowAnyException();
            refused(() -> Validation.updateHostedService(new Commands.UpdateHostedService("", null, null, null)),
                    "Label is required.");
            refused(() -> Validation.updateHostedService(
                    new Commands.UpdateHostedService(null, "d".repeat(1025), null, null)),
                    "Description must be at most 1024 characters.");
        }
    }

    @Nested
    class CreateDeployment {

        private Commands.CreateDeployment deployment(String name, String packageUrl, String configuration,
                Map<String, String> properties) {
            return new Commands.CreateDeployment(name, packageUrl, "label", configuration, true, properties);
        }

        @Test
        void needsNamePackageUrlAndConfigurationWithinTheirLimits() {
            String url = "https://store/package.cspkg";
            refused(() -> Validation.createDeployment(deployment(" ", url, "<cfg/>", null)), "Name is required.");
            refused(() -> Validation.createDeployment(deployment("n".repeat(101), url, "<cfg/>", null)),
                    "Name must be at most 100 characters.");
            refused(() -> Validation.createDeployment(deployment("v1", null, "<cfg/>", null)),
                    "PackageUrl is required.");
            refused(() -> Validation.createDeployment(deployment("v1", "u".repeat(2049), "<cfg/>", null)),
                    "PackageUrl must be at most 2048 characters.");
            refused(() -> Validation.createDeployment(deployment("v1", url, "", null)), "Configuration is required.");
            assertThatCode(() -> Validation.createDeployment(deployment("v1", url, "<cfg/>", null)))
                    .doesNotThrowAnyException();
        }

        @Test
        void allowsFewerExtendedPropertiesThanAHostedService() {
            String url = "https://store/package.cspkg";
            assertThatCode(() -> Validation.createDeployment(deployment("v1", url, "<cfg/>", properties(25))))
                    .doesNotThrowAnyException();
            refused(() -> Validation.createDeployment(deployment("v1", url, "<cfg/>", properties(26))),
                    "At most 25 ExtendedProperties are allowed.");
        }
    }

    @Nested
    class Slots {

        @Test
        void slotNamesArriveInAnyCaseAndAnswerAsClientsSpellThem() {
            assertThat(DeploymentSlot.parse("production")).contains(DeploymentSlot.Production);
            assertThat(DeploymentSlot.parse("STAGING")).contains(DeploymentSlot.Staging);
            assertThat(DeploymentSlot.parse("prod")).isEmpty();
            assertThat(DeploymentSlot.Production.name()).isEqualTo("Production");
        }

        @Test
        void aSwapMovesEachSlotToTheOther() {
            assertThat(DeploymentSlot.Production.other()).isEqualTo(DeploymentSlot.Staging);
            assertThat(DeploymentSlot.Staging.other()).isEqualTo(DeploymentSlot.Production);
        }

        @Test
        void productionIsReachedByTheServiceNameAndStagingByThePrivateId() {
            HostedService service = new HostedService(UUID.randomUUID(), UUID.randomUUID(), "Fabrikam-Web", "label",
                    null, "West Europe", null, null, null, NOW);
            UUID id = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
            Deployment staged = new Deployment(id, service, DeploymentSlot.Staging, "v2", "label", "unused", "<cfg/>",
                    null, "Running", null, NOW);

            assertThat(staged.getPrivateId()).isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
            assertThat(CloudServiceTransitions.url(service, DeploymentSlot.Staging, staged.getPrivateId()))
                    .isEqualTo("http://0f1e2d3c4b5a69788796a5b4c3d2e1f0.cloudapp.net/");
            assertThat(CloudServiceTransitions.url(service, DeploymentSlot.Production, staged.getPrivateId()))
                    .isEqualTo("http://Fabrikam-Web.cloudapp.net/");
        }

        @Test
        void serviceNamesAreUniqueWhateverTheirCase() {
            assertThat(HostedService.nameKey("Fabrikam-WEB")).isEqualTo(HostedService.nameKey("fabrikam-web"))
                    .isEqualTo("fabrikam-web");
        }
    }

    @Test
    void aRefusalInsideAJobFailsTheJobWithItsAsmCodeAndMessage() {
        JobHandler handler = CloudServiceJobHandlers.handler("asm.test", execution -> {
            throw CloudServiceException.conflict("The specified DNS name is already taken.");
        }, null);

        // The step ignores its execution: the wrapper alone decides how the refusal becomes the job's error.
        assertThatThrownBy(() -> handler.run(null)).isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.error().name()).isEqualTo("ConflictError");
            assertThat(e.error().problem()).isEqualTo("The specified DNS name is already taken.");
            assertThat(e.error().terminating()).isTrue();
        });
        assertThat(handler.kind()).isEqualTo("asm.test");
    }

    private static Map<String, String> properties(int count) {
        Map<String, String> properties = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> properties.put("P" + i, "v"));
        return properties;
    }
}
