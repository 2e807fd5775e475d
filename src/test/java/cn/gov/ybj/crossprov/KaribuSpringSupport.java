package cn.gov.ybj.crossprov;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.internal.TokenUsers;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Browserless UI tests with Karibu-Testing on the Spring context: a user is logged in the way
 * the OIDC login does it (an {@link OAuth2AuthenticationToken} of the realm), and the faked
 * request carries the principal and roles so Vaadin's {@code @RolesAllowed} checks apply.
 */
public abstract class KaribuSpringSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("cn.gov.ybj.crossprov");

    @Autowired
    protected ApplicationContext ctx;

    /** Logs the user in and starts a fresh Vaadin UI for them. */
    protected AppUser login(Realm realm, String username, String idNumber, List<String> groups, List<String> roles) {
        return login(realm, username, idNumber, groups, roles, null);
    }

    /** @param familyAndGivenName the name the token carries (Chinese order: family name is the first character), or null */
    protected AppUser login(Realm realm, String username, String idNumber, List<String> groups, List<String> roles,
                            String familyAndGivenName) {
        MockVaadin.tearDown();
        Map<String, Object> claims = new HashMap<>();
        if (familyAndGivenName != null) {
            claims.put("family_name", familyAndGivenName.substring(0, 1));
            claims.put("given_name", familyAndGivenName.substring(1));
        }
        claims.put("sub", username);
        claims.put("preferred_username", username);
        claims.put("groups", groups);
        claims.put("roles", roles);
        if (idNumber != null) {
            claims.put("id_number", idNumber);
        }
        OidcIdToken token = new OidcIdToken("test-token", Instant.now(), Instant.now().plusSeconds(3600), claims);
        OAuth2AuthenticationToken probe = new OAuth2AuthenticationToken(
                new DefaultOidcUser(List.of(), token, "preferred_username"), List.of(), realm.id());
        AppUser user = TokenUsers.from(probe).orElseThrow();
        Collection<GrantedAuthority> authorities = TokenUsers.authorities(user);
        OAuth2AuthenticationToken auth = new OAuth2AuthenticationToken(
                new DefaultOidcUser(authorities, token, "preferred_username"), authorities, realm.id());
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> authorities.stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
        return user;
    }

    /**
     * An insured account bound to the person (a fixture, as the demo loader binds the demo
     * accounts; skipped when the person is bound to another account already).
     */
    protected AppUser insured(String username, String idNumber) {
        TestUsers.bind(ctx.getBean(JdbcClient.class), username, idNumber);
        return login(Realm.INSURED, username, idNumber, List.of(), List.of());
    }

    /** An insured account that is not bound, whatever ID number its token claims. */
    protected AppUser unboundInsured(String username, String claimedIdNumber) {
        return login(Realm.INSURED, username, claimedIdNumber, List.of(), List.of());
    }

    protected AppUser clerk(String username, String areaCode) {
        return login(Realm.CLERKS, username, null, List.of("area-" + areaCode), List.of("reviewer", "counter"));
    }

    /** A clerk whose token carries a name, as Keycloak's do. */
    protected AppUser namedClerk(String username, String areaCode, String name) {
        return login(Realm.CLERKS, username, null, List.of("area-" + areaCode), List.of("reviewer", "counter"), name);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
