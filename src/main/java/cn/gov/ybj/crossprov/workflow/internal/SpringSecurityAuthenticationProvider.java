package cn.gov.ybj.crossprov.workflow.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

import java.util.Optional;

/** Gives Camunda's webapps the user Spring Security logged in (Cockpit single sign-on). */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    private final CurrentUser currentUser = new CurrentUser();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Optional<AppUser> user = currentUser.get().filter(u -> u.hasRole(Roles.PROCESS_ADMIN));
        if (user.isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(user.get().username());
        result.setGroups(user.get().groups());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security already sent the person to the Keycloak login page
    }
}
