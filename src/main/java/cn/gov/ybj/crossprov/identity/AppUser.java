package cn.gov.ybj.crossprov.identity;

import java.util.List;
import java.util.Set;

/**
 * The person behind the current request, as the token of their realm describes them.
 *
 * @param unitCode pooling area (clerks) or province (officers) code, GB/T 2260; {@code 000000}
 *                 for the national centre; {@code null} for insured persons and hospital systems
 * @param institutionCode for a hospital system (role HOSPITAL) the 13-digit code of the designated
 *                 institution its token names (claim {@code institution_code}, a hardcoded claim of
 *                 the hospital's client in the provincial realm); {@code null} for everyone else
 * <p>Whom an insured person is in the registry is not in the token (a typed ID number proves nothing):
 * it is the person the account is bound to by a proof, see {@code insured.RealNameBinding}.
 */
public record AppUser(Realm realm, String username, String displayName, Set<String> roles,
                      List<String> groups, String unitCode, String institutionCode) {

    /** Anyone but a hospital system: no institution. */
    public AppUser(Realm realm, String username, String displayName, Set<String> roles, List<String> groups, String unitCode) {
        this(realm, username, displayName, roles, groups, unitCode, null);
    }

    public static final String NATIONAL_CENTRE_CODE = "000000";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The account as records keep it: {@code realm:username}, e.g. {@code clerks:cy-reviewer}. */
    public String account() {
        return realm.id() + ":" + username;
    }

    public boolean isNationalCentre() {
        return NATIONAL_CENTRE_CODE.equals(unitCode);
    }
}
