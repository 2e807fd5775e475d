package cn.gov.ybj.crossprov.identity;

import java.util.Arrays;
import java.util.Optional;

/** The three Keycloak realms; each person belongs to exactly one of them. */
public enum Realm {
    /** 参保人 */
    INSURED("insured", "INSURED"),
    /** 经办人员 */
    CLERKS("clerks", "CLERK"),
    /** 省级经办机构 and the national centre */
    PROVINCIAL("provincial", "OFFICER");

    private final String id;
    private final String role;

    Realm(String id, String role) {
        this.id = id;
        this.role = role;
    }

    /** Keycloak realm name, also the OAuth2 client registration id. */
    public String id() {
        return id;
    }

    /** Role (without {@code ROLE_}) that every member of the realm holds in the application. */
    public String role() {
        return role;
    }

    public static Optional<Realm> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
