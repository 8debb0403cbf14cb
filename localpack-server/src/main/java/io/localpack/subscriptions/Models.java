package io.localpack.subscriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The subscription API's objects as the domain sees them; the web adapter gives them WAP's names and order. */
public final class Models {

    private Models() {
    }

    /** WAP's subscription states. */
    public static final int ACTIVE = 1;
    public static final int DELETE_PENDING = 3;

    /** The resource provider names a plan offers. */
    public static final String SYSTEM_CENTER = "systemcenter";
    public static final String CLOUD_SERVICES = "cloudservices";

    /** A plan's quota; null means unlimited. */
    public record QuotaLimits(Integer virtualMachines, Integer cores, Integer memoryMb, Integer cloudServices) {

        /** WAP shows an unlimited figure as -1. */
        public static long shown(Integer limit) {
            return limit == null ? -1 : limit;
        }
    }

    /** A cloud a plan grants (VMM clouds are keyed by id and stamp). */
    public record CloudGrant(UUID cloudId, UUID stampId) {
    }

    public record Plan(String id, String displayName, String description, int state, int maxSubscriptionsPerAccount,
                       String invitationCode, String price, long subscriptionCount, List<String> services,
                       List<CloudGrant> clouds, QuotaLimits limits) {

        public boolean isPublic() {
            return state == 1;
        }
    }

    public record AddOn(String id, String displayName, String description, int state, int maxOccurrencesPerPlan,
                        String price, long subscriptionCount, List<String> associatedPlans) {

        public boolean isPublic() {
            return state == 1;
        }
    }

    public record AddOnReference(String addOnId, UUID addOnInstanceId, OffsetDateTime acquisitionTime) {
    }

    /** One resource provider of a subscription with the quota settings it was given. */
    public record ServiceGrant(String type, List<Setting> baseQuotaSettings) {
    }

    public record Setting(String key, String value) {
    }

    public record TenantSubscription(UUID id, String name, String accountAdmin, List<String> coAdminNames,
                                     List<AddOnReference> addOnReferences, List<AddOn> addOns, int state,
                                     String planId, String planName, List<ServiceGrant> services,
                                     OffsetDateTime created) {
    }

    public record UsageFigure(String displayName, long currentValue, long limit, String unitDisplayName,
                              String groupId, String groupDisplayName) {
    }

    public record UsageSummary(String serviceName, String serviceDisplayName, List<UsageFigure> usages) {
    }

    /** A management certificate as the subscription API shows it. */
    public record SubscriptionCertificate(String publicKey, String thumbprint, String data, OffsetDateTime created) {
    }

    /**
     * Who calls: a user (named by {@code x-ms-principal-id} or a token), a client certificate, or nobody named
     * (authentication mode none without a principal). {@code granted} is what the credential allows (token claim,
     * certificate registrations); null when no credential was checked.
     */
    public record SubscriptionCaller(String principal, Set<UUID> granted, boolean certificate,
                                     String certificateThumbprint, String certificateSubject) {

        public static SubscriptionCaller user(String principal, Set<UUID> granted) {
            return new SubscriptionCaller(principal, granted, false, null, null);
        }

        public static SubscriptionCaller anonymous() {
            return new SubscriptionCaller(null, null, false, null, null);
        }

        public static SubscriptionCaller certificate(String principal, Set<UUID> granted, String thumbprint,
                                                     String subject) {
            return new SubscriptionCaller(principal, granted, true, thumbprint, subject);
        }
    }
}
