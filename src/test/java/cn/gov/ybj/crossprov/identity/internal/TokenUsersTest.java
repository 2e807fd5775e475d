package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUsersTest {

    @Test
    void clerkGetsRolesAndPoolingAreaFromGroups() {
        AppUser user = TokenUsers.toUser(Realm.CLERKS, Map.of("preferred_username", "cy-reviewer",
                "family_name", "朝阳区", "given_name", "审核", "roles", List.of("clerk", "reviewer", "offline_access"),
                "groups", List.of("area-110105")));

        assertThat(user.roles()).containsExactlyInAnyOrder("CLERK", "REVIEWER");
        assertThat(user.unitCode()).isEqualTo("110105");
        assertThat(user.displayName()).isEqualTo("朝阳区审核");
    }

    @Test
    void realmRoleComesFromTheRealmNotFromAClaim() {
        // a clerk token that claims the insured role must not become an insured person
        AppUser user = TokenUsers.toUser(Realm.CLERKS, Map.of("preferred_username", "x", "roles", List.of("insured", "officer")));
        assertThat(user.roles()).containsExactly("CLERK");
    }

    @Test
    void processAdminsAreRecognisedOnlyInTheClerksRealm() {
        Map<String, Object> claims = Map.of("preferred_username", "a", "groups", List.of("process-admins"));
        assertThat(TokenUsers.toUser(Realm.CLERKS, claims).roles()).contains("PROCESS_ADMIN");
        assertThat(TokenUsers.toUser(Realm.PROVINCIAL, claims).roles()).doesNotContain("PROCESS_ADMIN");
        assertThat(TokenUsers.toUser(Realm.INSURED, claims).roles()).doesNotContain("PROCESS_ADMIN");
    }

    @Test
    void officerUnitIsProvinceOrNationalCentre() {
        assertThat(TokenUsers.toUser(Realm.PROVINCIAL, Map.of("groups", List.of("province-350000"))).unitCode()).isEqualTo("350000");
        AppUser national = TokenUsers.toUser(Realm.PROVINCIAL, Map.of("groups", List.of("national-centre")));
        assertThat(national.isNationalCentre()).isTrue();
    }

    @Test
    void insuredPersonGetsNoIdNumberFromTheTokenAndNoUnit() {
        AppUser user = TokenUsers.toUser(Realm.INSURED, Map.of("preferred_username", "zhangwei",
                "id_number", "110105195803120029", "groups", List.of("area-110105")));
        // a typed ID number proves nothing: AppUser has no such component; the binding decides
        assertThat(user.toString()).doesNotContain("110105195803120029");
        assertThat(user.unitCode()).isNull();
        assertThat(user.roles()).containsExactly("INSURED");
    }

    @Test
    void realmOfIssuerIsTheLastPathSegment() {
        assertThat(TokenUsers.realmOfIssuer("http://localhost:8180/realms/clerks")).contains(Realm.CLERKS);
        assertThat(TokenUsers.realmOfIssuer("http://localhost:8180/realms/master")).isEmpty();
    }
}
