package cn.gov.ybj.crossprov;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Users as the security layer builds them from a login, for tests that call the services directly. */
public final class TestUsers {

    /** insured test accounts and the registry persons they stand for, bound by {@link #bindAll} */
    private static final Map<String, String> PERSONS = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    /** An insured account that stands for the person; {@link #bindAll} binds it as a counter would have. */
    public static AppUser insured(String username, String idNumber) {
        PERSONS.put(username, idNumber);
        return new AppUser(Realm.INSURED, username, username, Set.of("INSURED"), List.of(), null);
    }

    /**
     * Binds every insured test account created so far to its person (a fixture, like the demo
     * accounts' bindings): skipped where the person is not in the registry or already bound.
     */
    public static void bindAll(JdbcClient jdbc) {
        PERSONS.forEach((username, idNumber) -> bind(jdbc, username, idNumber));
    }

    /** Binds one insured account to its person (a fixture); skipped as in {@link #bindAll}. */
    public static void bind(JdbcClient jdbc, String username, String idNumber) {
        jdbc.sql("""
                INSERT INTO app.account_binding (account, id_number, method, bound_by)
                SELECT ?, id_number, 'DEMO', 'test' FROM app.insurance_record WHERE id_number = ?
                ON CONFLICT DO NOTHING
                """).params("insured:" + username, idNumber).update();
    }

    /** A clerk of the pooling area with the role (REVIEWER, COUNTER, SUPERVISOR). */
    public static AppUser clerk(String username, String area, String role) {
        return new AppUser(Realm.CLERKS, username, username, Set.of("CLERK", role), List.of("area-" + area), area);
    }

    /** A real one-page PDF (uploads are parsed, a file that only starts with %PDF- is refused). */
    public static final byte[] PDF = onePagePdf();

    private static byte[] onePagePdf() {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A bearer token of the insured realm for MockMvc, as Keycloak issues it to the person's account. */
    public static RequestPostProcessor insuredToken(String username, String idNumber) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", username)
                        .claim("id_number", idNumber))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    /** A bearer token of the clerks realm for MockMvc: a clerk of the area with the role (reviewer, counter …). */
    public static RequestPostProcessor clerkToken(String username, String area, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", role)))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }
}
