package cn.gov.ybj.crossprov.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a production import of {@code keycloak-realm/*-realm.json} gets with no variable set (the
 * end-to-end test runs the same files with the launcher's settings).
 */
class RealmFilesTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode file(String name) throws IOException {
        return json.readTree(Path.of("keycloak-realm", name).toFile());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"insured", "clerks", "provincial"})
    void productionDefaults(String name) throws IOException {
        JsonNode realm = file(name + "-realm.json");
        assertThat(realm.path("passwordPolicy").asText()).isEqualTo("length(8) and notUsername and notEmail and passwordHistory(3)");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").isBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
        assertThat(client(realm, "crossprov-web").path("directAccessGrantsEnabled").asBoolean()).isFalse();
        JsonNode test = client(realm, "crossprov-test");
        assertThat(test.path("enabled").asText()).isEqualTo("${KC_TEST_CLIENT_ENABLED:false}");
        assertThat(test.path("standardFlowEnabled").asBoolean()).isFalse();
        // no person is imported with the realm, only service accounts
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asText()).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
    }

    /** The hospital system's token names its institution: what the settlement upload is limited to. */
    @org.junit.jupiter.api.Test
    void hospitalSystemTokensCarryTheInstitutionCode() throws IOException {
        JsonNode hospital = client(file("provincial-realm.json"), "hospital-system");
        assertThat(hospital.path("serviceAccountsEnabled").asBoolean()).isTrue();
        JsonNode mapper = null;
        for (JsonNode m : hospital.path("protocolMappers")) {
            if ("institution_code".equals(m.path("config").path("claim.name").asText())) {
                mapper = m;
            }
        }
        assertThat(mapper).as("institution_code mapper").isNotNull();
        assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-hardcoded-claim-mapper");
        assertThat(mapper.path("config").path("claim.value").asText()).matches("\\$\\{KC_HOSPITAL_INSTITUTION_CODE:[0-9]{13}}");
        assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
    }

    @org.junit.jupiter.api.Test
    void clerksNeedTotpUnlessTheLauncherSwitchesItOff() throws IOException {
        JsonNode clerks = file("clerks-realm.json");
        assertThat(clerks.path("browserFlow").asText()).isEqualTo("clerks browser");
        List<String> otpRequirements = new ArrayList<>();
        for (JsonNode flow : clerks.path("authenticationFlows")) {
            for (JsonNode execution : flow.path("authenticationExecutions")) {
                if (execution.path("authenticator").asText().matches("auth-otp-form|direct-grant-validate-otp")) {
                    otpRequirements.add(execution.path("requirement").asText());
                }
            }
        }
        assertThat(otpRequirements).containsExactly("${KC_CLERKS_OTP_REQUIREMENT:REQUIRED}", "${KC_CLERKS_OTP_REQUIREMENT:REQUIRED}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"insured", "clerks", "provincial"})
    void demoUsersLiveApartAndTheirPasswordPassesThePolicy(String name) throws IOException {
        JsonNode users = file("demo/" + name + "-users-0.json");
        assertThat(users.path("realm").asText()).isEqualTo(name);
        assertThat(users.path("users").size()).isPositive();
        for (JsonNode user : users.path("users")) {
            String password = user.path("credentials").path(0).path("value").asText();
            assertThat(password).hasSizeGreaterThanOrEqualTo(8)
                    .isNotEqualTo(user.path("username").asText()).isNotEqualTo(user.path("email").asText());
        }
    }
    /**
     * Cockpit and Tasklist show a staff user as {@code firstName + " " + lastName} and the app joins
     * {@code family_name + given_name} (lastName + firstName): a Chinese name is right in both only
     * whole in firstName, family name first, no space, with no last name (「管理员 流程」 was the split one).
     */
    @ParameterizedTest
    @ValueSource(strings = {"clerks", "provincial"})
    void staffNamesAreWholeInTheFirstNameSoCamundaAndTheAppShowThemRight(String name) throws IOException {
        for (JsonNode user : file("demo/" + name + "-users-0.json").path("users")) {
            String username = user.path("username").asText();
            assertThat(user.path("lastName").asText("")).as(username).isEmpty();
            assertThat(user.path("firstName").asText()).as(username).isNotBlank().doesNotContainAnyWhitespaces();
            String camunda = (user.path("firstName").asText() + " " + user.path("lastName").asText("")).strip();
            String app = user.path("lastName").asText("") + user.path("firstName").asText();
            assertThat(camunda).as(username).isEqualTo(app);
        }
        // and the realm does not ask them for a last name at their next login (Keycloak's default profile requires one)
        JsonNode profile = json.readTree(file(name + "-realm.json").path("components")
                .path("org.keycloak.userprofile.UserProfileProvider").path(0).path("config").path("kc.user.profile.config").path(0).asText());
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("lastName")) {
                assertThat(attribute.has("required")).as("lastName required").isFalse();
            }
        }
    }

    /**
     * Insured persons are never Camunda users; their realm's profile asks 姓 (lastName) and 名
     * (firstName) apart, and the app joins them family name first: a demo person's family name is
     * the last name.
     */
    @org.junit.jupiter.api.Test
    void insuredNamesAreSplitIntoFamilyAndGivenName() throws IOException {
        for (JsonNode user : file("demo/insured-users-0.json").path("users")) {
            assertThat(user.path("lastName").asText()).as(user.path("username").asText()).matches("\\p{IsHan}{1,2}");
            assertThat(user.path("firstName").asText()).as(user.path("username").asText()).matches("\\p{IsHan}{1,3}");
        }
    }
}
