package io.localpack.vmm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.localpack.tenancy.SubscriptionRepository;
import io.localpack.testsupport.Fixtures;
import io.localpack.testsupport.InMemoryRepository;
import io.localpack.vmm.cloud.CloudRepository;
import io.localpack.vmm.common.ServiceSetting;
import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.template.ServiceTemplate;
import io.localpack.vmm.template.ServiceTemplateRepository;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The VMM service life cycle without Spring, a database or HTTP: where each job leaves a service
 * ({@link ServiceTransitions}), what a tenant may ask for ({@link ServiceLifecycle} refusals, template families) and
 * how changes merge ({@link ServiceManager}). Repositories are maps; the machines are recorded.
 */
class ServiceRulesTest {

    private static final OffsetDateTime ADDED = OffsetDateTime.parse("2014-04-29T16:44:11Z");
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final UUID TENANT = Fixtures.FABRIKAM_ID;
    private static final UUID OTHER_TENANT = Fixtures.CONTOSO_ID;
    private static final UUID WEST = Fixtures.WEST_STAMP_ID;
    private static final UUID EAST = Fixtures.EAST_STAMP_ID;
    private static final UUID JOB = UUID.fromString("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");

    private final Map<VmmKey, Service> services = new HashMap<>();
    private final Map<VmmKey, ServiceTemplate> templates = new HashMap<>();
    /** Templates granted to a tenant: "tenant/template key". */
    private final Set<String> grants = new HashSet<>();
    private final RecordedMachines machines = new RecordedMachines();

    /** lockForJob: the row by key (the lock itself is the database's, tested in ServiceLockTest). */
    private final ServiceRepository serviceRepository = InMemoryRepository.of(ServiceRepository.class, services,
            Service::key, Map.of("lockForJob", args -> Optional.ofNullable(
                    services.get(new VmmKey((UUID) args[0], (UUID) args[1]))),
                    // what its UPDATE of the three columns does
                    "setStatus", args -> Optional.ofNullable(services.get(new VmmKey((UUID) args[0], (UUID) args[1])))
                            .map(service -> {
                                service.setServiceStatus((String) args[2]);
                                service.setOverallStatus((String) args[3]);
                                service.touch((java.time.OffsetDateTime) args[4]);
                                return 1;
                            }).orElse(0)));
    private final ServiceTemplateRepository templateRepository = InMemoryRepository.of(
            ServiceTemplateRepository.class, templates, template -> new VmmKey(template.getId(), template.getStampId()),
            Map.of("findGranted", args -> {
                VmmKey key = new VmmKey((UUID) args[1], (UUID) args[2]);
                return Optional.ofNullable(grants.contains(args[0] + "/" + key) ? templates.get(key) : null);
            }));
    private final ServiceManager manager = new ServiceManager(serviceRepository,
            InMemoryRepository.unused(CloudRepository.class), templateRepository,
            InMemoryRepository.unused(SubscriptionRepository.class), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ServiceTransitions transitions = new ServiceTransitions(serviceRepository, templateRepository,
            manager, machines);
    /**
     * No JobService (it needs the job engine's database): every refusal must come before a job is queued, so a test
     * that reached the queue would fail on it rather than pass.
     */
    private final ServiceLifecycle lifecycle = new ServiceLifecycle(manager, templateRepository, null,
            machines);

    // Two releases of "Network Gateway" on the west stamp, the same name on the east stamp, and another family.
    private final ServiceTemplate gateway1 = template(WEST, "Network Gateway", "1.0",
            setting("External", "ext-default"), setting("Infrastructure", "infra-default"));
    private final ServiceTemplate gateway2 = template(WEST, "Network Gateway", "2.0",
            setting("Infrastructure", "infra-2-default"), setting("Management", "mgmt-default"));
    private final ServiceTemplate eastGateway = template(EAST, "Network Gateway", "2.0");
    private final ServiceTemplate webFarm = template(WEST, "Web Farm", "1.0");

    // ---- where jobs leave a service ------------------------------------------------------------------------------

    @Nested
    class Transitions {

        @Test
        void aFinishedDeploymentIsDeployedRunningAndOkWithItsMachinesRunning() {
            Service service = service(ServiceStates.DEPLOYING, ServiceStates.STATUS_DEPLOYING);

            transitions.deployed(service.key());

            assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING, ServiceStates.OVERALL_OK);
            assertThat(service.getModifiedTime()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
            assertThat(machines.calls).containsExactly("moveTo " + service.key() + " RUNNING");
        }

        @Test
        void stopAndStartChangeTheStatusAndTheMachinesButNotTheDeploymentState() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_STOPPING);

            UUID job = UUID.randomUUID();
            transitions.stopped(service.key(), null);
            assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_STOPPED, ServiceStates.OVERALL_OK);

            transitions.running(service.key(), job);
            assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING, ServiceStates.OVERALL_OK);
            assertThat(machines.calls).containsExactly("moveTo " + service.key() + " STOPPED",
                    "moveTo " + service.key() + " RUNNING by " + job);
        }

        @Test
        void servicingMovesTheServiceToThePendingReleaseKeepingSettingValuesByName() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);
            service.setServiceSettings(List.of(setting("External", "net-ext"),
                    setting("Infrastructure", "net-infra").withValue("secret", true)));

            transitions.servicing(service.key());
            assertThat(service.getDeploymentState()).isEqualTo(ServiceStates.SERVICING);
            assertThat(service.getInServicingMode()).isTrue();

            transitions.serviced(service.key(), gateway2.getId());

            assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING, ServiceStates.OVERALL_OK);
            assertThat(service.getInServicingMode()).isFalse();
            assertThat(service.getServiceTemplateId()).isEqualTo(gateway2.getId());
            assertThat(service.getServiceTemplateRelease()).isEqualTo("2.0");
            assertThat(service.getPendingServiceTemplatePresent()).isFalse();
            // External is not a setting of 2.0: dropped. Infrastructure keeps its value and stays encrypted.
            // Management is new in 2.0: its default.
            assertThat(service.getServiceSettings()).extracting(ServiceSetting::getName, ServiceSetting::getValue,
                    ServiceSetting::getHasEncryptedValue).containsExactly(
                    tuple("Infrastructure", "secret", true),
                    tuple("Management", "mgmt-default", false));
        }

        @Test
        void aFailedDeploymentNeedsAttentionAndItsMachinesFailedCreation() {
            Service service = service(ServiceStates.DEPLOYING, ServiceStates.STATUS_DEPLOYING);

            transitions.failed(service.key(), ServiceLifecycle.DEPLOY, JOB);

            assertState(service, ServiceStates.DEPLOYMENT_FAILED, ServiceStates.STATUS_FAILED,
                    ServiceStates.OVERALL_NEEDS_ATTENTION);
            assertThat(service.getFailedJobId()).isEqualTo(JOB);
            assertThat(machines.calls).containsExactly("recordJob " + service.key() + " " + JOB + " failed " + JOB,
                    "moveTo " + service.key() + " CREATION_FAILED");
        }

        @Test
        void aFailedTemplateUpdateLeavesTheServiceRunningButServicingFailed() {
            Service service = service(ServiceStates.SERVICING, ServiceStates.STATUS_RUNNING);
            service.setInServicingMode(true);

            transitions.failed(service.key(), ServiceLifecycle.UPDATE_TEMPLATE, JOB);

            assertState(service, ServiceStates.SERVICING_FAILED, ServiceStates.STATUS_RUNNING,
                    ServiceStates.OVERALL_NEEDS_ATTENTION);
            assertThat(service.getInServicingMode()).isFalse();
        }

        @Test
        void aFailedStopOrStartFailsTheStatusOnly() {
            for (String kind : List.of(ServiceLifecycle.STOP, ServiceLifecycle.START)) {
                Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_STOPPING);

                transitions.failed(service.key(), kind, JOB);

                assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_FAILED,
                        ServiceStates.OVERALL_NEEDS_ATTENTION);
            }
        }

        @Test
        void aFailedDeleteLeavesTheServiceDeployedAsItWas() {
            Service service = service(ServiceStates.DELETING, ServiceStates.STATUS_STOPPED);

            transitions.failed(service.key(), ServiceLifecycle.DELETE, JOB);

            assertState(service, ServiceStates.DEPLOYED, ServiceStates.STATUS_STOPPED,
                    ServiceStates.OVERALL_NEEDS_ATTENTION);
        }

        @Test
        void aDeletedServiceIsGoneWithItsMachines() {
            Service service = service(ServiceStates.DELETING, ServiceStates.STATUS_STOPPED);

            transitions.deleted(service.key());

            assertThat(services).isEmpty();
            assertThat(machines.calls).containsExactly("deleteAll " + service.key());
        }

        @Test
        void aServiceDeletedMeanwhileIsLeftAlone() {
            VmmKey gone = new VmmKey(UUID.randomUUID(), WEST);

            transitions.failed(gone, ServiceLifecycle.DEPLOY, JOB);
            transitions.deployed(gone);
            transitions.serviced(gone, gateway2.getId());

            assertThat(services).isEmpty();
        }
    }

    // ---- what a tenant may ask for -------------------------------------------------------------------------------

    @Nested
    class Refusals {

        @Test
        void anUnknownOperationIsRefusedNamingTheAcceptedOnes() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

            assertInvalid(() -> update(service, "Restart", null),
                    "Operation 'Restart' is not supported; accepted values: Start, Stop");
            assertUnchanged(service);
        }

        @Test
        void anOperationAndATemplateChangeAreRefusedTogether() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);
            grant(gateway2);

            assertInvalid(() -> update(service, "Stop", gateway2.getId()),
                    "Send Operation and a new ServiceTemplateId in separate requests");
            assertUnchanged(service);
        }

        @Test
        void aTemplateOfAnotherFamilyIsRefusedNamingBoth() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);
            grant(webFarm);

            assertInvalid(() -> update(service, null, webFarm.getId()), "ServiceTemplateId " + webFarm.getId()
                    + " is a release of 'Web Farm', not of 'Network Gateway' the service was deployed from");
            assertUnchanged(service);
        }

        @Test
        void aTemplateNotGrantedToTheTenantIsRefusedAsUnknown() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

            assertInvalid(() -> update(service, null, gateway2.getId()), "ServiceTemplateId " + gateway2.getId()
                    + " does not name a service template available to this subscription on stamp " + WEST);
            assertUnchanged(service);
        }

        @Test
        void operationsAndTemplateChangesNeedADeployedService() {
            for (String state : List.of(ServiceStates.DEPLOYING, ServiceStates.DEPLOYMENT_FAILED,
                    ServiceStates.SERVICING, ServiceStates.DELETING)) {
                Service service = service(state, ServiceStates.STATUS_RUNNING);

                assertInvalid(() -> update(service, "Stop", null),
                        "Service is " + state + "; Operation and ServiceTemplateId need a Deployed service");
                assertUnchanged(service);
            }
        }

        @Test
        void aRunningServiceIsNotDeleted() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

            assertInvalid(() -> lifecycle.delete(TENANT, service.getId(), WEST, "tenant@fabrikam.com"),
                    "Service 'Gateway' is not stopped (ServiceStatus OK); stop it (Operation=Stop) before deleting it");
            assertUnchanged(service);
        }

        @Test
        void anotherTenantsServiceIsNotFound() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

            assertThatThrownBy(() -> lifecycle.delete(OTHER_TENANT, service.getId(), WEST, "tenant@contoso.com"))
                    .isInstanceOfSatisfying(VmmRequestException.class, e -> {
                        assertThat(e.kind()).isEqualTo(VmmRequestException.Kind.NOT_FOUND);
                        assertThat(e.code()).isEqualTo("NotFound");
                        assertThat(e.getMessage()).isEqualTo(
                                "Service (ID=" + service.getId() + ",StampId=" + WEST + ") not found");
                    });
            assertUnchanged(service);
        }

        @Test
        void badPropertyChangesAreRefusedBeforeAnything() {
            Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

            assertInvalid(() -> lifecycle.update(TENANT, service.getId(), WEST,
                    new ServiceChanges(null, null, null, "Urgent", null), null, null, "tenant"),
                    "ServicePriority 'Urgent' is not one of Low, Normal, High");
            assertInvalid(() -> lifecycle.update(TENANT, service.getId(), WEST,
                    new ServiceChanges(" ", null, null, null, null), null, null, "tenant"), "Name cannot be empty");
            assertUnchanged(service);
        }

        private void update(Service service, String operation, UUID newTemplate) {
            lifecycle.update(TENANT, service.getId(), WEST, new ServiceChanges(null, null, null, null, null),
                    operation, newTemplate, "tenant@fabrikam.com");
        }
    }

    // ---- template families and merges ---------------------------------------------------------------------------

    @Test
    void releasesOfOneFamilyShareANameOnOneStamp() {
        assertThat(gateway1.isSameFamilyAs(gateway2)).isTrue();
        assertThat(gateway2.isSameFamilyAs(gateway1)).isTrue();
        assertThat(gateway1.isSameFamilyAs(eastGateway)).as("same name, other stamp").isFalse();
        assertThat(gateway1.isSameFamilyAs(webFarm)).as("other name").isFalse();
    }

    @Test
    void changesMergeMemberByMemberIntoTheService() {
        Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);
        service.describe("Gateway", "Edge", "CC-1", "Normal");
        service.setOwner(new UserAndRole("owner@fabrikam.com", "Owners", TENANT));

        manager.apply(service, new ServiceChanges("Gateway 2", null, null, "High",
                new ServiceChanges.OwnerChange("new@fabrikam.com", null, null)));

        assertThat(service.getName()).isEqualTo("Gateway 2");
        assertThat(service.getDescription()).isEqualTo("Edge");
        assertThat(service.getCostCenter()).isEqualTo("CC-1");
        assertThat(service.getServicePriority()).isEqualTo("High");
        assertThat(service.getOwner().getUserName()).isEqualTo("new@fabrikam.com");
        assertThat(service.getOwner().getRoleName()).isEqualTo("Owners");
        assertThat(service.getOwner().getRoleId()).isEqualTo(TENANT);
        assertThat(service.getModifiedTime()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
    }

    @Test
    void noChangesLeaveTheServiceUntouched() {
        Service service = service(ServiceStates.DEPLOYED, ServiceStates.STATUS_RUNNING);

        manager.apply(service, new ServiceChanges(null, null, null, null, null));

        assertThat(service.getModifiedTime()).isEqualTo(ADDED);
    }

    @Test
    void aJobsParametersCarryTheChangesItApplies() {
        ServiceChanges changes = ServiceLifecycle.changesOf(Map.of("Name", "n", "ServicePriority", "Low",
                "Owner.RoleID", TENANT.toString()));

        assertThat(changes).isEqualTo(new ServiceChanges("n", null, null, "Low",
                new ServiceChanges.OwnerChange(null, null, TENANT)));
        assertThat(ServiceLifecycle.changesOf(Map.of()).isEmpty()).isTrue();
    }

    // ---- fixtures and assertions ----------------------------------------------------------------------------------

    /** A Fabrikam service named Gateway from {@link #gateway1} on the west stamp, in the given state. */
    private Service service(String deploymentState, String serviceStatus) {
        Service service = new Service(UUID.randomUUID(), WEST, TENANT, UUID.randomUUID(), gateway1.getId(), ADDED);
        service.describe("Gateway", null, null, "Normal");
        service.placeFromTemplate("1.0", "Cloud", "Public");
        service.setState(deploymentState, serviceStatus, ServiceStates.OVERALL_OK);
        services.put(service.key(), service);
        return service;
    }

    /** A template with its own id; every template in this test is also stored. */
    private ServiceTemplate template(UUID stamp, String name, String release, ServiceSetting... settings) {
        try {
            Constructor<ServiceTemplate> constructor = ServiceTemplate.class.getDeclaredConstructor();
            constructor.setAccessible(true); // a JPA entity: only Hibernate creates it in production
            ServiceTemplate template = constructor.newInstance();
            ReflectionTestUtils.setField(template, "id", UUID.randomUUID());
            ReflectionTestUtils.setField(template, "stampId", stamp);
            ReflectionTestUtils.setField(template, "name", name);
            ReflectionTestUtils.setField(template, "release", release);
            ReflectionTestUtils.setField(template, "serviceSettings", new ArrayList<>(List.of(settings)));
            templates.put(new VmmKey(template.getId(), stamp), template);
            return template;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceSetting setting(String name, String value) {
        return new ServiceSetting(name, null, value, false, false, false, null);
    }

    private void grant(ServiceTemplate template) {
        grants.add(TENANT + "/" + new VmmKey(template.getId(), template.getStampId()));
    }

    private static void assertState(Service service, String deploymentState, String serviceStatus, String overall) {
        assertThat(List.of(service.getDeploymentState(), service.getServiceStatus(), service.getOverallStatus()))
                .as("DeploymentState, ServiceStatus, OverallStatus")
                .containsExactly(deploymentState, serviceStatus, overall);
    }

    private static void assertInvalid(Executable request, String message) {
        assertThatThrownBy(request::execute).isInstanceOfSatisfying(VmmRequestException.class, e -> {
            assertThat(e.kind()).isEqualTo(VmmRequestException.Kind.INVALID);
            assertThat(e.code()).isEqualTo("BadRequest");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    /** A refused request changes nothing: no transitional state, no pending template, no job id, same time. */
    private static void assertUnchanged(Service service) {
        assertThat(service.getModifiedTime()).isEqualTo(ADDED);
        assertThat(service.getMostRecentTaskId()).isNull();
        assertThat(service.getPendingServiceTemplatePresent()).isFalse();
        assertThat(service.getServiceStatus()).isNotIn(ServiceStates.STATUS_STOPPING, ServiceStates.STATUS_STARTING);
    }

    /** The machines' side of each transition, as text. */
    private static final class RecordedMachines implements ServiceMachines {

        final List<String> calls = new ArrayList<>();

        @Override
        public void create(Service service, ServiceTemplate template) {
            calls.add("create " + service.key() + " from " + template.getId());
        }

        @Override
        public void moveTo(VmmKey service, Phase phase, UUID jobId) {
            calls.add("moveTo " + service + " " + phase + (jobId == null ? "" : " by " + jobId));
        }

        @Override
        public void recordJob(VmmKey service, UUID jobId, UUID failedJobId) {
            calls.add("recordJob " + service + " " + jobId + " failed " + failedJobId);
        }

        @Override
        public void deleteAll(VmmKey service) {
            calls.add("deleteAll " + service);
        }

        @Override
        public io.localpack.jobs.HeldObjects heldWith(VmmKey service) {
            return null;
        }
    }
}
