package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the claims of a Keycloak token into an {@link AppUser} and Spring authorities. */
public final class TokenUsers {

    static final String PROCESS_ADMIN_GROUP = "process-admins";
    private static final String AREA_GROUP = "area-";
    private static final String PROVINCE_GROUP = "province-";
    private static final String NATIONAL_GROUP = "national-centre";
    /** the machine client of hospital systems (client-credentials grant, provincial realm) */
    static final String HOSPITAL_CLIENT = "hospital-system";
    /** the claim naming a hospital system's designated institution (13 digits) */
    static final String INSTITUTION_CLAIM = "institution_code";
    private static final java.util.regex.Pattern INSTITUTION_CODE = java.util.regex.Pattern.compile("[0-9]{13}");
    /**
     * The only role claims each realm may grant; anything else in a token (Keycloak's own
     * roles, a role of another realm, a typo) is ignored. The realm-level role (INSURED,
     * CLERK, OFFICER) comes from the realm the token is from, never from a claim.
     */
    private static final Map<Realm, Set<String>> CLAIMABLE_ROLES = Map.of(
            Realm.INSURED, Set.of(),
            Realm.CLERKS, Set.of(Roles.REVIEWER, Roles.COUNTER, Roles.SUPERVISOR),
            Realm.PROVINCIAL, Set.of(Roles.CLEARING, Roles.PREPAYMENT, Roles.FINANCE));

    private TokenUsers() {
    }

    public static Optional<AppUser> from(Authentication auth) {
        if (auth instanceof OAuth2AuthenticationToken oauth && oauth.getPrincipal() instanceof OidcUser oidc) {
            return Realm.byId(oauth.getAuthorizedClientRegistrationId()).map(realm -> toUser(realm, oidc.getClaims()));
        }
        if (auth instanceof JwtAuthenticationToken jwt) {
            return realmOfIssuer(jwt.getToken().getIssuer() == null ? null : jwt.getToken().getIssuer().toString())
                    .map(realm -> toUser(realm, jwt.getToken().getClaims()));
        }
        return Optional.empty();
    }

    static Optional<Realm> realmOfIssuer(String issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        return Realm.byId(issuer.substring(issuer.lastIndexOf('/') + 1));
    }

    static AppUser toUser(Realm realm, Map<String, Object> claims) {
        List<String> groups = strings(claims.get("groups"));
        List<String> claimed = strings(claims.get("roles")).stream()
                .map(role -> role.toUpperCase(Locale.ROOT).replace('-', '_')).toList();
        Set<String> roles = new LinkedHashSet<>();
        String institution = null;
        if (realm == Realm.PROVINCIAL && (HOSPITAL_CLIENT.equals(claims.get("azp")) || claimed.contains(Roles.HOSPITAL))) {
            // a hospital system is no officer: HOSPITAL and nothing else
            roles.add(Roles.HOSPITAL);
            // only a well-formed code counts; without one the hospital may upload for no institution
            if (claims.get(INSTITUTION_CLAIM) instanceof String code && INSTITUTION_CODE.matcher(code).matches()) {
                institution = code;
            }
        } else {
            roles.add(realm.role());
            claimed.stream().filter(CLAIMABLE_ROLES.get(realm)::contains).forEach(roles::add);
            if (realm == Realm.CLERKS && groups.contains(PROCESS_ADMIN_GROUP)) {
                roles.add(Roles.PROCESS_ADMIN);
            }
        }
        String username = (String) claims.getOrDefault("preferred_username", claims.get("sub"));
        // Chinese names: family name first, no space
        String family = (String) claims.getOrDefault("family_name", "");
        String given = (String) claims.getOrDefault("given_name", "");
        String displayName = (family + given).isBlank() ? username : family + given;
        return new AppUser(realm, username, displayName, Set.copyOf(roles), groups,
                unitCode(realm, groups), institution);
    }

    static String unitCode(Realm realm, List<String> groups) {
        String prefix = switch (realm) {
            case CLERKS -> AREA_GROUP;
            case PROVINCIAL -> PROVINCE_GROUP;
            case INSURED -> null;
        };
        if (prefix == null) {
            return null;
        }
        if (realm == Realm.PROVINCIAL && groups.contains(NATIONAL_GROUP)) {
            return AppUser.NATIONAL_CENTRE_CODE;
        }
        return groups.stream().filter(g -> g.startsWith(prefix)).map(g -> g.substring(prefix.length()))
                .findFirst().orElse(null);
    }

    public static Collection<GrantedAuthority> authorities(AppUser user) {
        return user.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
