package io.localpack.tenancy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The cache of validated bearer tokens: a seen token skips the decoder, and nothing invalid is ever served. */
class SeenTokensTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";
    private static final SecretKeySpec KEY = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    /** A clock the test moves; the real decoder's expiry check reads it too. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger decodes = new AtomicInteger();
    private final SeenTokens tokens = new SeenTokens(countingRealDecoder(), clock);

    private JwtDecoder countingRealDecoder() {
        NimbusJwtDecoder real = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(60));
        expiry.setClock(clock);
        real.setJwtValidator(expiry);
        return token -> {
            decodes.incrementAndGet();
            return real.decode(token);
        };
    }

    private String token(String subject, Instant expires) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(clock.now)
                .claim("subscriptions", List.of("86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06"));
        if (expires != null) {
            claims.expiresAt(expires);
        }
        return new NimbusJwtEncoder(new ImmutableSecret<>(KEY)).encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    @Test
    void aTokenSeenBeforeIsNotDecodedAgain() {
        String token = token("tenant@fabrikam.com", clock.now.plusSeconds(600));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void anExpiredTokenIsDecodedAgainAndRefused() {
        String token = token("tenant@fabrikam.com", clock.now.plusSeconds(30));
        tokens.decode(token);

        clock.now = clock.now.plusSeconds(31 + 60); // past exp and the validators' clock skew

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(decodes).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenInItsClockSkewIsDecodedAgainNotServedFromTheCache() {
        String token = token("tenant@fabrikam.com", clock.now.plusSeconds(30));
        tokens.decode(token);

        clock.now = clock.now.plusSeconds(40); // past exp, within the 60 s skew the validators allow

        tokens.decode(token);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverKept() {
        String token = token("tenant@fabrikam.com", clock.now.plusSeconds(600));
        String badSignature = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                token.lastIndexOf('.') + 5);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(badSignature)).isInstanceOf(JwtException.class);
        }
        assertThat(decodes).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsValidatedEveryTime() {
        String token = token("tenant@fabrikam.com", null);

        tokens.decode(token);
        tokens.decode(token);

        assertThat(decodes).hasValue(2);
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i <= SeenTokens.MAX_ENTRIES; i++) {
            tokens.decode(token("user" + i, clock.now.plusSeconds(600)));
        }
        assertThat(tokens.size()).isBetween(1, SeenTokens.MAX_ENTRIES);
    }
}
