package io.localpack.subscriptions;

import io.localpack.domain.Refusal.Kind;
import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.Plan;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.tenancy.auth.ManagementCertificates;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The subscription API's rules, in plain Java: what a valid id, name and co-administrator list are, who sees a
 * subscription, when a plan or add-on may be acquired, and what a certificate must carry. Every refusal names what
 * was wrong; nothing is written before these checks pass.
 */
public final class SubscriptionRules {

    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_CO_ADMINS = 100;
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-fA-F]{40}");

    private SubscriptionRules() {
    }

    /** A subscription id as clients write it (braces allowed); {@code field} names where it came from. */
    public static UUID subscriptionId(String text, String field) {
        if (text == null || text.isBlank()) {
            throw SubscriptionRefusal.badRequest(field, field + " is required: a GUID chosen by the client.");
        }
        String trimmed = text.trim();
        if (!GUID.matcher(trimmed).matches()) {
            throw SubscriptionRefusal.badRequest(field, field + " '" + shorten(trimmed) + "' is not a GUID.");
        }
        return UUID.fromString(trimmed.replace("{", "").replace("}", ""));
    }

    /** A subscription id from a path: one that is no GUID cannot name a subscription, so it is not found. */
    public static UUID pathSubscriptionId(String text) {
        if (text == null || !GUID.matcher(text).matches()) {
            throw SubscriptionRefusal.subscriptionNotFound(shorten(String.valueOf(text)));
        }
        return UUID.fromString(text.replace("{", "").replace("}", ""));
    }

    public static String subscriptionName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw SubscriptionRefusal.badRequest(field, field + " must not be empty.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw SubscriptionRefusal.badRequest(field, field + " is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        return name.trim();
    }

    /** Co-administrators: trimmed, each once (names compare case-blind), never the account admin. */
    public static List<String> coAdminNames(List<String> names, String accountAdmin) {
        if (names.size() > MAX_CO_ADMINS) {
            throw SubscriptionRefusal.badRequest("CoAdminNames", "CoAdminNames lists more than " + MAX_CO_ADMINS
                    + " names.");
        }
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw SubscriptionRefusal.badRequest("CoAdminNames", "CoAdminNames contains an empty name.");
            }
            String trimmed = name.trim();
            if (trimmed.length() > MAX_NAME_LENGTH) {
                throw SubscriptionRefusal.badRequest("CoAdminNames", "CoAdminNames contains a name longer than "
                        + MAX_NAME_LENGTH + " characters.");
            }
            boolean seen = kept.stream().anyMatch(k -> k.equalsIgnoreCase(trimmed));
            if (!seen && !trimmed.equalsIgnoreCase(accountAdmin)) {
                kept.add(trimmed);
            }
        }
        return kept;
    }

    /**
     * Whether the caller sees a subscription: a user when account admin or co-admin (and the credential, if one was
     * checked, covers it); a client certificate when registered for it; an unnamed caller (mode none) by id alone.
     */
    public static boolean sees(SubscriptionCaller caller, UUID id, String accountAdmin, List<String> coAdmins) {
        if (caller.granted() != null && !caller.granted().contains(id)) {
            return false;
        }
        if (caller.certificate() || caller.principal() == null) {
            return true;
        }
        return caller.principal().equalsIgnoreCase(accountAdmin)
                || coAdmins.stream().anyMatch(caller.principal()::equalsIgnoreCase);
    }

    /**
     * A plan may be subscribed to when tenants can see it (public) and the account holds fewer subscriptions to it
     * than the plan allows per account (-1: no limit).
     */
    public static void maySubscribe(Plan plan, String planId, long accountsSubscriptionsToPlan) {
        if (plan == null || !plan.isPublic()) {
            throw new SubscriptionRefusal(Kind.NOT_FOUND, "PlanNotFound", "PlanId",
                    "The plan '" + shorten(planId) + "' was not found.");
        }
        if (plan.maxSubscriptionsPerAccount() >= 0 && accountsSubscriptionsToPlan >= plan.maxSubscriptionsPerAccount()) {
            throw new SubscriptionRefusal(Kind.CONFLICT, "MaxSubscriptionsPerPlanReached", "PlanId",
                    "The account already holds the " + plan.maxSubscriptionsPerAccount() + " subscription(s) the plan '"
                            + plan.id() + "' allows per account.");
        }
    }

    /** An add-on may be acquired when public, offered with the subscription's plan, and not at its maximum. */
    public static void mayAttach(AddOn addOn, String addOnId, String planId, long occurrences) {
        if (addOn == null || !addOn.isPublic()) {
            throw new SubscriptionRefusal(Kind.NOT_FOUND, "AddOnNotFound", "AddOnId",
                    "The add-on '" + shorten(addOnId) + "' was not found.");
        }
        if (planId == null || !addOn.associatedPlans().contains(planId)) {
            throw new SubscriptionRefusal(Kind.INVALID, "AddOnNotAvailableForPlan", "AddOnId",
                    "The add-on '" + addOn.id() + "' is not offered with the subscription's plan.");
        }
        if (addOn.maxOccurrencesPerPlan() >= 0 && occurrences >= addOn.maxOccurrencesPerPlan()) {
            throw new SubscriptionRefusal(Kind.CONFLICT, "MaxAddOnOccurrencesReached", "AddOnId",
                    "The subscription already holds the add-on '" + addOn.id() + "' "
                            + addOn.maxOccurrencesPerPlan() + " time(s), its maximum.");
        }
    }

    /** A certificate to register: its thumbprint (upper-case hex), subject, public key and body. */
    public record NewCertificate(String thumbprint, String subject, String publicKey, String data) {
    }

    /**
     * The certificate a client posts: the base64 body ({@code SubscriptionCertificateData}) decides the thumbprint
     * and public key; without a body, a 40-hex thumbprint is registered as given. A stated thumbprint that
     * disagrees with the body is refused.
     */
    public static NewCertificate certificate(String publicKey, String thumbprint, String data) {
        String statedThumbprint = thumbprint == null || thumbprint.isBlank() ? null : thumbprint.trim();
        if (statedThumbprint != null && !THUMBPRINT.matcher(statedThumbprint).matches()) {
            throw SubscriptionRefusal.badRequest("SubscriptionCertificateThumbprint",
                    "SubscriptionCertificateThumbprint must be 40 hexadecimal digits (SHA-1).");
        }
        if (data == null || data.isBlank()) {
            if (statedThumbprint == null) {
                throw SubscriptionRefusal.badRequest("SubscriptionCertificateData",
                        "SubscriptionCertificateData (the base64 certificate) or SubscriptionCertificateThumbprint "
                                + "is required.");
            }
            return new NewCertificate(statedThumbprint.toUpperCase(Locale.ROOT), null, blankToNull(publicKey), null);
        }
        X509Certificate certificate;
        String body = data.replaceAll("\\s", "");
        try {
            certificate = ManagementCertificates.decode(body);
        } catch (IllegalArgumentException e) {
            throw SubscriptionRefusal.badRequest("SubscriptionCertificateData",
                    "SubscriptionCertificateData is not a base64-encoded X.509 certificate.");
        }
        String computed = ManagementCertificates.thumbprint(certificate);
        if (statedThumbprint != null && !statedThumbprint.equalsIgnoreCase(computed)) {
            throw SubscriptionRefusal.badRequest("SubscriptionCertificateThumbprint",
                    "SubscriptionCertificateThumbprint does not match the certificate in SubscriptionCertificateData ("
                            + computed + ").");
        }
        String key = ManagementCertificates.publicKey(certificate);
        return new NewCertificate(computed, certificate.getSubjectX500Principal().getName(), key, body);
    }

    /** A thumbprint from a path, as stored (upper case); anything else cannot be registered, so is not found. */
    public static String pathThumbprint(String text) {
        if (text == null || !THUMBPRINT.matcher(text).matches()) {
            throw new SubscriptionRefusal(Kind.NOT_FOUND, "CertificateNotFound", "thumbprint",
                    "The certificate '" + shorten(String.valueOf(text)) + "' was not found.");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Echo at most a little of what the client sent. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
