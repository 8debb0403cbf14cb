package io.localpack.tenancy.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The keys bearer tokens are validated (and minted) with, from {@code localpack.auth}: a shared HMAC secret (HS256,
 * validate and mint), an outside issuer's RSA public key or JWKS file (validate only), or else an RSA key pair
 * generated at start (RS256, validate and mint; tokens do not survive a restart).
 */
final class TokenKeys {

    private final JwtDecoder decoder;
    private final JwtEncoder encoder;
    private final boolean hmac;

    private TokenKeys(JwtDecoder decoder, JwtEncoder encoder, boolean hmac) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.hmac = hmac;
    }

    static TokenKeys from(AuthSettings settings) {
        TokenKeys keys;
        if (settings.secret() != null) {
            SecretKey key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            keys = new TokenKeys(NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(),
                    new NimbusJwtEncoder(new ImmutableSecret<>(key)), true);
        } else if (settings.publicKey() != null) {
            keys = new TokenKeys(outsideIssuer(settings.publicKey()), null, false);
        } else {
            RSAKey generated = generatedRsaKey();
            try {
                keys = new TokenKeys(NimbusJwtDecoder.withPublicKey(generated.toRSAPublicKey())
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build(),
                        new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(generated))), false);
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException("Cannot use the generated RSA key", e);
            }
        }
        ((NimbusJwtDecoder) keys.decoder).setJwtValidator(validator(settings));
        return keys;
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** Empty when tokens come from an outside issuer (only its public key is known). */
    Optional<JwtEncoder> encoder() {
        return Optional.ofNullable(encoder);
    }

    boolean hmac() {
        return hmac;
    }

    /** Expiry (with the default clock skew), issuer and audience. */
    private static OAuth2TokenValidator<Jwt> validator(AuthSettings settings) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.audience()));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()), audience);
    }

    private static JwtDecoder outsideIssuer(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.trim().startsWith("{")) {
                JWKSet set = JWKSet.parse(text);
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                        java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256),
                        new ImmutableJWKSet<>(set)));
                return new NimbusJwtDecoder(processor);
            }
            RSAPublicKey key = RsaKeyConverters.x509().convert(
                    new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            return NimbusJwtDecoder.withPublicKey(key).build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalStateException("localpack.auth.public-key: cannot read a PEM public key or JWKS from "
                    + location + ": " + e.getMessage(), e);
        }
    }

    private static RSAKey generatedRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
