package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bearer-token validation of {@code SecurityConfig} with real signed tokens (a local JWKS server
 * stands in for Keycloak): a valid token is accepted again from the validated-token cache with the
 * same user and without fetching or verifying anew; a token signed by another key, for another
 * audience, of another realm's issuer, or expired is refused every time.
 */
class BearerTokenValidationTest {

    static HttpServer jwks;
    static RSAKey key;
    static RSAKey otherKey;
    static final AtomicInteger fetches = new AtomicInteger();
    static AuthenticationManagerResolver<HttpServletRequest> resolver;
    static String base;

    @BeforeAll
    static void keycloak() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        byte[] set = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 8);
        jwks.createContext("/realms/", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, set.length);
            exchange.getResponseBody().write(set);
            exchange.close();
        });
        jwks.start();
        base = "http://localhost:" + jwks.getAddress().getPort();
        KeycloakProperties properties = new KeycloakProperties();
        properties.setUrl(base);
        resolver = new SecurityConfig(properties).bearerTokenResolver(Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    static String token(RSAKey signer, String realm, String audience, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(base + "/realms/" + realm).audience(List.of(audience))
                .subject("s").issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires))
                .claim("azp", "hospital-system").claim("preferred_username", "service-account-hospital-system")
                .claim("roles", List.of("hospital")).claim("institution_code", "1100001006723").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    static Authentication authenticate(String token) {
        AuthenticationManager manager = resolver.resolve(new MockHttpServletRequest());
        return manager.authenticate(new BearerTokenAuthenticationToken(token));
    }

    @Test
    void aValidTokenIsAcceptedAgainFromTheCacheWithTheSameUser() throws Exception {
        String hospital = token(key, "provincial", "crossprov-api", Instant.now().plusSeconds(300));
        Authentication first = authenticate(hospital);
        int fetched = fetches.get();
        for (int i = 0; i < 5; i++) {
            Authentication again = authenticate(hospital);
            assertThat(again.getName()).isEqualTo(first.getName()).isEqualTo("service-account-hospital-system");
            assertThat(again.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_HOSPITAL");
        }
        assertThat(fetches.get()).isEqualTo(fetched);
    }

    @Test
    void badTokensAreRefusedEveryTime() throws Exception {
        String forged = token(otherKey, "provincial", "crossprov-api", Instant.now().plusSeconds(300));
        String otherAudience = token(key, "provincial", "account", Instant.now().plusSeconds(300));
        String expired = token(key, "provincial", "crossprov-api", Instant.now().minusSeconds(5));
        String unknownRealm = token(key, "master", "crossprov-api", Instant.now().plusSeconds(300));
        for (String bad : List.of(forged, otherAudience, expired, unknownRealm)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> authenticate(bad)).isInstanceOf(AuthenticationException.class);
            }
        }
        // a valid token of another realm is that realm's user
        Authentication clerk = authenticate(token(key, "clerks", "crossprov-api", Instant.now().plusSeconds(300)));
        assertThat(clerk.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_CLERK")
                .doesNotContain("ROLE_HOSPITAL");
    }

    @Test
    void aTokenIsRefusedOnceItExpiresEvenWhenItWasAccepted() throws Exception {
        String shortLived = token(key, "provincial", "crossprov-api", Instant.now().plusSeconds(2));
        authenticate(shortLived);
        Thread.sleep(3_100);
        assertThatThrownBy(() -> authenticate(shortLived)).isInstanceOf(AuthenticationException.class);
    }
}
