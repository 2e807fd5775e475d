package cn.gov.ybj.crossprov.workflow.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Camunda's users and groups are the clerks realm's (read-only), so candidate groups in BPMN
 * are Keycloak group names ({@code area-110105}); members of {@code process-admins} are
 * Camunda administrators and reach Cockpit through the app's own login.
 */
@Configuration
class CamundaIdentityConfig {

    @Bean
    @ConditionalOnProperty(name = "app.keycloak.camunda-identity", havingValue = "true", matchIfMissing = true)
    KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakProperties keycloak) {
        KeycloakIdentityProviderPlugin plugin = new ChineseNamesIdentityPlugin();
        plugin.setKeycloakIssuerUrl(keycloak.internalRealmUrl(Realm.CLERKS));
        plugin.setKeycloakAdminUrl(keycloak.getInternalUrl() + "/admin/realms/" + Realm.CLERKS.id());
        plugin.setClientId(keycloak.getIdentityClientId());
        plugin.setClientSecret(keycloak.getIdentityClientSecret());
        plugin.setUseUsernameAsCamundaUserId(true);
        // group names (top-level paths) as Camunda group ids, e.g. area-110105
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setAdministratorGroupName("process-admins");
        plugin.setCacheEnabled(true);
        return plugin;
    }

    /** Runs after Spring Security's chain (order -100) and hands its user to the webapps. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }
}
