package cn.gov.ybj.crossprov.identity.internal;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that passed the full validation (signature with the realm's key, issuer, audience,
 * timestamps), kept by their exact text until they expire, so that a client sending the same token
 * with every call — a hospital system uploads settlements with one client-credentials token for
 * its whole lifetime — is not parsed and its RSA signature not verified again each time (the JWT
 * decoding took ~10 % of the JVM's time of an upload: JFR, SettlementUploadBenchmark).
 *
 * <p>What a cached token gets is what a new validation would give, because a token's signature,
 * issuer, audience and not-before are properties of its text that do not change; only its expiry
 * depends on the clock, and it is checked on every use with the same clock skew as the validator.
 * A token that fails validation is never kept (the delegate decides again each time). The one
 * difference: a realm key removed from Keycloak after a token was first seen does not end the
 * token before its expiry (a few minutes; Keycloak's own tokens stay valid that long anyway).
 * At most {@value #MAX_ENTRIES} tokens; the cache is emptied when full.
 */
final class ValidatedJwtCache implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Duration clockSkew;
    private final Clock clock;
    private final Map<String, Jwt> valid = new ConcurrentHashMap<>();

    ValidatedJwtCache(JwtDecoder delegate, Duration clockSkew) {
        this(delegate, clockSkew, Clock.systemUTC());
    }

    ValidatedJwtCache(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = valid.get(token);
        if (cached != null) {
            if (!expired(cached)) {
                return cached;
            }
            valid.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        // only tokens with an expiry are kept (every Keycloak access token has one)
        if (jwt.getExpiresAt() != null && !expired(jwt)) {
            if (valid.size() >= MAX_ENTRIES) {
                valid.clear();
            }
            valid.put(token, jwt);
        }
        return jwt;
    }

    /** As {@code JwtTimestampValidator}: expired when now − skew is after the expiry. */
    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || Instant.now(clock).minus(clockSkew).isAfter(expiresAt);
    }

    int size() {
        return valid.size();
    }
}
