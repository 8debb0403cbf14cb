package io.localpack.subscriptions;

import io.localpack.domain.Refusal.Kind;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.subscriptions.Models.SubscriptionCertificate;
import io.localpack.subscriptions.SubscriptionStore.Row;
import io.localpack.tenancy.auth.ManagementCertificates;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subscription's management certificates as the tenant API shows them, kept in the one certificate store that
 * certificate mode, the control plane's registration and the Service Management API share.
 */
@Service
public class SubscriptionCertificates {

    private final TenantSubscriptions subscriptions;
    private final ManagementCertificates certificates;

    SubscriptionCertificates(TenantSubscriptions subscriptions, ManagementCertificates certificates) {
        this.subscriptions = subscriptions;
        this.certificates = certificates;
    }

    @Transactional(readOnly = true)
    public List<SubscriptionCertificate> list(SubscriptionCaller caller, UUID id) {
        subscriptions.visible(caller, id);
        return certificates.of(id).stream().map(SubscriptionCertificates::wire).toList();
    }

    @Transactional(readOnly = true)
    public SubscriptionCertificate get(SubscriptionCaller caller, UUID id, String thumbprint) {
        subscriptions.visible(caller, id);
        return certificates.find(id, SubscriptionRules.pathThumbprint(thumbprint))
                .map(SubscriptionCertificates::wire).orElseThrow(() -> notFound(thumbprint));
    }

    @Transactional
    public SubscriptionCertificate add(SubscriptionCaller caller, UUID id, String publicKey, String thumbprint,
                                       String data) {
        Row row = subscriptions.visible(caller, id);
        SubscriptionRules.NewCertificate certificate = SubscriptionRules.certificate(publicKey, thumbprint, data);
        TenantSubscriptions.requireActive(row);
        if (!certificates.register(id, certificate.thumbprint(), certificate.subject(), certificate.publicKey(),
                certificate.data())) {
            throw new SubscriptionRefusal(Kind.CONFLICT, "CertificateAlreadyExists", "SubscriptionCertificateThumbprint",
                    "The certificate '" + certificate.thumbprint() + "' is registered for the subscription already.");
        }
        return certificates.find(id, certificate.thumbprint()).map(SubscriptionCertificates::wire).orElseThrow();
    }

    @Transactional
    public SubscriptionCertificate remove(SubscriptionCaller caller, UUID id, String thumbprint) {
        SubscriptionCertificate removed = get(caller, id, thumbprint);
        certificates.remove(id, removed.thumbprint());
        return removed;
    }

    private static SubscriptionCertificate wire(ManagementCertificates.Certificate c) {
        return new SubscriptionCertificate(c.publicKey(), c.thumbprint(), c.data(), c.createdTime());
    }

    private static SubscriptionRefusal notFound(String thumbprint) {
        return new SubscriptionRefusal(Kind.NOT_FOUND, "CertificateNotFound", "thumbprint",
                "The certificate '" + SubscriptionRules.shorten(thumbprint) + "' was not found.");
    }
}
