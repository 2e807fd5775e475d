package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which version (SHA-256) of a shipped dataset was imported last, so that a file is loaded
 * again only when it changed. Other modules record their own datasets here (e.g. the demo
 * registry of {@code insured}) instead of writing the table themselves; call
 * {@link #recordImport} in the transaction that loaded the data.
 */
@Service
public class ReferenceDatasets {

    private final JdbcClient jdbc;

    ReferenceDatasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hex SHA-256 of the file's bytes, the version a dataset is recorded with. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether exactly this content of the dataset {@code name} was imported last. */
    public boolean isCurrent(String name, String sha256) {
        return jdbc.sql("SELECT count(*) FROM app.reference_dataset WHERE name = ? AND sha256 = ?")
                .params(name, sha256).query(Integer.class).single() > 0;
    }

    /** Records that this content of the dataset {@code name} has been imported now. */
    public void recordImport(String name, String sha256) {
        jdbc.sql("""
                INSERT INTO app.reference_dataset (name, sha256, imported_at) VALUES (?, ?, now())
                ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, imported_at = EXCLUDED.imported_at
                """).params(name, sha256).update();
    }

    /**
     * Loads the classpath file {@code resource} as dataset {@code name} with {@code load}, unless
     * exactly this content was loaded last (sha256); records the import in the caller's transaction.
     *
     * @return whether it was loaded
     */
    public boolean loadIfChanged(String name, String resource, java.util.function.Consumer<byte[]> load) throws java.io.IOException {
        byte[] content;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource(resource).getInputStream()) {
            content = in.readAllBytes();
        }
        String hash = sha256(content);
        if (isCurrent(name, hash)) {
            return false;
        }
        load.accept(content);
        recordImport(name, hash);
        return true;
    }
}
