package io.localpack.tenancy.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code localpack.auth.*}: how callers prove who they are (README "Authentication").
 *
 * @param mode               none (default: everything accepted), bearer (JWT) or certificate (TLS client certificate)
 * @param issuer             the {@code iss} a bearer token must carry
 * @param audience           the {@code aud} a bearer token must carry (WAP's tenant realm by default)
 * @param subscriptionsClaim the claim listing the subscriptions a token may use
 * @param secret             shared HMAC secret (at least 32 bytes) to validate and mint HS256 tokens
 * @param publicKey          location of an RSA public key (PEM) or a JWKS file of an outside issuer; tokens cannot be
 *                           minted then. Without secret and public key, an RSA key is generated at each start.
 * @param tokenLifetime      lifetime of minted tokens when the request names none
 * @param adminUser          user name of the admin credential (HTTP Basic) for {@code /_localpack/}
 * @param adminPassword      its password; when empty in a mode other than none, one is generated and written to
 *                           {@code adminPasswordFile} (never logged)
 * @param adminPasswordFile  where a generated admin password is written
 */
@ConfigurationProperties("localpack.auth")
public record AuthSettings(Mode mode, String issuer, String audience, String subscriptionsClaim, String secret,
                           String publicKey, Duration tokenLifetime, String adminUser, String adminPassword,
                           String adminPasswordFile) {

    public enum Mode { NONE, BEARER, CERTIFICATE }

    public AuthSettings {
        mode = mode == null ? Mode.NONE : mode;
        issuer = blankToNull(issuer) == null ? "https://localpack.local/sts" : issuer;
        audience = blankToNull(audience) == null ? "http://azureservices/TenantSite" : audience;
        subscriptionsClaim = blankToNull(subscriptionsClaim) == null ? "subscriptions" : subscriptionsClaim;
        secret = blankToNull(secret);
        publicKey = blankToNull(publicKey);
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        adminUser = blankToNull(adminUser) == null ? "admin" : adminUser;
        adminPassword = blankToNull(adminPassword);
        adminPasswordFile = blankToNull(adminPasswordFile) == null ? "data/admin-password" : adminPasswordFile;
        if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("localpack.auth.secret must be at least 32 bytes (HS256)");
        }
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
