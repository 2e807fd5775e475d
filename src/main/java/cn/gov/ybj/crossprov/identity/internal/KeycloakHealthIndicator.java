package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/keycloak}: each realm's OpenID configuration must answer. */
@Component("keycloak")
class KeycloakHealthIndicator implements HealthIndicator {

    private final KeycloakProbe probe;

    KeycloakHealthIndicator(KeycloakProperties keycloak) {
        this.probe = new KeycloakProbe(keycloak);
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        for (Realm realm : Realm.values()) {
            try {
                int status = probe.status(realm);
                builder.withDetail(realm.id(), status);
                if (status != 200) {
                    builder.down();
                }
            } catch (Exception e) {
                builder.down().withDetail(realm.id(), e.getClass().getSimpleName());
            }
        }
        return builder.build();
    }
}
