package cn.gov.ybj.crossprov.reference;

import cn.gov.ybj.crossprov.shared.DivisionNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Administrative divisions (行政区划, GB/T 2260). */
@Service
public class Divisions implements DivisionNames {

    private final JdbcClient jdbc;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Divisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Full name, e.g. 北京市朝阳区 for 110105. Names found are kept in memory (at most the ~3,200 divisions):
     * settlement uploads, reconciliation and clearing screens ask for them per row, and they change only
     * when the divisions are imported again ({@link #reloaded}). A code not found is asked again each time.
     */
    @Override
    public Optional<String> name(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String known = names.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = jdbc.sql("SELECT full_name FROM app.division WHERE code = ?").param(code).query(String.class)
                .optional();
        found.ifPresent(n -> names.put(code, n));
        return found;
    }

    /** The divisions were imported again: names are read anew. */
    public void reloaded() {
        names.clear();
    }

    public Optional<Division> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code, full_name, level, province_level_only FROM app.division WHERE code = ?")
                .param(code).query(Division.class).optional();
    }

    public List<Division> provinces() {
        return jdbc.sql("SELECT code, full_name, level, province_level_only FROM app.division WHERE level = 1 ORDER BY code")
                .query(Division.class).list();
    }

    /** Cities of a province, or counties of a city. */
    public List<Division> children(String parentCode) {
        return jdbc.sql("SELECT code, full_name, level, province_level_only FROM app.division WHERE parent_code = ? ORDER BY code")
                .param(parentCode).query(Division.class).list();
    }

    /** County-level divisions of the whole country. */
    public List<Division> counties() {
        return jdbc.sql("SELECT code, full_name, level, province_level_only FROM app.division WHERE level = 3 ORDER BY code")
                .query(Division.class).list();
    }

    /** @param fullName e.g. 北京市朝阳区 */
    public record Division(String code, String fullName, int level, boolean provinceLevelOnly) {
    }
}
