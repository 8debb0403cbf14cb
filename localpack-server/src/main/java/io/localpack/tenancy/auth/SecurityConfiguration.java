package io.localpack.tenancy.auth;

import io.localpack.tenancy.Caller;
import io.localpack.web.ApiError;
import io.localpack.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what, by {@code localpack.auth.mode}: none (everything open; the caller is {@code x-ms-principal-id}),
 * bearer (a JWT whose subscriptions claim covers the URL's subscription) or certificate (a client certificate
 * registered for it). The control plane needs the admin credential (HTTP Basic) in every mode but none; its health
 * endpoint is always open.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // contexts without a web server need none
class SecurityConfiguration {

    private static final String ADMIN = "ADMIN";

    private final AuthSettings settings;
    private final AuthFailures failures;
    private final ApiErrors errors;

    SecurityConfiguration(AuthSettings settings, ApiErrors errors) {
        this.settings = settings;
        this.errors = errors;
        this.failures = new AuthFailures(errors, settings.mode() == AuthSettings.Mode.BEARER ? "Bearer" : null);
    }

    /**
     * The chains' URL patterns ({@code securityMatcher}, {@code requestMatchers}) as path patterns, matched as Spring
     * MVC matches its mappings, without asking Spring MVC for the handler of each request (see
     * {@link NoHandlerLookupBeforeSecurity}).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    UserDetailsService adminUser() {
        if (!settings.enabled()) {
            return new InMemoryUserDetailsManager(); // nobody: nothing asks for a password in mode none
        }
        return new InMemoryUserDetailsManager(User.withUsername(settings.adminUser())
                .password("{noop}" + AdminCredential.password(settings)).roles(ADMIN).build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain controlPlane(HttpSecurity http) throws Exception {
        common(http.securityMatcher("/_localpack/**"));
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/_localpack/health", "/_localpack/health/**").permitAll();
            if (settings.enabled()) {
                a.anyRequest().hasRole(ADMIN);
            } else {
                a.anyRequest().permitAll();
            }
        });
        if (settings.enabled()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(failures));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain tenantApis(HttpSecurity http, ObjectProvider<TokenKeys> keys,
            ManagementCertificates certificates) throws Exception {
        common(http);
        // the emulated APIs answer with their own headers (Cache-Control, nosniff), as WAP does
        http.headers(AbstractHttpConfigurer::disable);
        switch (settings.mode()) {
            case NONE -> http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            case BEARER -> {
                http.oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.decoder(new SeenTokens(keys.getObject().decoder(), Clock.systemUTC()))
                                .jwtAuthenticationConverter(this::authenticated))
                        .authenticationEntryPoint(failures).accessDeniedHandler(failures));
                http.authorizeHttpRequests(a -> a.anyRequest().access(new SubscriptionAccess()));
                http.addFilterAfter(new CallerFromToken(), AuthorizationFilter.class);
            }
            case CERTIFICATE -> {
                http.addFilterBefore(new ClientCertificateFilter(certificates), AuthorizationFilter.class);
                http.authorizeHttpRequests(a -> a.anyRequest().access(new SubscriptionAccess()));
            }
        }
        return http.build();
    }

    private void common(HttpSecurity http) throws Exception {
        http.addFilterBefore(new FirewallHeaderCheck(), CorsFilter.class);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.requireExplicitSave(true))
                .cors(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures));
    }

    /**
     * Spring Security's firewall, opened for what the emulated APIs legitimately receive: the OData V3 verb MERGE and
     * percent-encoded characters in OData literals (e.g. {@code substringof('%25',Name)}); the APIs parse these
     * themselves and answer bad ones with their own 400.
     */
    @Bean
    WebSecurityCustomizer odataFriendlyFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "MERGE", "DELETE", "OPTIONS"));
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName); // the defaults' checks, without their regex
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return web -> web.httpFirewall(firewall).requestRejectedHandler(this::rejected);
    }

    /** What the firewall refuses is a 400 in the API's format (Spring's default is an empty 400). */
    private void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
            throws IOException {
        // Spring's message quotes a refused header's value: named, not repeated (it may hold a credential)
        String message = String.valueOf(refusal.getMessage())
                .replaceFirst("(?s) has a value \".*\" that is not allowed\\.$", " has a value that is not allowed.");
        errors.write(request, response, new ApiError(400, "BadRequest", message, null));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "MERGE", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "DataServiceVersion",
                    "MaxDataServiceVersion", "OData-Version", "OData-MaxVersion", "Prefer", "If-Match",
                    "X-HTTP-Method", "x-ms-version", "x-ms-principal-id", "x-ms-client-request-id"));
            config.setExposedHeaders(List.of("x-ms-request-id", "Location", "DataServiceVersion", "OData-Version",
                    "ETag", "Preference-Applied"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }

    /** The token's user, and the subscriptions it lists, become the request's authentication. */
    private JwtAuthenticationToken authenticated(Jwt jwt) {
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, List.of(), userOf(jwt));
        Object claim = jwt.getClaims().get(settings.subscriptionsClaim());
        List<String> subscriptions = claim instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        token.setDetails(SubscriptionAccess.Subscriptions.of(subscriptions));
        return token;
    }

    private static String userOf(Jwt jwt) {
        for (String claim : List.of("upn", "unique_name", "email")) {
            if (jwt.getClaimAsString(claim) != null) {
                return jwt.getClaimAsString(claim);
            }
        }
        return jwt.getSubject();
    }

    /** Records the token's user as the caller (jobs' Owner, the request journal). */
    private static final class CallerFromToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                request.setAttribute(Caller.PRINCIPAL_ATTRIBUTE, token.getName());
                if (token.getDetails() instanceof SubscriptionAccess.Subscriptions granted) {
                    request.setAttribute(Caller.GRANTED_SUBSCRIPTIONS_ATTRIBUTE, List.copyOf(granted.ids()));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
