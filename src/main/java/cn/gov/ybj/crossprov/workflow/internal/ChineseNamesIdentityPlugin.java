package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.extension.keycloak.KeycloakConfiguration;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderFactory;
import org.camunda.bpm.extension.keycloak.KeycloakIdentityProviderSession;
import org.camunda.bpm.extension.keycloak.KeycloakUserQuery;
import org.camunda.bpm.extension.keycloak.KeycloakUserService;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;

import java.util.List;

/**
 * The Keycloak identity plugin, with Chinese names right in Cockpit and Tasklist: a staff user's
 * whole name (family name first, no space) is Keycloak's {@code firstName} and the last name is
 * empty, but the webapps show {@code firstName + " " + lastName} and a missing last name comes out
 * as 「朝阳区审核 null」. Users reach the webapps with an empty last name instead.
 */
class ChineseNamesIdentityPlugin extends KeycloakIdentityProviderPlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        configuration.setIdentityProviderSessionFactory(new Factory(this));
    }

    /** A missing name part becomes empty, so no "null" is shown beside the name. */
    static List<User> withEmptyMissingNames(List<User> users) {
        for (User user : users) {
            if (user instanceof UserEntity u) {
                if (u.getFirstName() == null) {
                    u.setFirstName("");
                }
                if (u.getLastName() == null) {
                    u.setLastName("");
                }
            }
        }
        return users;
    }

    private static final class Factory extends KeycloakIdentityProviderFactory {
        Factory(KeycloakConfiguration configuration) {
            super(configuration, List.of());
        }

        @Override
        public Session openSession() {
            KeycloakIdentityProviderSession session = new KeycloakIdentityProviderSession(keycloakConfiguration, restTemplate,
                    keycloakContextProvider, userQueryCache, groupQueryCache, checkPasswordCache) {
                {
                    userService = new KeycloakUserService(keycloakConfiguration, restTemplate, keycloakContextProvider) {
                        @Override
                        public List<User> postProcessResults(KeycloakUserQuery query, List<User> users, StringBuilder log) {
                            return withEmptyMissingNames(super.postProcessResults(query, users, log));
                        }
                    };
                }
            };
            return session;
        }
    }
}
