package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Application roles come from each realm's allow-list only. */
class TokenUsersRolesTest {

    private static AppUser user(Realm realm, Map<String, Object> claims) {
        return TokenUsers.toUser(realm, claims);
    }

    @Test
    void clerksRealmGrantsReviewerCounterSupervisorAndNothingElse() {
        AppUser clerk = user(Realm.CLERKS, Map.of("preferred_username", "c", "roles",
                List.of("reviewer", "counter", "supervisor", "clearing", "finance", "hospital", "process_admin",
                        "offline_access", "uma_authorization", "default-roles-clerks", "admin")));
        assertThat(clerk.roles()).containsExactlyInAnyOrder("CLERK", "REVIEWER", "COUNTER", "SUPERVISOR");
    }

    @Test
    void processAdminComesFromTheGroupNotFromARoleClaim() {
        assertThat(user(Realm.CLERKS, Map.of("roles", List.of("PROCESS_ADMIN", "process-admin"))).roles())
                .containsExactly("CLERK");
        assertThat(user(Realm.CLERKS, Map.of("groups", List.of("process-admins", "area-110105"))).roles())
                .containsExactlyInAnyOrder("CLERK", "PROCESS_ADMIN");
    }

    @Test
    void provincialRealmGrantsClearingPrepaymentFinanceAndNothingElse() {
        AppUser officer = user(Realm.PROVINCIAL, Map.of("preferred_username", "o", "azp", "crossprov-web", "roles",
                List.of("officer", "clearing", "prepayment", "finance", "reviewer", "supervisor", "offline_access")));
        assertThat(officer.roles()).containsExactlyInAnyOrder("OFFICER", "CLEARING", "PREPAYMENT", "FINANCE");
    }

    @Test
    void insuredRealmGrantsNoClaimedRoles() {
        assertThat(user(Realm.INSURED, Map.of("roles", List.of("insured", "reviewer", "clearing", "hospital", "supervisor")))
                .roles()).containsExactly("INSURED");
    }

    @Test
    void hospitalClientGetsHospitalOnlyNeverOfficer() {
        AppUser byClient = user(Realm.PROVINCIAL, Map.of("preferred_username", "service-account-hospital-system",
                "azp", "hospital-system", "roles", List.of("hospital", "offline_access", "default-roles-provincial")));
        assertThat(byClient.roles()).containsExactly("HOSPITAL");
        // the client is recognised even if its role is missing, and the role even from another client
        assertThat(user(Realm.PROVINCIAL, Map.of("azp", "hospital-system")).roles()).containsExactly("HOSPITAL");
        assertThat(user(Realm.PROVINCIAL, Map.of("azp", "crossprov-test", "roles", List.of("hospital", "clearing"))).roles())
                .containsExactly("HOSPITAL");
    }

    @Test
    void aHospitalSystemsInstitutionComesFromItsClaimAndOnlyForHospitals() {
        assertThat(user(Realm.PROVINCIAL, Map.of("azp", "hospital-system", "institution_code", "1100001006723"))
                .institutionCode()).isEqualTo("1100001006723");
        // malformed: no institution at all
        assertThat(user(Realm.PROVINCIAL, Map.of("azp", "hospital-system", "institution_code", "110000100672"))
                .institutionCode()).isNull();
        // an officer or a clerk with such a claim is no hospital
        assertThat(user(Realm.PROVINCIAL, Map.of("roles", List.of("clearing"), "institution_code", "1100001006723"))
                .institutionCode()).isNull();
        assertThat(user(Realm.CLERKS, Map.of("azp", "hospital-system", "institution_code", "1100001006723"))
                .institutionCode()).isNull();
    }

    @Test
    void hospitalRoleMeansNothingOutsideTheProvincialRealm() {
        assertThat(user(Realm.CLERKS, Map.of("azp", "hospital-system", "roles", List.of("hospital"))).roles())
                .containsExactly("CLERK");
        assertThat(user(Realm.INSURED, Map.of("azp", "hospital-system", "roles", List.of("hospital"))).roles())
                .containsExactly("INSURED");
    }
}
