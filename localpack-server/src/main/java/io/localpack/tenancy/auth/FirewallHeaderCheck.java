package io.localpack.tenancy.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every header through Spring Security's firewall at the start of the security chain. The firewall checks a
 * header only when it is read, so a header it refuses used to be refused wherever an API first read it: Olingo reads
 * them all and answered 500. Refused here, the refusal reaches the chain's RequestRejectedHandler: a 400 in the API's
 * format.
 */
final class FirewallHeaderCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            for (Enumeration<String> values = request.getHeaders(names.nextElement()); values.hasMoreElements(); ) {
                values.nextElement();
            }
        }
        chain.doFilter(request, response);
    }
}
