package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.settlement.internal.PolicyFile;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A test fixture: the demo policies stored where none are yet (the demo loader does it in the local run). */
public final class StoredDemoPolicies {

    private static final AppUser ADMIN = new AppUser(Realm.CLERKS, "settlement-test-admin", "settlement-test-admin",
            Set.of("CLERK", "PROCESS_ADMIN"), List.of("process-admins"), "110105");

    private StoredDemoPolicies() {
    }

    /** Stores the demo file's versions of the keys chosen that have no stored version. */
    public static void store(SettlementPolicies policies, Predicate<PolicyKey> which) {
        for (PolicyVersion v : PolicyFile.demo().all()) {
            if (which.test(v.key()) && policies.versions(v.key()).isEmpty()) {
                try {
                    policies.save(ADMIN, v);
                } catch (BusinessRuleException e) {
                    // stored meanwhile by another test class
                }
            }
        }
    }
}
