package io.localpack.asm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.testsupport.Fixtures;
import io.localpack.testsupport.InMemoryRepository;
import io.localpack.tenancy.SubscriptionLookup;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What {@link CloudServiceLifecycle} refuses before it queues anything: swaps whose slots do not hold what the caller says,
 * status changes and role-instance actions on a deployment in the wrong state, and unknown subscriptions, services,
 * deployments and instances. No Spring and no HTTP: hosted services live in a map, and the one table the domain
 * still reads with SQL ({@code subscriptions}) in a private in-memory H2 database.
 */
class CloudServiceRefusalsTest {

    private static final UUID TENANT = Fixtures.FABRIKAM_ID;
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2014-10-27T11:24:18Z");

    /** Read only (the subscription check), so one per class. */
    private static SingleConnectionDataSource database;

    private final Map<UUID, HostedService> hostedServices = new HashMap<>();
    private CloudServiceLifecycle cloudServices;
    private HostedService service;

    @BeforeAll
    static void subscriptionsTable() {
        database = new SingleConnectionDataSource("jdbc:h2:mem:asm-refusals-" + UUID.randomUUID(), "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE subscriptions (id UUID PRIMARY KEY)");
        jdbc.update("INSERT INTO subscriptions (id) VALUES (?)", TENANT);
    }

    @AfterAll
    static void dropDatabase() {
        database.destroy();
    }

    @BeforeEach
    void fabrikamWebWithARunningProductionAndASuspendedStagingDeployment() {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        HostedServiceRepository repository = InMemoryRepository.of(HostedServiceRepository.class, hostedServices,
                HostedService::getId, Map.of("findBySubscriptionIdAndNameKey", args -> hostedServices.values().stream()
                        .filter(s -> s.getSubscriptionId().equals(args[0]))
                        .filter(s -> HostedService.nameKey(s.getServiceName()).equals(args[1])).findFirst()));
        // No JobService (it needs the job engine's database): every refusal must come before a job is queued.
        ObjectMapper json = new ObjectMapper();
        CloudServices reads = new CloudServices(repository, null, new SubscriptionLookup(jdbc), json, jdbc);
        cloudServices = new CloudServiceLifecycle(reads, repository, null, null, jdbc, json);

        service = new HostedService(UUID.randomUUID(), TENANT, "fabrikam-web", "Fabrikam web", null, "West Europe",
                null, null, null, CREATED);
        hostedServices.put(service.getId(), service);
        Deployment production = deployment(DeploymentSlot.Production, "web-prod", "Running");
        production.getRoleInstances().add(new RoleInstance(production, 0, "WebRole", 0, "ReadyRole", "Started",
                "10.0.0.4"));
        deployment(DeploymentSlot.Staging, "web-stage", "Suspended");
    }

    private Deployment deployment(DeploymentSlot slot, String name, String status) {
        Deployment deployment = new Deployment(UUID.randomUUID(), service, slot, name, "label", "http://x/", "<cfg/>",
                null, status, null, CREATED);
        service.getDeployments().add(deployment);
        return deployment;
    }

    private static void refused(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    // ---- swap ------------------------------------------------------------------------------------------------

    @Test
    void aSwapNeedsASourceDeployment() {
        for (String source : new String[] {null, " "}) {
            refused(() -> cloudServices.swap(TENANT, UUID.randomUUID(), "fabrikam-web", "web-prod", source),
                    "BadRequest", "SourceDeployment is required.");
        }
    }

    @Test
    void theSourceMustBeTheDeploymentInStaging() {
        refused(() -> cloudServices.swap(TENANT, UUID.randomUUID(), "fabrikam-web", null, "web-prod"),
                "ConflictError", "The deployment web-prod is not in the staging slot of fabrikam-web.");
    }

    @Test
    void theProductionNamedByTheCallerMustBeTheOneInProduction() {
        refused(() -> cloudServices.swap(TENANT, UUID.randomUUID(), "fabrikam-web", "web-old", "web-stage"),
                "ConflictError", "The deployment web-old is not in the production slot of fabrikam-web.");
    }

    @Test
    void anEmptyStagingSlotHasNothingToSwap() {
        service.getDeployments().removeIf(d -> d.getSlot() == DeploymentSlot.Staging);

        refused(() -> cloudServices.swap(TENANT, UUID.randomUUID(), "fabrikam-web", "web-prod", "web-stage"),
                "ConflictError", "The deployment web-stage is not in the staging slot of fabrikam-web.");
    }

    // ---- status and role instances ------------------------------------------------------------------------------

    @Test
    void aStatusChangesOnlyFromRunningOrSuspended() {
        for (String transitional : new String[] {"Deploying", "Suspending", "Starting", "Deleting"}) {
            service.getDeployments().clear();
            deployment(DeploymentSlot.Staging, "web-stage", transitional);

            refused(() -> cloudServices.updateStatus(TENANT, UUID.randomUUID(), "fabrikam-web",
                            Commands.DeploymentRef.bySlot(DeploymentSlot.Staging), Commands.RequestedStatus.Running),
                    "ConflictError", "The deployment web-stage is " + transitional
                            + "; its status can change only when it is Running or Suspended.");
        }
    }

    @Test
    void aRoleInstanceIsRebootedOnlyWhileItsDeploymentRuns() {
        Deployment staging = service.getDeployments().stream().filter(d -> d.getSlot() == DeploymentSlot.Staging)
                .findFirst().orElseThrow();
        staging.getRoleInstances().add(new RoleInstance(staging, 0, "WebRole", 0, "StoppedVM", "Stopped",
                "10.0.0.5"));

        refused(() -> cloudServices.roleInstance(TENANT, UUID.randomUUID(), "fabrikam-web",
                        Commands.DeploymentRef.byName("web-stage"), "WebRole_IN_0", Commands.RoleInstanceAction.Reboot),
                "ConflictError", "The deployment web-stage is Suspended; role instances can be rebooted or reimaged "
                        + "only while it is Running.");
    }

    @Test
    void anUnknownRoleInstanceIsNotFound() {
        refused(() -> cloudServices.roleInstance(TENANT, UUID.randomUUID(), "fabrikam-web",
                        Commands.DeploymentRef.bySlot(DeploymentSlot.Production), "WebRole_IN_9",
                        Commands.RoleInstanceAction.Reimage),
                "ResourceNotFound", "The role instance WebRole_IN_9 was not found in deployment web-prod.");
    }

    // ---- what does not exist ----------------------------------------------------------------------------------

    @Test
    void anUnknownSubscriptionFailsAuthentication() {
        UUID stranger = UUID.fromString("00000000-0000-0000-0000-000000000001");

        refused(() -> cloudServices.swap(stranger, UUID.randomUUID(), "fabrikam-web", null, "web-stage"),
                "AuthenticationFailed", "The subscription " + stranger
                        + " does not exist, or the credentials are not valid for it.");
    }

    @Test
    void anotherTenantsServiceIsAsUnknownAsAMissingOne() {
        hostedServices.clear();
        hostedServices.put(service.getId(), new HostedService(service.getId(), Fixtures.CONTOSO_ID, "fabrikam-web",
                "label", null, "West Europe", null, null, null, CREATED));

        refused(() -> cloudServices.deleteDeployment(TENANT, UUID.randomUUID(), "fabrikam-web",
                        Commands.DeploymentRef.bySlot(DeploymentSlot.Production)),
                "ResourceNotFound", "The hosted service fabrikam-web does not exist.");
    }

    @Test
    void serviceNamesMatchWhateverTheirCaseButDeploymentNamesExactly() {
        refused(() -> cloudServices.deleteDeployment(TENANT, UUID.randomUUID(), "FABRIKAM-WEB",
                        Commands.DeploymentRef.byName("WEB-PROD")),
                "ResourceNotFound", "No deployments were found.");
    }
}
