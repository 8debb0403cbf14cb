package io.localpack.admin.ui;

import io.localpack.tenancy.auth.AuthSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The dashboard's own filter chain, ahead of the control plane's: the same admin credential (HTTP Basic, in every
 * auth mode but none; a tenant's bearer token or client certificate opens nothing here), plus what a browser-facing
 * page needs and an API for test suites does not: a CSRF token on every state-changing request (a cookie and a header
 * that a cross-site form cannot send) and the usual security headers with a strict Content-Security-Policy.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardSecurity {

    static final String PATH = "/_localpack/ui";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain dashboard(HttpSecurity http, AuthSettings auth) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookiePath(PATH);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.securityMatcher(PATH, PATH + "/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.requireExplicitSave(true))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(e -> e.accessDeniedHandler(refusal()));
        if (auth.enabled()) {
            AuthenticationEntryPoint challenge = DashboardSecurity::challenge;
            http.httpBasic(basic -> basic.authenticationEntryPoint(challenge).realmName("LocalPack admin"))
                    .exceptionHandling(e -> e.authenticationEntryPoint(challenge));
            http.authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"));
        } else {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        }
        return http.build();
    }

    /**
     * 401 with the Basic challenge, written here rather than through {@code sendError}: an error dispatch would be
     * judged by the tenant APIs' filter chain and come back as their 403.
     */
    private static void challenge(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"LocalPack admin\"");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The admin credential is "
                + "required (HTTP Basic; see README \\\"Authentication\\\")\",\"field\":\"Authorization\"}}");
    }

    /** A refused CSRF token (or a non-admin principal): the control plane's JSON error shape. */
    private static AccessDeniedHandler refusal() {
        return (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":{\"code\":\"Forbidden\",\"message\":\"The request has no valid "
                    + "CSRF token: state-changing dashboard requests must come from the dashboard's own page\","
                    + "\"field\":\"" + CSRF_HEADER + "\"}}");
        };
    }
}
