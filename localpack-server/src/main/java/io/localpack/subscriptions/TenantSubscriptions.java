package io.localpack.subscriptions;

import io.localpack.domain.Refusal.Kind;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobRequest;
import io.localpack.jobs.JobService;
import io.localpack.jobs.TargetBusyException;
import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.AddOnReference;
import io.localpack.subscriptions.Models.CloudGrant;
import io.localpack.subscriptions.Models.Plan;
import io.localpack.subscriptions.Models.QuotaLimits;
import io.localpack.subscriptions.Models.ServiceGrant;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.subscriptions.Models.TenantSubscription;
import io.localpack.subscriptions.Models.UsageFigure;
import io.localpack.subscriptions.Models.UsageSummary;
import io.localpack.subscriptions.SubscriptionStore.Row;
import io.localpack.tenancy.auth.ManagementCertificates;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and changes of the subscription API, for one caller. A subscription the caller may not see answers exactly
 * as one that does not exist. Changes run in one transaction after every check passed: a refusal changes nothing.
 */
@Service
public class TenantSubscriptions {

    /** How long a forced deletion waits for the subscription's canceled jobs to stop. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    /** POST /subscriptions. {@code accountAdmin} and {@code coAdminNames} may be null. */
    public record Subscribe(UUID subscriptionId, String planId, String friendlyName, String accountAdmin,
                            List<String> coAdminNames) {
    }

    /** PATCH /subscriptions/{id}: null members stay as they are. */
    public record Change(String subscriptionIdInBody, String subscriptionName, List<String> coAdminNames) {
    }

    /** A deletion begun: the subscription as it is now (delete-pending) and the job removing it. */
    public record Deletion(TenantSubscription subscription, UUID jobId) {
    }

    private final SubscriptionStore store;
    private final SubscriptionUsage usage;
    private final ManagementCertificates certificates;
    private final JobService jobs;
    private final TransactionTemplate transaction;

    TenantSubscriptions(SubscriptionStore store, SubscriptionUsage usage, ManagementCertificates certificates,
                        JobService jobs, PlatformTransactionManager transactions) {
        this.store = store;
        this.usage = usage;
        this.certificates = certificates;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    /** The caller's subscriptions: a user's as account admin or co-admin, a certificate's registrations. */
    @Transactional(readOnly = true)
    public List<TenantSubscription> list(SubscriptionCaller caller) {
        List<Row> rows;
        if (caller.certificate()) {
            rows = caller.granted().stream().sorted().map(store::find).flatMap(Optional::stream).toList();
        } else if (caller.principal() != null) {
            rows = store.administeredBy(caller.principal()).stream()
                    .filter(row -> caller.granted() == null || caller.granted().contains(row.id())).toList();
        } else {
            throw missingPrincipal();
        }
        return rows.stream().map(this::assemble).toList();
    }

    @Transactional(readOnly = true)
    public TenantSubscription get(SubscriptionCaller caller, UUID id) {
        return assemble(visible(caller, id));
    }

    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return store.publicPlans();
    }

    /** A public plan; a private or unknown one is not found. */
    @Transactional(readOnly = true)
    public Plan plan(String id) {
        return store.plan(id).filter(Plan::isPublic).orElseThrow(() -> new SubscriptionRefusal(Kind.NOT_FOUND,
                "PlanNotFound", "planId", "The plan '" + SubscriptionRules.shorten(id) + "' was not found."));
    }

    @Transactional(readOnly = true)
    public List<AddOn> addOns() {
        return store.publicAddOns();
    }

    @Transactional(readOnly = true)
    public AddOn addOn(String id) {
        return store.addOn(id).filter(AddOn::isPublic).orElseThrow(() -> new SubscriptionRefusal(Kind.NOT_FOUND,
                "AddOnNotFound", "addOnId", "The add-on '" + SubscriptionRules.shorten(id) + "' was not found."));
    }

    @Transactional(readOnly = true)
    public List<AddOnReference> addOnReferences(SubscriptionCaller caller, UUID id) {
        return store.addOnReferences(visible(caller, id).id());
    }

    /** Usage against the plan's quota, one summary per resource provider of the subscription. */
    @Transactional(readOnly = true)
    public List<UsageSummary> usage(SubscriptionCaller caller, UUID id) {
        Row row = visible(caller, id);
        QuotaLimits limits = row.planId() == null ? new QuotaLimits(null, null, null, null)
                : store.plan(row.planId()).map(Plan::limits).orElse(new QuotaLimits(null, null, null, null));
        SubscriptionUsage.Held held = usage.of(row.id());
        List<UsageSummary> summaries = new ArrayList<>();
        for (String service : servicesOf(row)) {
            List<UsageFigure> figures = switch (service) {
                case Models.SYSTEM_CENTER -> List.of(
                        figure("Services", held.services(), null, "services", service),
                        figure("Virtual machines", held.virtualMachines(), limits.virtualMachines(), "VMs", service),
                        figure("Cores", held.cores(), limits.cores(), "cores", service),
                        figure("Memory", held.memoryMb(), limits.memoryMb(), "MB", service),
                        figure("Storage", held.storageGb(), null, "GB", service));
                case Models.CLOUD_SERVICES -> List.of(
                        figure("Cloud services", held.cloudServices(), limits.cloudServices(), "cloud services",
                                service),
                        figure("Role instances", held.roleInstances(), null, "instances", service));
                default -> List.of();
            };
            summaries.add(new UsageSummary(service, QuotaSettings.displayName(service), figures));
        }
        return summaries;
    }

    // ---- changes -------------------------------------------------------------------------------------------------

    /**
     * Subscribe to a public plan with the client's id. The subscription gets the plan's grants at once, as a fixture
     * subscription has them, so the VMM and cloud-service APIs serve it straight away.
     */
    @Transactional
    public TenantSubscription subscribe(SubscriptionCaller caller, Subscribe command) {
        if (command.planId() == null || command.planId().isBlank()) {
            throw SubscriptionRefusal.badRequest("PlanId", "PlanId is required: the plan to subscribe to.");
        }
        String accountAdmin = accountAdminOf(caller, command.accountAdmin());
        String planId = command.planId().trim();
        store.lockPlan(planId);
        Plan plan = store.plan(planId).orElse(null);
        SubscriptionRules.maySubscribe(plan, planId, plan == null ? 0
                : store.subscriptionsOfAccountToPlan(planId, accountAdmin));
        String name = command.friendlyName() == null ? plan.displayName()
                : SubscriptionRules.subscriptionName(command.friendlyName(), "FriendlyName");
        List<String> coAdmins = command.coAdminNames() == null ? List.of()
                : SubscriptionRules.coAdminNames(command.coAdminNames(), accountAdmin);
        if (store.exists(command.subscriptionId())) {
            throw alreadyExists(command.subscriptionId());
        }
        try {
            store.insert(command.subscriptionId(), name, accountAdmin, planId,
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        } catch (DuplicateKeyException e) {
            throw alreadyExists(command.subscriptionId());
        }
        store.grantPlan(command.subscriptionId(), planId);
        store.replaceCoAdmins(command.subscriptionId(), coAdmins);
        if (caller.certificate() && caller.certificateThumbprint() != null) {
            // the certificate that subscribed may use what it made (certificate mode decides by registration)
            certificates.register(command.subscriptionId(), caller.certificateThumbprint(), caller.certificateSubject());
        }
        return assemble(store.find(command.subscriptionId()).orElseThrow());
    }

    /** Rename and/or replace the co-administrators. */
    @Transactional
    public TenantSubscription change(SubscriptionCaller caller, UUID id, Change change) {
        Row row = visible(caller, id);
        if (change.subscriptionIdInBody() != null && !change.subscriptionIdInBody().isBlank()
                && !SubscriptionRules.subscriptionId(change.subscriptionIdInBody(), "SubscriptionID").equals(id)) {
            throw SubscriptionRefusal.badRequest("SubscriptionID", "SubscriptionID in the body names another "
                    + "subscription than the URL.");
        }
        if (change.subscriptionName() == null && change.coAdminNames() == null) {
            throw SubscriptionRefusal.badRequest("(body)", "Nothing to change: send SubscriptionName or CoAdminNames.");
        }
        requireActive(row);
        String name = change.subscriptionName() == null ? null
                : SubscriptionRules.subscriptionName(change.subscriptionName(), "SubscriptionName");
        List<String> coAdmins = change.coAdminNames() == null ? null
                : SubscriptionRules.coAdminNames(change.coAdminNames(), row.accountAdmin());
        if (name != null) {
            store.rename(id, name);
        }
        if (coAdmins != null) {
            store.replaceCoAdmins(id, coAdmins);
        }
        return assemble(store.find(id).orElseThrow());
    }

    @Transactional
    public AddOnReference attachAddOn(SubscriptionCaller caller, UUID id, String addOnId) {
        Row row = visible(caller, id);
        if (addOnId == null || addOnId.isBlank()) {
            throw SubscriptionRefusal.badRequest("AddOnId", "AddOnId is required: the add-on to acquire.");
        }
        requireActive(row);
        AddOn addOn = store.addOn(addOnId.trim()).orElse(null);
        SubscriptionRules.mayAttach(addOn, addOnId, row.planId(), addOn == null ? 0
                : store.addOnOccurrences(id, addOn.id()));
        AddOnReference reference = new AddOnReference(addOn.id(), UUID.randomUUID(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        store.attachAddOn(id, reference);
        return reference;
    }

    @Transactional
    public AddOnReference detachAddOn(SubscriptionCaller caller, UUID id, String addOnId, String instanceId) {
        visible(caller, id);
        AddOnReference reference = store.addOnReferences(id).stream()
                .filter(r -> r.addOnId().equalsIgnoreCase(addOnId) && r.addOnInstanceId().toString()
                        .equalsIgnoreCase(instanceId))
                .findFirst().orElseThrow(() -> new SubscriptionRefusal(Kind.NOT_FOUND, "AddOnReferenceNotFound",
                        "addOnInstanceId", "The subscription holds no add-on '" + SubscriptionRules.shorten(addOnId)
                        + "' with instance '" + SubscriptionRules.shorten(instanceId) + "'."));
        store.detachAddOn(id, reference.addOnId(), reference.addOnInstanceId());
        return reference;
    }

    /** Re-applies the plan's grants (ones an operator added to the plan since), as WAP's quota re-sync does. */
    @Transactional
    public TenantSubscription syncQuota(SubscriptionCaller caller, UUID id) {
        Row row = visible(caller, id);
        requireActive(row);
        if (row.planId() != null) {
            store.grantPlan(id, row.planId());
        }
        return assemble(row);
    }

    /**
     * Begin deleting: the subscription turns delete-pending and a job removes what it holds, then the subscription.
     * Without {@code force}, unfinished jobs of the subscription refuse it (409); with it they are canceled first.
     * Asking again while a deletion runs answers the same deletion.
     */
    public Deletion delete(SubscriptionCaller caller, UUID id, boolean force, String owner) {
        Row row = transaction.execute(s -> visible(caller, id));
        if (row.state() == Models.DELETE_PENDING) {
            return new Deletion(assemble(row), jobs.activeJobOn(id).orElse(null));
        }
        if (force) {
            try {
                jobs.cancelUnfinished(id, CANCEL_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while canceling the subscription's jobs", e);
            }
        } else if (!jobs.unfinished(id).isEmpty()) {
            throw new SubscriptionRefusal(Kind.CONFLICT, "SubscriptionBusy", "force", "The subscription has jobs "
                    + "that are not finished; wait for them, or delete with force=true to cancel them.");
        }
        return transaction.execute(s -> {
            if (!store.changeState(id, Models.ACTIVE, Models.DELETE_PENDING)) {
                throw new SubscriptionRefusal(Kind.CONFLICT, "SubscriptionBusy", null,
                        "The subscription is not active (suspended, or being deleted).");
            }
            Job job;
            try {
                job = jobs.submit(JobRequest.builder(id, SubscriptionDeletion.KIND, "Delete subscription")
                        .target(id, "Subscription", row.name()).owner(owner).restartable(false).build());
            } catch (TargetBusyException e) {
                throw new SubscriptionRefusal(Kind.CONFLICT, "SubscriptionBusy", null,
                        "Another job holds the subscription.");
            }
            return new Deletion(assemble(store.find(id).orElseThrow()), job.id());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The subscription if the caller sees it; otherwise exactly the answer for one that does not exist. */
    Row visible(SubscriptionCaller caller, UUID id) {
        Row row = store.find(id).orElseThrow(() -> SubscriptionRefusal.subscriptionNotFound(id));
        if (!SubscriptionRules.sees(caller, id, row.accountAdmin(), store.coAdmins(id))) {
            throw SubscriptionRefusal.subscriptionNotFound(id);
        }
        return row;
    }

    static void requireActive(Row row) {
        if (row.state() == Models.DELETE_PENDING) {
            throw new SubscriptionRefusal(Kind.CONFLICT, "SubscriptionBusy", null,
                    "The subscription '" + row.id() + "' is being deleted.");
        }
    }

    /** A user subscribes for themselves; a certificate or unnamed caller must name the account admin. */
    private static String accountAdminOf(SubscriptionCaller caller, String fromBody) {
        if (!caller.certificate() && caller.principal() != null) {
            return caller.principal();
        }
        if (fromBody == null || fromBody.isBlank()) {
            throw SubscriptionRefusal.badRequest("AccountAdminLiveEmailId", "AccountAdminLiveEmailId (or "
                    + "AccountAdminLivePuid) is required when no x-ms-principal-id names the subscriber.");
        }
        return SubscriptionRules.subscriptionName(fromBody, "AccountAdminLiveEmailId");
    }

    private TenantSubscription assemble(Row row) {
        Plan plan = row.planId() == null ? null : store.plan(row.planId()).orElse(null);
        List<AddOnReference> references = store.addOnReferences(row.id());
        Map<String, AddOn> addOns = new LinkedHashMap<>();
        references.forEach(r -> store.addOn(r.addOnId()).ifPresent(a -> addOns.putIfAbsent(a.id(), a)));
        List<CloudGrant> clouds = store.grantedClouds(row.id());
        QuotaLimits limits = plan == null ? new QuotaLimits(null, null, null, null) : plan.limits();
        List<ServiceGrant> services = servicesOf(row).stream()
                .map(s -> new ServiceGrant(s, QuotaSettings.of(s, clouds, limits))).toList();
        return new TenantSubscription(row.id(), row.name(), row.accountAdmin(), store.coAdmins(row.id()), references,
                List.copyOf(addOns.values()), row.state(), row.planId(), plan == null ? null : plan.displayName(),
                services, row.created());
    }

    /**
     * The resource providers of a subscription: its plan's; without a plan (fixture rows that name none) VMM when
     * clouds are granted, and the cloud-service API, which serves every subscription.
     */
    private List<String> servicesOf(Row row) {
        if (row.planId() != null) {
            Optional<Plan> plan = store.plan(row.planId());
            if (plan.isPresent()) {
                return plan.get().services();
            }
        }
        List<String> services = new ArrayList<>();
        if (!store.grantedClouds(row.id()).isEmpty()) {
            services.add(Models.SYSTEM_CENTER);
        }
        services.add(Models.CLOUD_SERVICES);
        return services;
    }

    private static UsageFigure figure(String name, long current, Integer limit, String unit, String service) {
        return new UsageFigure(name, current, QuotaLimits.shown(limit), unit, service,
                QuotaSettings.displayName(service));
    }

    private static SubscriptionRefusal alreadyExists(UUID id) {
        return new SubscriptionRefusal(Kind.CONFLICT, "SubscriptionAlreadyExists", "SubscriptionId",
                "A subscription with the id '" + id + "' exists already.");
    }

    static SubscriptionRefusal missingPrincipal() {
        return new SubscriptionRefusal(Kind.INVALID, "MissingPrincipalId", "x-ms-principal-id",
                "The x-ms-principal-id header is required: it names the user whose subscriptions are asked for.");
    }
}
