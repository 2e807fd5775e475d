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
        return new AppUser(Realm.INSURED, username, username, Set.of("INSURED"), List.of(), null, idNumber);
    }

    /** A clerk of the pooling area with the role (REVIEWER, COUNTER, SUPERVISOR). */
    public static AppUser clerk(String username, String area, String role) {
        return new AppUser(Realm.CLERKS, username, username, Set.of("CLERK", role), List.of("area-" + area), area, null);
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
}
