package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks Keycloak for a realm's OpenID configuration, as the health check and the login filter need to know. */
final class KeycloakProbe {

    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    KeycloakProbe(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    /** The HTTP status of the realm's OpenID configuration; throws when Keycloak gives no answer within 3 s. */
    int status(Realm realm) throws IOException, InterruptedException {
        String url = keycloak.internalRealmUrl(realm) + "/.well-known/openid-configuration";
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the realm answers with its configuration. */
    boolean answers(Realm realm) {
        try {
            return status(realm) == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
