package cn.gov.ybj.crossprov.clearing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Generated settlements of a discharge month with the hospitals' ledger lines, written with plain SQL
 * (generate_series; within the tables' CHECK constraints), and an independent reckoning in Java of
 * what the clearing tables must hold: the rows are read back one by one and reconciled, filtered and
 * summed here, not by SQL.
 * <p>
 * Settlement {@code i} of {@code n}: insured in one of 9 areas of 6 provinces, treated in one of 9
 * counties (some in its own province: not cross-province), 职工 or 居民, funds POOLING + LARGE_AMOUNT
 * (职工) or SERIOUS_ILLNESS (居民), every 11th a third fund (CIVIL_SERVANT / MEDICAL_AID), every 23rd one
 * no column names (→ 其他), every 101st no fund at all. Left out of the clearing: every 97th reversed;
 * no ledger line every 13th; the ledger differs every 17th (total, cash), 19th (funds), 29th (reversed
 * at the hospital) and 31st (booked on another day).
 */
public final class ClearingTestData {

    public static final List<String> PROVINCES = List.of("110000", "310000", "350000", "440000", "510000", "650000");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ClearingTestData() {
    }

    /** Writes {@code n} settlements of the month numbered {@code tag-i} and their ledger lines. */
    public static void insert(JdbcClient jdbc, YearMonth month, String tag, int n) {
        LocalDate first = month.atDay(1);
        // this month's partitions, and last month's for the lines booked a day early (idempotent)
        for (LocalDate m : List.of(first.minusMonths(1), first)) {
            jdbc.sql("SELECT app.settlement_ensure_partition(?)").param(m).query(rs -> {
            });
        }
        jdbc.sql("""
                WITH g AS (
                    SELECT i,
                           (ARRAY['110105','110108','350200','350100','440100','440300','310101','510100','650100'])[1 + i % 9] AS ia,
                           (ARRAY['110105','110108','350203','350102','440106','440304','310104','510107','650102'])[1 + (i / 9 + i * 5) % 9] AS ma,
                           CASE WHEN i % 3 = 0 THEN 'RESIDENT' ELSE 'EMPLOYEE' END AS it,
                           CAST(:first AS date) + (i % 28) AS d,
                           CASE WHEN i % 101 = 0 THEN 0 ELSE (abs(hashtext(:tag || 'a' || i)::bigint) % 5000000) * 0.01 END AS f1,
                           CASE WHEN i % 4 = 0 AND i % 101 <> 0 THEN (abs(hashtext(:tag || 'b' || i)::bigint) % 2000000) * 0.01 ELSE 0 END AS f2,
                           CASE WHEN (i % 11 = 0 OR i % 23 = 0) AND i % 101 <> 0 THEN (abs(hashtext(:tag || 'c' || i)::bigint) % 300000) * 0.01 END AS f3,
                           (abs(hashtext(:tag || 'd' || i)::bigint) % 1000000) * 0.01 AS cash,
                           (abs(hashtext(:tag || 'e' || i)::bigint) % 50000) * 0.01 AS selfpaid,
                           CASE WHEN i % 97 = 0 THEN 'REVERSED' ELSE 'SETTLED' END AS st
                    FROM generate_series(1, :n) AS i
                ), h AS (
                    SELECT g.*, f1 + f2 + coalesce(f3, 0) AS f, least(cash, selfpaid) AS self,
                           CASE WHEN i % 101 = 0 THEN '[]'::jsonb
                                ELSE jsonb_build_array(
                                         jsonb_build_object('code', 'POOLING', 'name', '统筹基金', 'base', f1, 'amount', f1),
                                         jsonb_build_object('code', CASE it WHEN 'EMPLOYEE' THEN 'LARGE_AMOUNT' ELSE 'SERIOUS_ILLNESS' END,
                                                            'name', '大额', 'base', 0, 'amount', f2))
                                     || CASE WHEN f3 IS NULL THEN '[]'::jsonb
                                             ELSE jsonb_build_array(jsonb_build_object(
                                                 'code', CASE WHEN i % 23 = 0 THEN 'VILLAGE_FUND'
                                                              WHEN it = 'EMPLOYEE' THEN 'CIVIL_SERVANT' ELSE 'MEDICAL_AID' END,
                                                 'name', '其他基金', 'base', 0, 'amount', f3)) END
                           END AS funds
                    FROM g
                )
                INSERT INTO app.settlement (id, discharge_month, institution_code, settlement_no, person_id_number, person_name,
                    insured_area_code, insured_province, medical_area_code, medical_province, hospital_grade, insurance_type,
                    person_type, policy_effective_from, admission_date, discharge_date, emergency, filing_id, total, in_scope,
                    self_paid, deductible, funds_total, personal_cash, funds, fee_lines, diagnosis_codes, status, uploaded_by)
                SELECT gen_random_uuid(), :first, '9' || ma || lpad((i % 7)::text, 6, '0'), :tag || '-' || i,
                       '11010519800101' || lpad((i % 10000)::text, 4, '0'), '清算测试',
                       ia, substr(ia, 1, 2) || '0000', ma, substr(ma, 1, 2) || '0000', 'GRADE_3', it,
                       CASE it WHEN 'EMPLOYEE' THEN 'IN_SERVICE' ELSE 'RESIDENT' END, DATE '2025-01-01', d - 5, d, false, NULL,
                       f + cash, f + cash - self, self, 0, f, cash, funds, '[]'::jsonb, '{I10}', st, 'test:clearing'
                FROM h""")
                .param("first", first).param("tag", tag).param("n", n).update();
        jdbc.sql("""
                INSERT INTO app.settlement_ledger (ledger_month, ledger_date, institution_code, settlement_no, medical_province,
                    insured_province, status, total, funds_total, personal_cash)
                SELECT date_trunc('month', day)::date, day, institution_code, settlement_no, medical_province, insured_province,
                       CASE WHEN status = 'REVERSED' OR i % 29 = 0 THEN 'REVERSED' ELSE 'SETTLED' END,
                       total + CASE WHEN i % 17 = 0 OR i % 19 = 0 THEN 0.01 ELSE 0 END,
                       funds_total + CASE WHEN i % 19 = 0 THEN 0.01 ELSE 0 END,
                       personal_cash + CASE WHEN i % 17 = 0 THEN 0.01 ELSE 0 END
                FROM (SELECT s.*, split_part(s.settlement_no, '-', 2)::int AS i,
                             CASE WHEN split_part(s.settlement_no, '-', 2)::int % 31 = 0 THEN s.discharge_date - 1
                                  ELSE s.discharge_date END AS day
                      FROM app.settlement s WHERE s.discharge_month = :first AND s.settlement_no LIKE :tag || '-%') x
                WHERE i % 13 <> 0""")
                .param("first", first).param("tag", tag).update();
        // written past the upload API: the changed days are marked as every writer does (ReconciledSettlements)
        jdbc.sql("""
                INSERT INTO app.settlement_day_change (day)
                SELECT DISTINCT d FROM app.settlement s, LATERAL (VALUES (s.discharge_date), (s.discharge_date - 1)) v(d)
                WHERE s.discharge_month = :first AND s.settlement_no LIKE :tag || '-%'""")
                .param("first", first).param("tag", tag).update();
    }

    /** A settlement as read back, with its ledger line's verdict. */
    record Settlement(String insuredArea, String insuredProvince, String medicalArea, String medicalProvince,
                      String insuranceType, boolean reconciled, boolean reversed, BigDecimal fundsTotal,
                      Map<String, BigDecimal> funds) {

        boolean crossProvince() {
            return !insuredProvince.equals(medicalProvince);
        }
    }

    /** What the clearing must hold, reckoned in Java from the rows. */
    static final class Expected {
        final List<Settlement> all = new ArrayList<>();
        private List<Settlement> cleared;

        /** reconciled, settled, across provinces: what the tables hold */
        List<Settlement> cleared() {
            if (cleared == null) {
                cleared = all.stream().filter(s -> s.reconciled && s.crossProvince()).toList();
            }
            return cleared;
        }

        BigDecimal sum(Predicate<Settlement> which) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Settlement s : cleared()) {
                if (which.test(s)) {
                    sum = sum.add(s.fundsTotal);
                }
            }
            return sum;
        }

        long count(Predicate<Settlement> which) {
            return cleared().stream().filter(which).count();
        }

        /** the funds of the cleared settlements that fall into a column of 7-2 / 7-3 */
        BigDecimal funds(Predicate<Settlement> which, String column) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Settlement s : cleared()) {
                if (which.test(s)) {
                    for (Map.Entry<String, BigDecimal> f : s.funds.entrySet()) {
                        if (column(s.insuranceType, f.getKey()).equals(column)) {
                            sum = sum.add(f.getValue());
                        }
                    }
                }
            }
            return sum;
        }

        /** settled across provinces but not reconciled: left out */
        List<Settlement> unreconciled() {
            return all.stream().filter(s -> !s.reversed && !s.reconciled && s.crossProvince()).toList();
        }
    }

    /** The column of 7-2 / 7-3 as the seed's 备注 define it, for the fund codes of these settlements. */
    static String column(String insuranceType, String code) {
        if (insuranceType.equals("EMPLOYEE")) {
            return switch (code) {
                case "POOLING" -> "POOLING";
                case "LARGE_AMOUNT" -> "SUPPLEMENTARY_CRITICAL";
                case "CIVIL_SERVANT" -> "CIVIL_SERVANT";
                default -> "EMPLOYEE_OTHER";
            };
        }
        return switch (code) {
            case "POOLING" -> "BASIC";
            case "SERIOUS_ILLNESS" -> "SERIOUS_ILLNESS";
            case "MEDICAL_AID" -> "RESIDENT_MEDICAL_AID";
            default -> "RESIDENT_OTHER";
        };
    }

    /** Reads the month's settlements of {@code tag} and their ledger lines back and reconciles them here. */
    static Expected expected(JdbcClient jdbc, YearMonth month, String tag) {
        record Line(String status, BigDecimal total, BigDecimal funds, BigDecimal cash) {
        }
        Map<String, Line> ledger = new HashMap<>();
        jdbc.sql("""
                        SELECT ledger_date, institution_code, settlement_no, status, total, funds_total, personal_cash
                        FROM app.settlement_ledger WHERE settlement_no LIKE ? || '-%'""")
                .param(tag).query(rs -> {
                    ledger.put(rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getObject(1, LocalDate.class),
                            new Line(rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)));
                });
        Expected e = new Expected();
        jdbc.sql("""
                        SELECT institution_code, settlement_no, discharge_date, insured_area_code, insured_province,
                               medical_area_code, medical_province, insurance_type, status, total, funds_total,
                               personal_cash, funds::text
                        FROM app.settlement WHERE discharge_month = ? AND settlement_no LIKE ? || '-%'""")
                .params(month.atDay(1), tag).query(rs -> {
                    Line l = ledger.get(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getObject(3, LocalDate.class));
                    boolean settled = rs.getString(9).equals("SETTLED");
                    BigDecimal total = rs.getBigDecimal(10);
                    BigDecimal funds = rs.getBigDecimal(11);
                    BigDecimal cash = rs.getBigDecimal(12);
                    boolean reconciled = settled && l != null && l.status.equals("SETTLED") && l.total.compareTo(total) == 0
                            && l.funds.compareTo(funds) == 0 && l.cash.compareTo(cash) == 0;
                    Map<String, BigDecimal> byCode = new LinkedHashMap<>();
                    try {
                        for (JsonNode f : JSON.readTree(rs.getString(13))) {
                            byCode.merge(f.path("code").asText(), f.path("amount").decimalValue(), BigDecimal::add);
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    e.all.add(new Settlement(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), reconciled, !settled, funds, byCode));
                });
        return e;
    }

    static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(t -> map.put(key.apply(t), t));
        return map;
    }
}
