package cn.gov.ybj.crossprov.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where Keycloak is. {@code url} is what browsers see (and the tokens' issuer);
 * {@code internalUrl} is how this server reaches Keycloak (differs inside docker compose).
 */
@ConfigurationProperties(prefix = "app.keycloak")
public class KeycloakProperties {

    private String url = "http://localhost:8180";
    private String internalUrl;
    private String clientId = "crossprov-web";
    private Map<Realm, String> clientSecrets = new EnumMap<>(Realm.class);
    private String identityClientId = "camunda-identity-service";
    private String identityClientSecret = "camunda-identity-secret";
    /** Camunda's users and groups come from Keycloak (off in tests that run without Keycloak). */
    private boolean camundaIdentity = true;

    public String issuer(Realm realm) {
        return url + "/realms/" + realm.id();
    }

    public String internalRealmUrl(Realm realm) {
        return getInternalUrl() + "/realms/" + realm.id();
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = stripSlash(url);
    }

    public String getInternalUrl() {
        return internalUrl == null || internalUrl.isBlank() ? url : internalUrl;
    }

    public void setInternalUrl(String internalUrl) {
        this.internalUrl = stripSlash(internalUrl);
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Map<Realm, String> getClientSecrets() {
        return clientSecrets;
    }

    public void setClientSecrets(Map<Realm, String> clientSecrets) {
        this.clientSecrets = clientSecrets;
    }

    public String clientSecret(Realm realm) {
        return clientSecrets.getOrDefault(realm, realm.id() + "-web-secret");
    }

    public String getIdentityClientId() {
        return identityClientId;
    }

    public void setIdentityClientId(String identityClientId) {
        this.identityClientId = identityClientId;
    }

    public String getIdentityClientSecret() {
        return identityClientSecret;
    }

    public void setIdentityClientSecret(String identityClientSecret) {
        this.identityClientSecret = identityClientSecret;
    }

    public boolean isCamundaIdentity() {
        return camundaIdentity;
    }

    public void setCamundaIdentity(boolean camundaIdentity) {
        this.camundaIdentity = camundaIdentity;
    }

    private static String stripSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
