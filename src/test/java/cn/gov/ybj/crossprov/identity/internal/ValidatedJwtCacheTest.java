package cn.gov.ybj.crossprov.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ValidatedJwtCache}: valid tokens once per realm decoder, invalid ones every time, expiry on every use. */
class ValidatedJwtCacheTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    /** A realm's decoder: tokens starting with its prefix are valid, others refused. */
    static final class Realm implements JwtDecoder {
        final String prefix;
        final AtomicInteger calls = new AtomicInteger();
        Instant expiresAt = NOW.plusSeconds(300);

        Realm(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (!token.startsWith(prefix)) {
                throw new BadJwtException("wrong issuer or signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").issuer("http://kc/realms/" + prefix)
                    .issuedAt(NOW.minusSeconds(10)).expiresAt(expiresAt).build();
        }
    }

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = NOW;

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    @Test
    void aValidTokenIsValidatedOnceUntilItExpires() {
        Realm provincial = new Realm("provincial");
        Moving clock = new Moving();
        ValidatedJwtCache cache = new ValidatedJwtCache(Duration.ofSeconds(60), clock);
        JwtDecoder decoder = cache.decoder(provincial);
        Jwt first = decoder.decode("provincial-a");
        assertThat(decoder.decode("provincial-a")).isSameAs(first);
        assertThat(cache.valid("provincial-a")).isSameAs(first);
        assertThat(provincial.calls).hasValue(1);
        // another text is another token
        decoder.decode("provincial-b");
        assertThat(provincial.calls).hasValue(2);

        // within the clock skew after the expiry: still valid, as for the validator
        clock.now = NOW.plusSeconds(330);
        assertThat(decoder.decode("provincial-a")).isSameAs(first);
        assertThat(provincial.calls).hasValue(2);
        // beyond it: no longer known, validated again by the realm
        clock.now = NOW.plusSeconds(361);
        assertThat(cache.valid("provincial-a")).isNull();
        provincial.expiresAt = NOW.plusSeconds(900);
        assertThat(decoder.decode("provincial-a")).isNotSameAs(first);
        assertThat(provincial.calls).hasValue(3);
    }

    @Test
    void anInvalidTokenIsNeverKeptAndAnotherRealmsDecoderNeverAnswersFromTheCache() {
        Realm provincial = new Realm("provincial");
        Realm clerks = new Realm("clerks");
        ValidatedJwtCache cache = new ValidatedJwtCache(Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
        JwtDecoder p = cache.decoder(provincial);
        JwtDecoder c = cache.decoder(clerks);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> p.decode("bad-token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(provincial.calls).hasValue(3);
        assertThat(cache.size()).isZero();
        assertThat(cache.valid("bad-token")).isNull();

        p.decode("provincial-x");
        // the clerks realm validates it itself (and refuses it), whatever the cache holds
        assertThatThrownBy(() -> c.decode("provincial-x")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> c.decode("provincial-x")).isInstanceOf(BadJwtException.class);
        assertThat(clerks.calls).hasValue(2);
    }

    @Test
    void theCacheIsBounded() {
        Realm provincial = new Realm("provincial");
        ValidatedJwtCache cache = new ValidatedJwtCache(Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
        JwtDecoder decoder = cache.decoder(provincial);
        for (int i = 0; i < ValidatedJwtCache.MAX_ENTRIES + 5; i++) {
            decoder.decode("provincial-" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ValidatedJwtCache.MAX_ENTRIES);
    }
}
