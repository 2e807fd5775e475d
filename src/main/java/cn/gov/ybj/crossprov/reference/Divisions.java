package cn.gov.ybj.crossprov.reference;

import cn.gov.ybj.crossprov.shared.DivisionNames;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Administrative divisions (行政区划, GB/T 2260). */
@Service
public class Divisions implements DivisionNames {

    private static final String SELECT = "SELECT code, full_name, level, province_level_only FROM app.division ";
    private static final RowMapper<Division> DIVISION = (rs, i) ->
            new Division(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4));

    private final JdbcClient jdbc;
    private final Map<String, Division> byCode = new ConcurrentHashMap<>();

    Divisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Full name, e.g. 北京市朝阳区 for 110105 ({@link #find}). */
    @Override
    public Optional<String> name(String code) {
        return find(code).map(Division::fullName);
    }

    /** The divisions were imported again: they are read anew. */
    public void reloaded() {
        byCode.clear();
    }

    /**
     * A division by code. Those found are kept in memory (at most the ~3,200 divisions): every filing asks for two,
     * settlement uploads, reconciliation and clearing screens for names per row, and they change only when the
     * divisions are imported again ({@link #reloaded}). A code not found is asked again each time.
     */
    public Optional<Division> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Division known = byCode.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Division> division = jdbc.sql(SELECT + "WHERE code = ?").param(code).query(DIVISION).optional();
        division.ifPresent(d -> byCode.put(code, d));
        return division;
    }

    public List<Division> provinces() {
        return jdbc.sql(SELECT + "WHERE level = 1 ORDER BY code").query(DIVISION).list();
    }

    /** Cities of a province, or counties of a city. */
    public List<Division> children(String parentCode) {
        return jdbc.sql(SELECT + "WHERE parent_code = ? ORDER BY code").param(parentCode).query(DIVISION).list();
    }

    /** County-level divisions of the whole country. */
    public List<Division> counties() {
        return jdbc.sql(SELECT + "WHERE level = 3 ORDER BY code").query(DIVISION).list();
    }

    /** @param fullName e.g. 北京市朝阳区 */
    public record Division(String code, String fullName, int level, boolean provinceLevelOnly) {
    }
}
