package cn.gov.ybj.crossprov.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ValidatedJwtCache}: valid tokens once, invalid ones every time, expiry on every use. */
class ValidatedJwtCacheTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer("http://kc/realms/provincial")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(expiresAt).claim("azp", "hospital-system").build();
    }

    static final class Counting implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();
        Instant expiresAt = NOW.plusSeconds(300);

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("invalid signature");
            }
            return jwt(token, expiresAt);
        }
    }

    @Test
    void aValidTokenIsValidatedOnceUntilItExpires() {
        Counting delegate = new Counting();
        Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
        ValidatedJwtCache cache = new ValidatedJwtCache(delegate, Duration.ofSeconds(60), new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clock[0].instant();
            }
        });
        Jwt first = cache.decode("token-a");
        assertThat(cache.decode("token-a")).isSameAs(first);
        assertThat(delegate.calls).hasValue(1);
        // another text is another token
        cache.decode("token-b");
        assertThat(delegate.calls).hasValue(2);

        // within the clock skew after the expiry: still valid, as for the validator
        clock[0] = Clock.fixed(NOW.plusSeconds(330), ZoneOffset.UTC);
        assertThat(cache.decode("token-a")).isSameAs(first);
        assertThat(delegate.calls).hasValue(2);
        // beyond it: validated again (and the delegate refuses it or answers anew)
        clock[0] = Clock.fixed(NOW.plusSeconds(361), ZoneOffset.UTC);
        delegate.expiresAt = NOW.plusSeconds(900);
        assertThat(cache.decode("token-a")).isNotSameAs(first);
        assertThat(delegate.calls).hasValue(3);
    }

    @Test
    void anInvalidTokenIsNeverKept() {
        Counting delegate = new Counting();
        ValidatedJwtCache cache = new ValidatedJwtCache(delegate, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("bad-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(delegate.calls).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheIsBounded() {
        Counting delegate = new Counting();
        ValidatedJwtCache cache = new ValidatedJwtCache(delegate, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < ValidatedJwtCache.MAX_ENTRIES + 5; i++) {
            cache.decode("token-" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ValidatedJwtCache.MAX_ENTRIES);
    }
}
