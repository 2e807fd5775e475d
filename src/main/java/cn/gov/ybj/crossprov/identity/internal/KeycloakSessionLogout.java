package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ends the Keycloak SSO session of a browser login from the server (back channel: the client
 * posts its refresh token to the realm's logout endpoint). Used where the browser cannot be sent
 * through Keycloak's logout page: Cockpit's own "Log out" is an XHR.
 */
@Component
class KeycloakSessionLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    KeycloakSessionLogout(OAuth2AuthorizedClientRepository authorizedClients, KeycloakProperties keycloak) {
        this.authorizedClients = authorizedClients;
        this.keycloak = keycloak;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            return;
        }
        String registration = login.getAuthorizedClientRegistrationId();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registration, authentication, request);
        authorizedClients.removeAuthorizedClient(registration, authentication, request, response);
        Realm realm = Realm.byId(registration).orElse(null);
        if (client == null || client.getRefreshToken() == null || realm == null) {
            return;
        }
        String form = Map.of("client_id", keycloak.getClientId(), "client_secret", keycloak.clientSecret(realm),
                        "refresh_token", client.getRefreshToken().getTokenValue()).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak.internalRealmUrl(realm) + "/protocol/openid-connect/logout"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                log.warn("Keycloak logout of {} in realm {} answered {}", authentication.getName(), realm.id(), answer.statusCode());
            }
        } catch (Exception e) {
            // the application session ends anyway; the Keycloak session then ends by its idle timeout
            log.warn("Keycloak logout of {} in realm {} failed: {}", authentication.getName(), realm.id(), e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
