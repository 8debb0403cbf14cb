package io.localpack.admin.ui;

import io.localpack.tenancy.auth.AuthSettings;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
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
            BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
            challenge.setRealmName("LocalPack admin");
            challenge.afterPropertiesSet();
            http.httpBasic(basic -> basic.authenticationEntryPoint(challenge).realmName("LocalPack admin"))
                    .exceptionHandling(e -> e.authenticationEntryPoint(challenge));
            http.authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"));
        } else {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        }
        return http.build();
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
