package io.localpack.tenancy.auth;

import io.localpack.tenancy.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mode certificate: a client certificate presented in the TLS handshake authenticates the caller for the
 * subscriptions it is registered with (by thumbprint); {@link SubscriptionAccess} then checks the URL's one.
 */
final class ClientCertificateFilter extends OncePerRequestFilter {

    private final ManagementCertificates certificates;

    ClientCertificateFilter(ManagementCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object chainAttribute = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chainAttribute instanceof X509Certificate[] presented && presented.length > 0) {
            String thumbprint = ManagementCertificates.thumbprint(presented[0]);
            List<UUID> subscriptions = certificates.subscriptionsOf(thumbprint);
            if (!subscriptions.isEmpty()) {
                var authentication = new PreAuthenticatedAuthenticationToken("certificate:" + thumbprint, presented[0],
                        List.of());
                authentication.setDetails(new SubscriptionAccess.Subscriptions(subscriptions));
                request.setAttribute(Caller.GRANTED_SUBSCRIPTIONS_ATTRIBUTE, List.copyOf(subscriptions));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }
}
