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
 * Bearer tokens that passed the full validation of their realm's decoder (signature with the
 * realm's key, issuer, audience, timestamps), kept by their exact text until they expire, so that a
 * client sending the same token with every call — a hospital system uploads settlements with one
 * client-credentials token for its whole lifetime — is not parsed and its RSA signature not
 * verified again each time: the JWT decoding and the issuer lookup took 10–20 % of the JVM's time
 * of an upload in two JFR recordings of SettlementUploadBenchmark.
 *
 * <p>What a cached token gets is what a new validation would give, because a token's signature,
 * issuer, audience and not-before are properties of its text that do not change; only its expiry
 * depends on the clock, and it is checked on every use with the same clock skew as the validator.
 * A token is only answered by the decoder that validated it ({@link #decoder}: one per realm),
 * and a token that fails validation is never kept (the delegate decides again each time). The one
 * difference: a realm key removed from Keycloak after a token was first seen does not end the
 * token before its expiry (a few minutes; Keycloak's own tokens stay valid that long anyway).
 * At most {@value #MAX_ENTRIES} tokens; the cache is emptied when full.
 */
final class ValidatedJwtCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Jwt jwt, JwtDecoder validatedBy) {
    }

    private final Duration clockSkew;
    private final Clock clock;
    private final Map<String, Entry> valid = new ConcurrentHashMap<>();

    ValidatedJwtCache(Duration clockSkew) {
        this(clockSkew, Clock.systemUTC());
    }

    ValidatedJwtCache(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** A decoder answering from the cache what {@code delegate} validated, and asking {@code delegate} otherwise. */
    JwtDecoder decoder(JwtDecoder delegate) {
        return new JwtDecoder() {
            @Override
            public Jwt decode(String token) throws JwtException {
                Entry e = valid.get(token);
                if (e != null && e.validatedBy() == this) {
                    if (!expired(e.jwt())) {
                        return e.jwt();
                    }
                    valid.remove(token, e);
                }
                Jwt jwt = delegate.decode(token);
                // only tokens with an expiry are kept (every Keycloak access token has one)
                if (jwt.getExpiresAt() != null && !expired(jwt)) {
                    if (valid.size() >= MAX_ENTRIES) {
                        valid.clear();
                    }
                    valid.put(token, new Entry(jwt, this));
                }
                return jwt;
            }
        };
    }

    /** The token as validated before, if it was and has not expired (its issuer names the realm's manager). */
    Jwt valid(String token) {
        Entry e = valid.get(token);
        return e == null || expired(e.jwt()) ? null : e.jwt();
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
