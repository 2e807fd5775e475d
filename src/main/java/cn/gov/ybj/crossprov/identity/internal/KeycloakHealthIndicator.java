package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code /actuator/health/keycloak}: each realm's OpenID configuration must answer. */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    KeycloakHealthIndicator(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        for (Realm realm : Realm.values()) {
            String url = keycloak.internalRealmUrl(realm) + "/.well-known/openid-configuration";
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
                builder.withDetail(realm.id(), response.statusCode());
                if (response.statusCode() != 200) {
                    builder.down();
                }
            } catch (Exception e) {
                builder.down().withDetail(realm.id(), e.getClass().getSimpleName());
            }
        }
        return builder.build();
    }
}
