package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Pooling areas: public queries, and edits by process admins with a field-by-field audit trail. */
@Service
public class PoolingAreas {

    private static final Pattern PHONE = Pattern.compile("[0-9\\-+() ]{3,40}");
    private static final String SELECT = """
            SELECT p.code, d.full_name AS name, p.province_code, p.cross_province_open, p.opened_on, p.filing_mode,
                   p.mode_switched_on, p.agency_name, p.agency_phone, p.agency_address, p.bank_account_name,
                   p.bank_name, p.bank_account_no, p.version
            FROM app.pooling_area p JOIN app.division d ON d.code = p.code
            """;
    private static final RowMapper<PoolingArea> AREA = (rs, i) -> new PoolingArea(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getBoolean(4), rs.getObject(5, LocalDate.class),
            PoolingArea.FilingMode.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getInt(14));

    private final JdbcClient jdbc;

    PoolingAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All areas, or those of one province (code like 350000). */
    public List<PoolingArea> list(String provinceCode) {
        if (provinceCode == null || provinceCode.isBlank()) {
            return jdbc.sql(SELECT + " ORDER BY p.code").query(AREA).list();
        }
        return jdbc.sql(SELECT + " WHERE p.province_code = ? ORDER BY p.code").param(provinceCode).query(AREA).list();
    }

    /**
     * The codes of all pooling areas (a few hundred), in one query: bulk imports such as the
     * insured registry's check every row against this set instead of asking per row.
     */
    public Set<String> codes() {
        return Set.copyOf(jdbc.sql("SELECT code FROM app.pooling_area").query(String.class).list());
    }

    public Optional<PoolingArea> find(String code) {
        return jdbc.sql(SELECT + " WHERE p.code = ?").param(code).query(AREA).optional();
    }

    /** What an admin may change; the name and code come from the divisions. */
    public record Changes(boolean crossProvinceOpen, LocalDate openedOn, PoolingArea.FilingMode filingMode,
                          LocalDate modeSwitchedOn, String agencyName, String agencyPhone, String agencyAddress,
                          String bankAccountName, String bankName, String bankAccountNo) {
    }

    public record AuditEntry(Instant changedAt, String changedBy, String field, String oldValue, String newValue) {
    }

    /**
     * Saves the changes if nobody saved in between ({@code expectedVersion}), and records who
     * changed which field from what to what.
     *
     * @throws IllegalArgumentException with a bilingual message for bad input or a concurrent edit; nothing is saved
     */
    @Transactional
    public PoolingArea update(String code, int expectedVersion, Changes changes, String username) {
        PoolingArea old = find(code).orElseThrow(() -> new IllegalArgumentException("未知的统筹区 / Unknown pooling area: " + code));
        if (changes.filingMode() == null || changes.agencyName() == null || changes.agencyName().isBlank()) {
            throw new IllegalArgumentException("备案方式和经办机构名称不能为空 / Filing mode and agency name are required");
        }
        if (changes.agencyPhone() != null && !changes.agencyPhone().isBlank() && !PHONE.matcher(changes.agencyPhone()).matches()) {
            throw new IllegalArgumentException("联系电话只能包含数字、空格和 -+() / The phone may contain only digits, spaces and -+()");
        }
        Map<String, Object[]> diff = new LinkedHashMap<>();
        compare(diff, "cross_province_open", old.crossProvinceOpen(), changes.crossProvinceOpen());
        compare(diff, "opened_on", old.openedOn(), changes.openedOn());
        compare(diff, "filing_mode", old.filingMode(), changes.filingMode());
        compare(diff, "mode_switched_on", old.modeSwitchedOn(), changes.modeSwitchedOn());
        compare(diff, "agency_name", old.agencyName(), changes.agencyName());
        compare(diff, "agency_phone", old.agencyPhone(), nullToEmpty(changes.agencyPhone()));
        compare(diff, "agency_address", old.agencyAddress(), nullToEmpty(changes.agencyAddress()));
        compare(diff, "bank_account_name", old.bankAccountName(), nullToEmpty(changes.bankAccountName()));
        compare(diff, "bank_name", old.bankName(), nullToEmpty(changes.bankName()));
        compare(diff, "bank_account_no", old.bankAccountNo(), nullToEmpty(changes.bankAccountNo()));
        if (diff.isEmpty()) {
            return old;
        }
        int updated = jdbc.sql("""
                UPDATE app.pooling_area SET cross_province_open = ?, opened_on = ?, filing_mode = ?, mode_switched_on = ?,
                    agency_name = ?, agency_phone = ?, agency_address = ?, bank_account_name = ?, bank_name = ?,
                    bank_account_no = ?, version = version + 1
                WHERE code = ? AND version = ?
                """).params(changes.crossProvinceOpen(), changes.openedOn(), changes.filingMode().name(), changes.modeSwitchedOn(),
                changes.agencyName().trim(), nullToEmpty(changes.agencyPhone()), nullToEmpty(changes.agencyAddress()),
                nullToEmpty(changes.bankAccountName()), nullToEmpty(changes.bankName()), nullToEmpty(changes.bankAccountNo()),
                code, expectedVersion).update();
        if (updated == 0) {
            throw new IllegalArgumentException("该统筹区已被他人修改，请刷新后重试 / Someone else changed this pooling area; reload and try again");
        }
        diff.forEach((field, values) -> jdbc.sql("""
                INSERT INTO app.pooling_area_audit (area_code, changed_by, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)
                """).params(code, username, field, text(values[0]), text(values[1])).update());
        return find(code).orElseThrow();
    }

    public List<AuditEntry> audit(String code) {
        return jdbc.sql("""
                SELECT changed_at, changed_by, field, old_value, new_value FROM app.pooling_area_audit
                WHERE area_code = ? ORDER BY changed_at DESC, id DESC
                """).param(code).query((rs, i) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5))).list();
    }

    private static void compare(Map<String, Object[]> diff, String field, Object oldValue, Object newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            diff.put(field, new Object[]{oldValue, newValue});
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
