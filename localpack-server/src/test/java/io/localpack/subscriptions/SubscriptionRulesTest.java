package io.localpack.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.domain.Refusal;
import io.localpack.subscriptions.Models.AddOn;
import io.localpack.subscriptions.Models.CloudGrant;
import io.localpack.subscriptions.Models.Plan;
import io.localpack.subscriptions.Models.QuotaLimits;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.tenancy.auth.ManagementCertificates;
import io.localpack.tenancy.auth.SelfSignedCertificates;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The subscription API's rules without Spring, HTTP or a database. */
class SubscriptionRulesTest {

    private static final UUID ID = UUID.fromString("86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06");
    private static final UUID OTHER = UUID.fromString("2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21");

    @Test
    void idsAreGuidsWithOrWithoutBraces() {
        assertThat(SubscriptionRules.subscriptionId("{" + ID + "}", "SubscriptionId")).isEqualTo(ID);
        assertThat(SubscriptionRules.subscriptionId(ID.toString().toUpperCase(), "SubscriptionId")).isEqualTo(ID);
        assertRefused(() -> SubscriptionRules.subscriptionId("1-2-3-4-5", "SubscriptionId"), Refusal.Kind.INVALID,
                "BadRequest", "SubscriptionId");
        assertRefused(() -> SubscriptionRules.subscriptionId(null, "SubscriptionId"), Refusal.Kind.INVALID,
                "BadRequest", "SubscriptionId");
        assertRefused(() -> SubscriptionRules.pathSubscriptionId("x"), Refusal.Kind.NOT_FOUND, "SubscriptionNotFound",
                "subscriptionId");
    }

    @Test
    void coAdministratorsAreTrimmedKeptOnceAndNeverTheAccountAdmin() {
        assertThat(SubscriptionRules.coAdminNames(List.of(" a@x.com ", "A@X.COM", "owner@x.com", "b@x.com"),
                "Owner@x.com")).containsExactly("a@x.com", "b@x.com");
        assertRefused(() -> SubscriptionRules.coAdminNames(List.of("ok", " "), "o"), Refusal.Kind.INVALID,
                "BadRequest", "CoAdminNames");
        assertRefused(() -> SubscriptionRules.coAdminNames(java.util.Collections.nCopies(101, "x"), "o"),
                Refusal.Kind.INVALID, "BadRequest", "CoAdminNames");
    }

    @Test
    void usersSeeWhatTheyAdministerWithinWhatTheirCredentialGrants() {
        List<String> coAdmins = List.of("dev@fabrikam.com");
        assertThat(SubscriptionRules.sees(SubscriptionCaller.user("TENANT@fabrikam.com", null), ID,
                "tenant@fabrikam.com", coAdmins)).isTrue();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.user("dev@fabrikam.com", null), ID,
                "tenant@fabrikam.com", coAdmins)).isTrue();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.user("tenant@contoso.com", null), ID,
                "tenant@fabrikam.com", coAdmins)).isFalse();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.user("tenant@fabrikam.com", Set.of(OTHER)), ID,
                "tenant@fabrikam.com", coAdmins)).isFalse();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.certificate(null, Set.of(ID), "AB", "CN=x"), ID,
                "tenant@fabrikam.com", coAdmins)).isTrue();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.certificate("tenant@fabrikam.com", Set.of(OTHER), "AB",
                "CN=x"), ID, "tenant@fabrikam.com", coAdmins)).isFalse();
        assertThat(SubscriptionRules.sees(SubscriptionCaller.anonymous(), ID, "tenant@fabrikam.com", coAdmins))
                .isTrue();
    }

    @Test
    void aPlanMustBePublicAndBelowItsPerAccountLimit() {
        Plan starter = plan(1, 1);
        SubscriptionRules.maySubscribe(starter, "Starter", 0);
        SubscriptionRules.maySubscribe(plan(1, -1), "Gold", 1_000);
        assertRefused(() -> SubscriptionRules.maySubscribe(starter, "Starter", 1), Refusal.Kind.CONFLICT,
                "MaxSubscriptionsPerPlanReached", "PlanId");
        assertRefused(() -> SubscriptionRules.maySubscribe(plan(0, -1), "Pilot", 0), Refusal.Kind.NOT_FOUND,
                "PlanNotFound", "PlanId");
        assertRefused(() -> SubscriptionRules.maySubscribe(null, "Nope", 0), Refusal.Kind.NOT_FOUND, "PlanNotFound",
                "PlanId");
    }

    @Test
    void anAddOnMustBePublicOfferedWithThePlanAndBelowItsMaximum() {
        AddOn extra = new AddOn("Extra", "Extra", null, 1, 2, "0", 0, List.of("Gold"));
        SubscriptionRules.mayAttach(extra, "Extra", "Gold", 1);
        assertRefused(() -> SubscriptionRules.mayAttach(extra, "Extra", "Gold", 2), Refusal.Kind.CONFLICT,
                "MaxAddOnOccurrencesReached", "AddOnId");
        assertRefused(() -> SubscriptionRules.mayAttach(extra, "Extra", "Starter", 0), Refusal.Kind.INVALID,
                "AddOnNotAvailableForPlan", "AddOnId");
        assertRefused(() -> SubscriptionRules.mayAttach(extra, "Extra", null, 0), Refusal.Kind.INVALID,
                "AddOnNotAvailableForPlan", "AddOnId");
        AddOn hidden = new AddOn("Hidden", "Hidden", null, 0, 1, "0", 0, List.of("Gold"));
        assertRefused(() -> SubscriptionRules.mayAttach(hidden, "Hidden", "Gold", 0), Refusal.Kind.NOT_FOUND,
                "AddOnNotFound", "AddOnId");
    }

    @Test
    void aCertificatesBodyDecidesItsThumbprintAndKey() throws Exception {
        var issued = SelfSignedCertificates.issue("rules-test", Duration.ofDays(1));
        String data = Base64.getMimeEncoder().encodeToString(issued.certificate().getEncoded());
        String thumbprint = ManagementCertificates.thumbprint(issued.certificate());

        var parsed = SubscriptionRules.certificate(null, null, data);

        assertThat(parsed.thumbprint()).isEqualTo(thumbprint);
        assertThat(parsed.publicKey()).isEqualTo(Base64.getEncoder().encodeToString(
                issued.certificate().getPublicKey().getEncoded()));
        assertThat(parsed.data()).doesNotContain("\n", "\r");
        assertThat(SubscriptionRules.certificate(null, thumbprint.toLowerCase(), data).thumbprint())
                .isEqualTo(thumbprint);
        assertThat(SubscriptionRules.certificate("a2V5", "ab".repeat(20), null).thumbprint())
                .isEqualTo("AB".repeat(20));
        assertRefused(() -> SubscriptionRules.certificate(null, "CD".repeat(20), data), Refusal.Kind.INVALID,
                "BadRequest", "SubscriptionCertificateThumbprint");
        assertRefused(() -> SubscriptionRules.certificate(null, null, "!!!"), Refusal.Kind.INVALID, "BadRequest",
                "SubscriptionCertificateData");
        assertRefused(() -> SubscriptionRules.certificate(null, null, null), Refusal.Kind.INVALID, "BadRequest",
                "SubscriptionCertificateData");
    }

    @Test
    void quotaSettingsNameEachCloudAndLeaveUnlimitedFiguresOut() {
        UUID cloud = UUID.fromString("d1f15abc-672d-464b-b3bc-376d2087bb8e");
        UUID stamp = UUID.fromString("56ebc6dc-f63c-46e2-8438-2967e0ad83bc");
        var settings = QuotaSettings.of(Models.SYSTEM_CENTER, List.of(new CloudGrant(cloud, stamp)),
                new QuotaLimits(5, null, 2048, 3));

        assertThat(settings).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("Clouds");
            assertThat(s.value()).isEqualTo("<Clouds><Cloud Id=\"" + cloud + "\" StampId=\"" + stamp + "\"><Quota>"
                    + "<RoleVMCount>5</RoleVMCount><RoleMemoryMB>2048</RoleMemoryMB></Quota></Cloud></Clouds>");
        });
        assertThat(QuotaSettings.of(Models.CLOUD_SERVICES, List.of(), new QuotaLimits(null, null, null, 3)))
                .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("3"));
        assertThat(QuotaSettings.of(Models.CLOUD_SERVICES, List.of(), new QuotaLimits(null, null, null, null)))
                .isEmpty();
    }

    private static Plan plan(int state, int perAccount) {
        return new Plan("P", "P", null, state, perAccount, null, "0", 0, List.of("systemcenter"), List.of(),
                new QuotaLimits(null, null, null, null));
    }

    private static void assertRefused(Runnable call, Refusal.Kind kind, String code, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SubscriptionRefusal.class, r -> {
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.getMessage()).isNotBlank();
        });
    }
}
