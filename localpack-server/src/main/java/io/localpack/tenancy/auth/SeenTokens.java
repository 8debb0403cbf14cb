package io.localpack.tenancy.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens already validated, so that a client repeating its token costs a map lookup instead of a signature
 * check and the claim validators (issue 20). Safe because everything a token's validity depends on is fixed for the
 * life of the process: the keys are read or generated once at start (no rotation at run time), and issuer and
 * audience are settings. What can change, the subscriptions themselves, is not decided here: the APIs look them up on
 * every request. An entry lives until the token's own {@code exp} (without the validators' clock skew), so an
 * expired token is decoded again and refused; tokens without {@code exp} and refused tokens are never kept. Bounded:
 * when full it is emptied, which only costs the next requests a full decode.
 */
final class SeenTokens implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> valid = new ConcurrentHashMap<>();

    SeenTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt seen = valid.get(token);
        if (seen != null) {
            if (now.isBefore(seen.getExpiresAt())) {
                return seen;
            }
            valid.remove(token, seen);
        }
        Jwt jwt = decoder.decode(token); // refuses a bad signature, an expired token, another issuer or audience
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (valid.size() >= MAX_ENTRIES) {
                valid.clear();
            }
            valid.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return valid.size();
    }
}
