package io.localpack.tenancy.auth;

import io.localpack.web.Api;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A tenant URL is allowed when the caller is authenticated for the subscription its first segment names: the
 * token's subscriptions claim lists it, or the client certificate is registered for it. A first segment that is no
 * subscription id is left to the API to refuse (400/404) once the caller is authenticated at all.
 */
final class SubscriptionAccess implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || !(caller.getDetails() instanceof Subscriptions granted)) {
            return new AuthorizationDecision(false);
        }
        UUID subscription = Api.subscriptionOf(context.getRequest()).orElse(null);
        return new AuthorizationDecision(subscription == null || granted.ids().contains(subscription));
    }

    /** The subscriptions an authenticated caller may use (kept as the authentication's details). */
    record Subscriptions(Collection<UUID> ids) {

        static Subscriptions of(List<String> values) {
            return new Subscriptions(values.stream().map(v -> {
                try {
                    return UUID.fromString(v.trim());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList());
        }
    }
}
