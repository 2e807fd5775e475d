package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.settlement.Reconciliation;
import cn.gov.ybj.crossprov.settlement.ReconciledSettlements;
import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SQL of 日对账 (tables of V20__settlement_reconciliation.sql). Plain SQL, not JPA: a day is compared
 * over a month partition of up to 25 million settlements, with the sums in the database.
 */
@Component
public class ReconciliationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** for the month's groups: fetched in batches, and without the 30 s timeout of the requests (a month is 25 M rows) */
    private final JdbcTemplate monthly;

    ReconciliationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.monthly = new JdbcTemplate(template.getDataSource());
        this.monthly.setFetchSize(5_000);
        this.monthly.setQueryTimeout(30 * 60);
    }

    /** A ledger line, checked; the provinces are the line's pair. */
    public record LedgerLine(String settlementNo, String medicalProvince, String insuredProvince, String status,
                             BigDecimal total, BigDecimal fundsTotal, BigDecimal personalCash) {
    }

    /** Replaces the institution's ledger of the day (in the caller's transaction); returns its revision. */
    public int replaceLedger(String institution, LocalDate day, List<LedgerLine> lines, String by) {
        int revision = jdbc.sql("""
                        INSERT INTO app.settlement_ledger_submission (institution_code, ledger_date, lines, submitted_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (institution_code, ledger_date) DO UPDATE
                            SET lines = excluded.lines, submitted_by = excluded.submitted_by, submitted_at = now(),
                                revision = app.settlement_ledger_submission.revision + 1
                        RETURNING revision""")
                .params(institution, day, lines.size(), by).query(Integer.class).single();
        LocalDate month = day.withDayOfMonth(1);
        jdbc.sql("DELETE FROM app.settlement_ledger WHERE ledger_month = ? AND ledger_date = ? AND institution_code = ?")
                .params(month, day, institution).update();
        markChanged(day, institution);
        template.batchUpdate("""
                        INSERT INTO app.settlement_ledger (ledger_month, ledger_date, institution_code, settlement_no,
                            medical_province, insured_province, status, total, funds_total, personal_cash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 1000, (ps, l) -> {
            ps.setObject(1, month);
            ps.setObject(2, day);
            ps.setString(3, institution);
            ps.setString(4, l.settlementNo());
            ps.setString(5, l.medicalProvince());
            ps.setString(6, l.insuredProvince());
            ps.setString(7, l.status());
            ps.setBigDecimal(8, l.total());
            ps.setBigDecimal(9, l.fundsTotal());
            ps.setBigDecimal(10, l.personalCash());
        });
        return revision;
    }

    /** Whose settlements a reconciliation covers: one institution, one province (either side), or all. */
    public record Scope(String institution, String province) {
        public static final Scope ALL = new Scope(null, null);

        String filter() {
            if (institution != null) {
                return " AND institution_code = ?";
            }
            return province != null ? " AND (medical_province = ? OR insured_province = ?)" : "";
        }

        List<Object> params() {
            if (institution != null) {
                return List.of(institution);
            }
            return province != null ? List.of(province, province) : List.of();
        }
    }

    /*
     * Both sides of the day, joined by (institution, settlement number). A settlement the hospital's
     * ledger lacks is NOT_SUBMITTED when the institution sent no ledger for the day at all. Amounts are
     * compared only for settlements both sides hold as SETTLED (a reversal has nothing left to pay).
     */
    private static final String JOINED = """
            WITH p AS (
                SELECT institution_code, settlement_no, medical_province, insured_province, status, total, funds_total, personal_cash
                FROM app.settlement WHERE discharge_month = ? AND discharge_date = ? %1$s
            ), h AS (
                SELECT institution_code, settlement_no, medical_province, insured_province, status, total, funds_total, personal_cash
                FROM app.settlement_ledger WHERE ledger_month = ? AND ledger_date = ? %1$s
            ), submitted AS (
                SELECT institution_code FROM app.settlement_ledger_submission WHERE ledger_date = ?
            ), j AS (
                SELECT coalesce(p.medical_province, h.medical_province) AS mp,
                       coalesce(p.insured_province, h.insured_province) AS ip,
                       coalesce(p.institution_code, h.institution_code) AS inst,
                       coalesce(p.settlement_no, h.settlement_no) AS no,
                       p.status AS ps, p.total AS pt, p.funds_total AS pf, p.personal_cash AS pc,
                       h.status AS hs, h.total AS ht, h.funds_total AS hf, h.personal_cash AS hc,
                       CASE
                           WHEN h.status IS NULL THEN
                               CASE WHEN p.institution_code IN (SELECT institution_code FROM submitted)
                                    THEN 'MISSING_AT_HOSPITAL' ELSE 'NOT_SUBMITTED' END
                           WHEN p.status IS NULL THEN 'MISSING_AT_PLATFORM'
                           WHEN p.status <> h.status THEN 'STATUS'
                           WHEN p.status = 'SETTLED' AND (p.total <> h.total OR p.funds_total <> h.funds_total
                                                          OR p.personal_cash <> h.personal_cash) THEN 'AMOUNT'
                       END AS kind
                FROM p FULL JOIN h ON h.institution_code = p.institution_code AND h.settlement_no = p.settlement_no
            )
            """;

    private List<Object> params(LocalDate day, Scope scope) {
        return params(day, scope.params());
    }

    private static List<Object> params(LocalDate day, List<Object> scopeParams) {
        List<Object> params = new ArrayList<>();
        params.add(day.withDayOfMonth(1));
        params.add(day);
        params.addAll(scopeParams);
        params.add(day.withDayOfMonth(1));
        params.add(day);
        params.addAll(scopeParams);
        params.add(day);
        return params;
    }

    /* per pair: both sides' counts and sums of the joined day, and how many settlements differ */
    private static final String PAIR_SUMS = """
            count(*) FILTER (WHERE hs = 'SETTLED') AS h_count, coalesce(sum(ht) FILTER (WHERE hs = 'SETTLED'), 0) AS h_total,
            coalesce(sum(hf) FILTER (WHERE hs = 'SETTLED'), 0) AS h_funds, coalesce(sum(hc) FILTER (WHERE hs = 'SETTLED'), 0) AS h_cash,
            count(*) FILTER (WHERE hs = 'REVERSED') AS h_reversed,
            count(*) FILTER (WHERE ps = 'SETTLED') AS p_count, coalesce(sum(pt) FILTER (WHERE ps = 'SETTLED'), 0) AS p_total,
            coalesce(sum(pf) FILTER (WHERE ps = 'SETTLED'), 0) AS p_funds, coalesce(sum(pc) FILTER (WHERE ps = 'SETTLED'), 0) AS p_cash,
            count(*) FILTER (WHERE ps = 'REVERSED') AS p_reversed,
            count(*) FILTER (WHERE kind IS NOT NULL) AS mismatches""";
    private static final String PAIR_COLUMNS = "h_count, h_total, h_funds, h_cash, h_reversed, p_count, p_total, p_funds, p_cash, "
            + "p_reversed, mismatches";
    private static final String MISMATCH_COLUMNS = "mp, ip, inst, no, kind, hs, ht, hf, hc, ps, pt, pf, pc";

    /**
     * Makes the day's stored 日对账 current, in the caller's transaction, if the day was summed
     * ({@link #closeDay}) and changed since only by institutions (uploads, reversals, ledgers): those
     * institutions' rows are summed again, a few hundred settlements each. Returns whether the stored rows
     * are current; false when the day was never summed, was changed as a whole (a bulk load), or is being
     * summed as a whole right now (the day's lock is waited for 1 s only: a reader then joins the day).
     */
    public boolean refreshInstitutions(LocalDate day, int mismatchesPerInstitutionAndPair) {
        // without the lock first: the usual summed day with nothing changed since is read at once
        DayState state = stateOf(day);
        if (state != DayState.CHANGED) {
            return state == DayState.CURRENT;
        }
        if (!tryDayLock(day) || stateOf(day) == DayState.JOIN) {
            return false;
        }
        // the markers committed so far; the sums below are later statements and see at least their changes
        List<String> changed = jdbc.sql("""
                        UPDATE app.settlement_day_change SET resummed = true
                        WHERE day = ? AND NOT resummed RETURNING institution_code""")
                .param(day).query(String.class).list().stream().distinct().toList();
        if (!changed.isEmpty()) {
            String[] codes = changed.toArray(String[]::new);
            jdbc.sql("DELETE FROM app.settlement_day_pair WHERE day = ? AND institution_code = ANY(?)").params(day, codes).update();
            jdbc.sql("DELETE FROM app.settlement_day_mismatch WHERE day = ? AND inst = ANY(?)").params(day, codes).update();
            writePairs(template, day, " AND institution_code = ANY(?)", List.of((Object) codes), mismatchesPerInstitutionAndPair);
        }
        return true;
    }

    /**
     * The day's lock, tried for 1 s: while the day is summed as a whole (about a minute at 25 M) a reader
     * joins the day rather than wait. Tried, not waited for with a lock timeout: a timeout would abort the
     * caller's transaction.
     */
    private boolean tryDayLock(LocalDate day) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('settlement-day'), ?)")
                    .param((int) day.toEpochDay()).query(Boolean.class).single())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** What a day's stored 日对账 is worth. */
    public enum DayState {
        /** never summed, or changed as a whole since (a bulk load): only a join of the day gives its figures */
        JOIN,
        /** summed, and changed since by institutions not yet summed again */
        CHANGED,
        CURRENT
    }

    /* each kind of marker by an index of its own (V37): the current day has a marker per upload */
    private static final String DAY_STATES = """
            SELECT d::date AS day,
                   CASE WHEN NOT EXISTS (SELECT 1 FROM app.settlement_day s WHERE s.day = d::date)
                          OR EXISTS (SELECT 1 FROM app.settlement_day_change c WHERE c.day = d::date AND c.institution_code IS NULL)
                        THEN 'JOIN'
                        WHEN EXISTS (SELECT 1 FROM app.settlement_day_change c WHERE c.day = d::date AND NOT c.resummed) THEN 'CHANGED'
                        ELSE 'CURRENT' END AS state
            FROM generate_series(?::date, ?::date, interval '1 day') d
            ORDER BY 1""";

    private DayState stateOf(LocalDate day) {
        return statesOf(day, day).get(day);
    }

    /** The state of each day from {@code from} to {@code to} (inclusive), in date order. */
    public Map<LocalDate, DayState> statesOf(LocalDate from, LocalDate to) {
        Map<LocalDate, DayState> states = new LinkedHashMap<>();
        jdbc.sql(DAY_STATES).params(from, to).query((RowCallbackHandler) rs ->
                states.put(rs.getObject("day", LocalDate.class), DayState.valueOf(rs.getString("state"))));
        return states;
    }

    /*
     * The day's 日对账 per institution and pair, and the first mismatches of each institution in each pair
     * (a pair's first mismatches in (institution, number) order are among them), for the institutions of
     * the filter (none: all).
     */
    private static void writePairs(JdbcTemplate sql, LocalDate day, String filter, List<Object> filterParams, int mismatches) {
        List<Object> joined = params(day, filterParams);
        joined.add(day);
        sql.update("INSERT INTO app.settlement_day_pair (day, institution_code, medical_province, insured_province, " + PAIR_COLUMNS
                + ") " + JOINED.formatted(filter) + "SELECT ?::date, inst, mp, ip, " + PAIR_SUMS + " FROM j GROUP BY inst, mp, ip",
                joined.toArray());
        joined.add(mismatches);
        sql.update("INSERT INTO app.settlement_day_mismatch (day, " + MISMATCH_COLUMNS + ") " + JOINED.formatted(filter)
                + "SELECT ?::date, " + MISMATCH_COLUMNS + " FROM (SELECT *, row_number() OVER (PARTITION BY inst, mp, ip ORDER BY no) AS r "
                + "FROM j WHERE kind IS NOT NULL) m WHERE r <= ?", joined.toArray());
    }

    /**
     * The pairs of the day with both sides' counts and sums, and their mismatch counts; {@code stored}: as
     * the day's sums hold them (only for a day made current by {@link #refreshInstitutions}, and not for
     * one institution).
     */
    public List<Reconciliation.Pair> pairs(LocalDate day, Scope scope, boolean stored) {
        JdbcClient.StatementSpec spec;
        if (stored) {
            spec = jdbc.sql("SELECT medical_province AS mp, insured_province AS ip, " + PAIR_COLUMNS.replaceAll("(\\w+)", "sum($1) AS $1")
                    + " FROM app.settlement_day_pair WHERE day = ?" + scope.filter() + " GROUP BY mp, ip ORDER BY mp, ip").param(day);
            scope.params().forEach(spec::param);
        } else {
            spec = jdbc.sql(JOINED.formatted(scope.filter()) + "SELECT mp, ip, " + PAIR_SUMS + " FROM j GROUP BY mp, ip ORDER BY mp, ip")
                    .params(params(day, scope));
        }
        return spec.query((rs, n) -> new Reconciliation.Pair(rs.getString("mp"), rs.getString("ip"),
                side(rs, "h_"), side(rs, "p_"), rs.getLong("mismatches"))).list();
    }

    /** The mismatches of the day, by pair, institution and number; at most {@code limit}; {@code stored} as for pairs. */
    public List<Reconciliation.Mismatch> mismatches(LocalDate day, Scope scope, int limit, boolean stored) {
        JdbcClient.StatementSpec spec;
        if (stored) {
            spec = jdbc.sql("SELECT " + MISMATCH_COLUMNS + " FROM app.settlement_day_mismatch WHERE day = ?"
                    + scope.filter().replace("medical_province", "mp").replace("insured_province", "ip")
                    + " ORDER BY mp, ip, inst, no LIMIT " + limit).param(day);
            scope.params().forEach(spec::param);
        } else {
            spec = jdbc.sql(JOINED.formatted(scope.filter())
                    + "SELECT * FROM j WHERE kind IS NOT NULL ORDER BY mp, ip, inst, no LIMIT " + limit).params(params(day, scope));
        }
        return spec.query((rs, n) -> new Reconciliation.Mismatch(rs.getString("inst"),
                rs.getString("no"), rs.getString("mp"), rs.getString("ip"), Reconciliation.Kind.valueOf(rs.getString("kind")),
                line(rs, "hs", "ht", "hf", "hc"), line(rs, "ps", "pt", "pf", "pc"))).list();
    }

    private static Reconciliation.Side side(ResultSet rs, String prefix) throws SQLException {
        return new Reconciliation.Side(rs.getLong(prefix + "count"), new Money(rs.getBigDecimal(prefix + "total")),
                new Money(rs.getBigDecimal(prefix + "funds")), new Money(rs.getBigDecimal(prefix + "cash")),
                rs.getLong(prefix + "reversed"));
    }

    private static Reconciliation.Line line(ResultSet rs, String status, String total, String funds, String cash) throws SQLException {
        String s = rs.getString(status);
        return s == null ? null : new Reconciliation.Line(s, new Money(rs.getBigDecimal(total)),
                new Money(rs.getBigDecimal(funds)), new Money(rs.getBigDecimal(cash)));
    }

    /*
     * The settled settlements of one discharge day, each joined to its ledger line (the hospital's day =
     * the discharge date; the month repeated so that only its partitions are read), as two kinds of
     * groups (app.settlement_day_group), each settlement in one of each: by 参保地 × 就医省 × 险种 ×
     * reconciled, with the funds unnested to sum them per code (7-1 to 7-3, 附件7), and by 就医地 ×
     * 参保省 × 险种 × reconciled (7-6). Both areas together would give nearly a group per settlement (a
     * day's settlements spread over ~400 × ~3,000 area pairs). The unnest repeats a settlement once per
     * fund, so its count and funds_total are taken from its first fund's row only (n = 1, or no fund).
     */
    private static final String DAY_SETTLEMENTS = """
            FROM app.settlement s
            LEFT JOIN app.settlement_ledger l
                   ON l.ledger_month = ? AND l.ledger_date = ? AND l.ledger_date = s.discharge_date
                  AND l.institution_code = s.institution_code AND l.settlement_no = s.settlement_no
            """;
    private static final String RECONCILED = """
            coalesce(l.status = 'SETTLED' AND l.total = s.total AND l.funds_total = s.funds_total
                     AND l.personal_cash = s.personal_cash, false)""";
    private static final String DAY_GROUPS_BY_INSURED_AREA = """
            INSERT INTO app.settlement_day_group (day, insured_area_code, insured_province, medical_area_code, medical_province,
                insurance_type, reconciled, settlements, funds_total, fund_codes, fund_amounts)
            WITH per_fund AS (
                SELECT s.insured_area_code, s.insured_province, s.medical_province, s.insurance_type,
                       %s AS reconciled,
                       f.fund ->> 'code' AS code,
                       sum((f.fund ->> 'amount')::numeric) AS amount,
                       count(*) FILTER (WHERE f.n IS NULL OR f.n = 1) AS settlements,
                       coalesce(sum(s.funds_total) FILTER (WHERE f.n IS NULL OR f.n = 1), 0) AS funds_total
                %s
                LEFT JOIN LATERAL jsonb_array_elements(s.funds) WITH ORDINALITY AS f(fund, n) ON true
                WHERE s.discharge_month = ? AND s.discharge_date = ? AND s.status = 'SETTLED'
                GROUP BY 1, 2, 3, 4, 5, 6
            )
            SELECT ?, insured_area_code, insured_province, NULL, medical_province, insurance_type, reconciled,
                   sum(settlements), sum(funds_total),
                   coalesce(array_agg(code ORDER BY code) FILTER (WHERE code IS NOT NULL), '{}'),
                   coalesce(array_agg(amount ORDER BY code) FILTER (WHERE code IS NOT NULL), '{}')
            FROM per_fund
            GROUP BY 2, 3, 5, 6, 7""".formatted(RECONCILED, DAY_SETTLEMENTS);
    private static final String DAY_GROUPS_BY_MEDICAL_AREA = """
            INSERT INTO app.settlement_day_group (day, insured_area_code, insured_province, medical_area_code, medical_province,
                insurance_type, reconciled, settlements, funds_total, fund_codes, fund_amounts)
            SELECT ?::date, NULL, s.insured_province, s.medical_area_code, s.medical_province, s.insurance_type,
                   %s, count(*), sum(s.funds_total), '{}', '{}'
            %s
            WHERE s.discharge_month = ? AND s.discharge_date = ? AND s.status = 'SETTLED'
            GROUP BY 3, 4, 5, 6, 7""".formatted(RECONCILED, DAY_SETTLEMENTS);

    /** An institution changed a day (in the caller's transaction): its sums are written again before they are used. */
    public void markChanged(LocalDate day, String institution) {
        jdbc.sql("INSERT INTO app.settlement_day_change (day, institution_code) VALUES (?, ?)").params(day, institution).update();
    }

    /** The days from {@code from} to {@code to} (inclusive) never summed, or changed since. */
    public List<LocalDate> daysToClose(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT d::date FROM generate_series(?::date, ?::date, interval '1 day') d
                        WHERE NOT EXISTS (SELECT 1 FROM app.settlement_day s WHERE s.day = d::date)
                           OR EXISTS (SELECT 1 FROM app.settlement_day_change c WHERE c.day = d::date)
                        ORDER BY 1""")
                .params(from, to).query(LocalDate.class).list();
    }

    /**
     * Writes the sums of one day on {@code connection}, a connection of its own (not the caller's
     * transaction: clearing calls this inside its own), committed here. READ COMMITTED: the day's lock
     * first ({@code wait} false: false is returned when another node holds it), then the day's change
     * markers are deleted — those committed so far — and only then the sums are taken, by a later
     * statement that sees at least every change those markers stood for. A change committed meanwhile
     * keeps its marker, and the day is summed again next time. Returns whether the day was summed.
     */
    public boolean closeDay(Connection connection, LocalDate day, boolean wait, int mismatchesPerInstitutionAndPair) throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        sql.setQueryTimeout(monthly.getQueryTimeout());
        try {
            int key = (int) day.toEpochDay();
            if (wait) {
                sql.query("SELECT pg_advisory_xact_lock(hashtext('settlement-day'), ?)", (rs, n) -> 1, key);
            } else if (!Boolean.TRUE.equals(sql.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext('settlement-day'), ?)",
                    Boolean.class, key))) {
                connection.rollback();
                return false;
            }
            sql.update("DELETE FROM app.settlement_day_change WHERE day = ?", day);
            sql.update("DELETE FROM app.settlement_day_group WHERE day = ?", day);
            LocalDate month = day.withDayOfMonth(1);
            int groups = sql.update(DAY_GROUPS_BY_INSURED_AREA, month, day, month, day, day)
                    + sql.update(DAY_GROUPS_BY_MEDICAL_AREA, day, month, day, month, day);
            // the officers' view of the day: every institution's pairs, and their first mismatches (a province's
            // list of MAX_MISMATCHES_LISTED, in pair order, never needs more of one institution in one pair)
            sql.update("DELETE FROM app.settlement_day_pair WHERE day = ?", day);
            sql.update("DELETE FROM app.settlement_day_mismatch WHERE day = ?", day);
            writePairs(sql, day, "", List.of(), mismatchesPerInstitutionAndPair);
            sql.update("""
                            INSERT INTO app.settlement_day (day, settlements, groups, closed_at, took_ms)
                            SELECT ?, coalesce(sum(settlements), 0), ?, now(), ? FROM app.settlement_day_group WHERE day = ?
                            ON CONFLICT (day) DO UPDATE SET settlements = excluded.settlements, groups = excluded.groups,
                                closed_at = excluded.closed_at, took_ms = excluded.took_ms""",
                    day, groups, (System.nanoTime() - start) / 1_000_000, day);
            connection.commit();
            return true;
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /*
     * A discharge month's groups from the sums of its days: the same two kinds (an area is NULL in each),
     * the fund amounts unnested from the day rows and summed per code (count and funds_total from each
     * day row's first code only, as in DAY_GROUPS_BY_INSURED_AREA).
     */
    private static final String MONTH_GROUPS = """
            WITH per_fund AS (
                SELECT g.insured_area_code, g.insured_province, g.medical_area_code, g.medical_province, g.insurance_type,
                       g.reconciled, f.code, sum(f.amount) AS amount,
                       sum(g.settlements) FILTER (WHERE f.n IS NULL OR f.n = 1) AS settlements,
                       coalesce(sum(g.funds_total) FILTER (WHERE f.n IS NULL OR f.n = 1), 0) AS funds_total
                FROM app.settlement_day_group g
                LEFT JOIN LATERAL unnest(g.fund_codes, g.fund_amounts) WITH ORDINALITY AS f(code, amount, n) ON true
                WHERE g.day >= ? AND g.day < ?
                GROUP BY 1, 2, 3, 4, 5, 6, 7
            )
            SELECT insured_area_code, insured_province, medical_area_code, medical_province, insurance_type, reconciled,
                   sum(settlements) AS settlements, sum(funds_total) AS funds_total,
                   array_agg(code ORDER BY code) FILTER (WHERE code IS NOT NULL) AS codes,
                   array_agg(amount ORDER BY code) FILTER (WHERE code IS NOT NULL) AS amounts
            FROM per_fund
            GROUP BY 1, 2, 3, 4, 5, 6""";

    /** The groups of {@link ReconciledSettlements#ofMonth}; {@code month} is the 1st. */
    public void monthGroups(LocalDate month, Consumer<ReconciledSettlements.Group> each) {
        monthly.query(MONTH_GROUPS, (RowCallbackHandler) rs -> {
            Map<String, Money> funds = new LinkedHashMap<>();
            java.sql.Array codes = rs.getArray("codes");
            if (codes != null) {
                String[] c = (String[]) codes.getArray();
                BigDecimal[] a = (BigDecimal[]) rs.getArray("amounts").getArray();
                for (int i = 0; i < c.length; i++) {
                    funds.put(c[i], new Money(a[i]));
                }
            }
            each.accept(new ReconciledSettlements.Group(rs.getString("insured_area_code"), rs.getString("insured_province"),
                    rs.getString("medical_area_code"), rs.getString("medical_province"),
                    InsuranceType.valueOf(rs.getString("insurance_type")), rs.getBoolean("reconciled"),
                    rs.getLong("settlements"), new Money(rs.getBigDecimal("funds_total")), Collections.unmodifiableMap(funds)));
        }, month, month.plusMonths(1));
    }
}
