package cn.gov.ybj.crossprov;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;

import java.util.List;
import java.util.Set;

/** Users as the security layer builds them from a login, for tests that call the services directly. */
public final class TestUsers {

    private TestUsers() {
    }

    public static AppUser insured(String username, String idNumber) {
        return new AppUser(Realm.INSURED, username, username, Set.of("INSURED"), List.of(), null);
    }

    /** A clerk of the pooling area with the role (REVIEWER, COUNTER, SUPERVISOR). */
    public static AppUser clerk(String username, String area, String role) {
        return new AppUser(Realm.CLERKS, username, username, Set.of("CLERK", role), List.of("area-" + area), area);
    }

    /** The smallest file that passes the PDF content check. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
