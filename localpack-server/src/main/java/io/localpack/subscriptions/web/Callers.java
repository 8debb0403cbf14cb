package io.localpack.subscriptions.web;

import io.localpack.domain.Refusal.Kind;
import io.localpack.subscriptions.Models.SubscriptionCaller;
import io.localpack.subscriptions.SubscriptionRefusal;
import io.localpack.tenancy.Caller;
import io.localpack.tenancy.auth.ManagementCertificates;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who calls the subscription API, from what authentication left on the request:
 * <ul>
 * <li>a bearer token (mode bearer): the token's user, with {@code x-ms-principal-id} required as WAP requires it
 * (400 without it) and naming the same user (403 otherwise); the token's subscriptions bound what is seen;</li>
 * <li>a client certificate (mode certificate): no principal needed, the certificate's registrations are what it
 * sees;</li>
 * <li>mode none: the user named by {@code x-ms-principal-id} (percent-encoded or not); a request carrying a token
 * must name one (400); one with neither is an unnamed caller that may read a subscription by id only.</li>
 * </ul>
 */
final class Callers {

    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private Callers() {
    }

    static SubscriptionCaller of(HttpServletRequest request) {
        String named = Caller.fromHeader(request.getHeader("x-ms-principal-id"));
        Optional<Set<UUID>> granted = Caller.grantedSubscriptions(request);
        Object tokenUser = request.getAttribute(Caller.PRINCIPAL_ATTRIBUTE);
        if (tokenUser instanceof String user) {
            if (named == null) {
                throw missingPrincipal();
            }
            if (!named.equalsIgnoreCase(user)) {
                throw new SubscriptionRefusal(Kind.NOT_ALLOWED, "PrincipalMismatch", "x-ms-principal-id",
                        "x-ms-principal-id names another user than the token.");
            }
            return SubscriptionCaller.user(user, granted.orElse(null));
        }
        if (granted.isPresent()) {
            X509Certificate presented = request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain
                    && chain.length > 0 ? chain[0] : null;
            return SubscriptionCaller.certificate(named, granted.get(),
                    presented == null ? null : ManagementCertificates.thumbprint(presented),
                    presented == null ? null : presented.getSubjectX500Principal().getName());
        }
        if (named != null) {
            return SubscriptionCaller.user(named, null);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw missingPrincipal();
        }
        return SubscriptionCaller.anonymous();
    }

    private static SubscriptionRefusal missingPrincipal() {
        return new SubscriptionRefusal(Kind.INVALID, "MissingPrincipalId", "x-ms-principal-id",
                "A request with a bearer token must name its user in the x-ms-principal-id header.");
    }
}
