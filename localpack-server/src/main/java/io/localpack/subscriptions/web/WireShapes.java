package io.localpack.subscriptions.web;

import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.AddOnReference;
import io.localpack.subscriptions.Models.Plan;
import io.localpack.subscriptions.Models.ServiceGrant;
import io.localpack.subscriptions.Models.Setting;
import io.localpack.subscriptions.Models.SubscriptionCertificate;
import io.localpack.subscriptions.Models.TenantSubscription;
import io.localpack.subscriptions.Models.UsageFigure;
import io.localpack.subscriptions.Models.UsageSummary;
import io.localpack.subscriptions.QuotaSettings;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The subscription API's objects on the wire: WAP's member names and the DataContract order of Microsoft's sample
 * client (docs/subscriptions.md), nulls written out. Times are ISO 8601 in UTC.
 */
final class WireShapes {

    /** What a resource provider of an active subscription reports as its state ([INFER]: not seen on the wire). */
    static final String SERVICE_STATE = "registered";

    private WireShapes() {
    }

    static Map<String, Object> subscription(TenantSubscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriptionID", s.id().toString());
        m.put("SubscriptionName", s.name());
        m.put("AccountAdminLiveEmailId", s.accountAdmin());
        m.put("ServiceAdminLiveEmailId", null);
        m.put("CoAdminNames", s.coAdminNames());
        m.put("AddOnReferences", s.addOnReferences().stream().map(WireShapes::addOnReference).toList());
        m.put("AddOns", s.addOns().stream().map(WireShapes::addOn).toList());
        m.put("State", s.state());
        m.put("QuotaSyncState", 0);
        m.put("ActivationSyncState", 0);
        m.put("PlanId", s.planId());
        m.put("Services", s.services().stream().map(WireShapes::service).toList());
        m.put("LastErrorMessage", null);
        m.put("Features", null);
        m.put("OfferFriendlyName", s.planName());
        m.put("OfferCategory", null);
        m.put("Created", time(s.created()));
        return m;
    }

    static Map<String, Object> service(ServiceGrant service) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Type", service.type());
        m.put("State", SERVICE_STATE);
        m.put("QuotaSyncState", 0);
        m.put("ActivationSyncState", 0);
        m.put("BaseQuotaSettings", settings(service.baseQuotaSettings()));
        return m;
    }

    static Map<String, Object> addOnReference(AddOnReference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AddOnId", r.addOnId());
        m.put("AddOnInstanceId", r.addOnInstanceId().toString());
        m.put("AcquisitionTime", time(r.acquisitionTime()));
        return m;
    }

    static Map<String, Object> addOn(AddOn a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", a.id());
        m.put("DisplayName", a.displayName());
        m.put("State", a.state());
        m.put("ConfigState", 1);
        m.put("QuotaSyncState", 0);
        m.put("LastErrorMessage", null);
        m.put("Advertisements", advertisements(a.displayName(), a.description()));
        m.put("ServiceQuotas", List.of());
        m.put("SubscriptionCount", a.subscriptionCount());
        m.put("AssociatedPlans", a.associatedPlans());
        m.put("MaxOccurrencesPerPlan", a.maxOccurrencesPerPlan());
        m.put("Price", a.price());
        return m;
    }

    /** The tenant's view of a plan: the invitation code is the operator's, so it is not shown. */
    static Map<String, Object> plan(Plan p, List<AddOn> addOns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", p.id());
        m.put("DisplayName", p.displayName());
        m.put("State", p.state());
        m.put("ConfigState", 1);
        m.put("QuotaSyncState", 0);
        m.put("LastErrorMessage", null);
        m.put("Advertisements", advertisements(p.displayName(), p.description()));
        m.put("ServiceQuotas", p.services().stream().map(service -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("ServiceName", service);
            q.put("ServiceInstanceId", UUID.nameUUIDFromBytes((p.id() + "/" + service).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).toString());
            q.put("ServiceDisplayName", QuotaSettings.displayName(service));
            q.put("ServiceInstanceDisplayName", QuotaSettings.displayName(service));
            q.put("ConfigState", 1);
            q.put("QuotaSyncState", 0);
            q.put("Settings", settings(QuotaSettings.of(service, p.clouds(), p.limits())));
            return q;
        }).toList());
        m.put("SubscriptionCount", p.subscriptionCount());
        m.put("MaxSubscriptionsPerAccount", p.maxSubscriptionsPerAccount());
        m.put("AddOnReferences", List.of());
        m.put("AddOns", addOns.stream().filter(a -> a.associatedPlans().contains(p.id())).map(WireShapes::addOn)
                .toList());
        m.put("InvitationCode", null);
        m.put("Price", p.price());
        return m;
    }

    static Map<String, Object> usage(UsageSummary summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ServiceName", summary.serviceName());
        m.put("ServiceDisplayName", summary.serviceDisplayName());
        m.put("RetrievedSuccessfully", true);
        m.put("ErrorMessage", null);
        m.put("Usages", summary.usages().stream().map(WireShapes::figure).toList());
        return m;
    }

    static Map<String, Object> certificate(SubscriptionCertificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriptionCertificatePublicKey", c.publicKey());
        m.put("SubscriptionCertificateThumbprint", c.thumbprint());
        m.put("SubscriptionCertificateData", c.data());
        m.put("TimeCreated", time(c.created()));
        return m;
    }

    private static Map<String, Object> figure(UsageFigure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DisplayName", f.displayName());
        m.put("CurrentValue", f.currentValue());
        m.put("Limit", f.limit());
        m.put("UnitDisplayName", f.unitDisplayName());
        m.put("GroupId", f.groupId());
        m.put("GroupDisplayName", f.groupDisplayName());
        return m;
    }

    private static List<Map<String, Object>> settings(List<Setting> settings) {
        return settings.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Key", s.key());
            m.put("Value", s.value());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> advertisements(String displayName, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LanguageCode", "en-us");
        m.put("DisplayName", displayName);
        m.put("Description", description);
        return List.of(m);
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null
                : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
