package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SettlementBulkLoad} on the embedded PostgreSQL: 10,000 generated settlements over two
 * COPY streams land in their month's partition with their keys; every sum in the table equals the
 * test's own sum of what was generated; the rows read back through the hospital API and the
 * year-to-date usage like uploaded ones; a bad row refuses the whole load. Months of 2025, which no
 * other test settles in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SettlementBulkLoadTest {

    @Autowired
    SettlementBulkLoad bulkLoad;
    @Autowired
    HospitalSettlements settlements;
    @Autowired
    SettlementStore store;
    @Autowired
    JdbcClient jdbc;

    /** The test's own sums of what the generator gave, in fen. */
    static final class Sums {
        long rows;
        long total;
        long inScope;
        long selfPaid;
        long deductible;
        long funds;
        final Map<String, Long> byFund = new TreeMap<>();
        final Map<String, Long> byProvinces = new TreeMap<>();
        final List<SettlementBulkLoad.Row> sample = new ArrayList<>();

        synchronized void add(SettlementBulkLoad.Row r) {
            rows++;
            long in = 0;
            long self = 0;
            for (FeeLine f : r.feeLines()) {
                in += fen(f.inScope());
                self += fen(f.selfPaid());
            }
            long fundSum = 0;
            for (SettlementBulkLoad.Fund f : r.funds()) {
                fundSum += fen(f.amount());
                byFund.merge(f.code(), fen(f.amount()), Long::sum);
            }
            total += in + self;
            inScope += in;
            selfPaid += self;
            deductible += fen(r.deductible());
            funds += fundSum;
            byProvinces.merge(r.medicalAreaCode().substring(0, 2) + "→" + r.insuredAreaCode().substring(0, 2), in + self, Long::sum);
            if (rows % 997 == 0) {
                sample.add(r);
            }
        }

        Iterator<SettlementBulkLoad.Row> counting(Iterator<SettlementBulkLoad.Row> rows) {
            return new Iterator<>() {
                public boolean hasNext() {
                    return rows.hasNext();
                }

                public SettlementBulkLoad.Row next() {
                    SettlementBulkLoad.Row r = rows.next();
                    add(r);
                    return r;
                }
            };
        }
    }

    static long fen(Money m) {
        return m.yuan().movePointRight(2).longValueExact();
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    @Test
    void tenThousandRowsInTwoStreamsEqualWhatWasGenerated() {
        YearMonth month = YearMonth.of(2025, 6);
        SettlementGenerator generator = new SettlementGenerator(20250601L, 3_000, 200);
        Sums sums = new Sums();
        List<Iterator<SettlementBulkLoad.Row>> streams = generator.streams(month, 10_000, 2).stream()
                .map(sums::counting).toList();

        SettlementBulkLoad.Result result = bulkLoad.load(month, streams);
        bulkLoad.analyze(month);

        assertThat(result.rows()).isEqualTo(10_000);
        assertThat(result.streams()).isEqualTo(2);
        assertThat(sums.rows).isEqualTo(10_000);
        Map<String, Object> table = jdbc.sql("""
                SELECT count(*) AS n, sum(total) AS total, sum(in_scope) AS in_scope, sum(self_paid) AS self_paid,
                       sum(deductible) AS deductible, sum(funds_total) AS funds, sum(personal_cash) AS cash,
                       count(DISTINCT discharge_date) AS days, min(discharge_date) AS first, max(discharge_date) AS last,
                       count(*) FILTER (WHERE insured_province = medical_province) AS same_province,
                       count(DISTINCT insured_area_code) AS areas, count(DISTINCT institution_code) AS institutions
                FROM app.settlement_y2025m06 WHERE settlement_no LIKE 'G202506-%'""").query().singleRow();
        assertThat(table.get("n")).isEqualTo(10_000L);
        assertThat(fen((BigDecimal) table.get("total"))).isEqualTo(sums.total);
        assertThat(fen((BigDecimal) table.get("in_scope"))).isEqualTo(sums.inScope);
        assertThat(fen((BigDecimal) table.get("self_paid"))).isEqualTo(sums.selfPaid);
        assertThat(fen((BigDecimal) table.get("deductible"))).isEqualTo(sums.deductible);
        assertThat(fen((BigDecimal) table.get("funds"))).isEqualTo(sums.funds);
        assertThat(fen((BigDecimal) table.get("cash"))).isEqualTo(sums.total - sums.funds);
        // spread over every day of the month, many areas and institutions, always across provinces
        assertThat(table.get("days")).isEqualTo(30L);
        assertThat(table.get("first").toString()).isEqualTo("2025-06-01");
        assertThat(table.get("last").toString()).isEqualTo("2025-06-30");
        assertThat(table.get("same_province")).isEqualTo(0L);
        assertThat((Long) table.get("areas")).isGreaterThan(300);
        assertThat((Long) table.get("institutions")).isGreaterThan(100);

        // per fund, from the funds JSON as the year-to-date usage reads it
        Map<String, Long> byFund = new TreeMap<>();
        jdbc.sql("""
                SELECT f->>'code', sum((f->>'amount')::numeric) FROM app.settlement_y2025m06 s
                CROSS JOIN LATERAL jsonb_array_elements(s.funds) f WHERE s.settlement_no LIKE 'G202506-%' GROUP BY 1""")
                .query(rs -> {
                    byFund.put(rs.getString(1), fen(rs.getBigDecimal(2)));
                });
        assertThat(byFund).isEqualTo(sums.byFund);
        // the reconciliation's grouping: 就医省 → 参保省
        Map<String, Long> byProvinces = new TreeMap<>();
        jdbc.sql("""
                SELECT left(medical_province, 2) || '→' || left(insured_province, 2), sum(total) FROM app.settlement_y2025m06
                WHERE discharge_date BETWEEN '2025-06-01' AND '2025-06-30' AND settlement_no LIKE 'G202506-%' GROUP BY 1""")
                .query(rs -> {
                    byProvinces.put(rs.getString(1), fen(rs.getBigDecimal(2)));
                });
        assertThat(byProvinces).isEqualTo(sums.byProvinces);

        // keys: one per settlement, pointing at it
        assertThat(jdbc.sql("""
                SELECT count(*) FROM app.settlement_key k JOIN app.settlement_y2025m06 s
                  ON s.id = k.settlement_id AND s.institution_code = k.institution_code AND s.settlement_no = k.settlement_no
                WHERE k.discharge_month = '2025-06-01' AND k.settlement_no LIKE 'G202506-%'""").query(Long.class).single())
                .isEqualTo(10_000L);
        // valid, canonical ID numbers
        List<String> ids = jdbc.sql("SELECT DISTINCT person_id_number FROM app.settlement_y2025m06 WHERE settlement_no LIKE 'G202506-%'")
                .query(String.class).list();
        assertThat(ids).allSatisfy(id -> assertThat(IdNumber.isValid(id)).as(id).isTrue());

        // a loaded row reads back through the hospital API like an uploaded one
        assertThat(sums.sample).isNotEmpty();
        for (SettlementBulkLoad.Row r : sums.sample) {
            AppUser hospital = new AppUser(Realm.PROVINCIAL, "service-account-hospital-system", "hospital", Set.of(Roles.HOSPITAL),
                    List.of(), null, r.institutionCode());
            HospitalSettlement s = settlements.find(hospital, r.settlementNo()).orElseThrow();
            assertThat(s.status()).isEqualTo(HospitalSettlement.SETTLED);
            assertThat(s.dischargeDate()).isEqualTo(r.dischargeDate());
            assertThat(s.inScope()).isEqualTo(r.feeLines().stream().map(FeeLine::inScope).reduce(Money.ZERO, Money::plus));
            assertThat(s.deductible()).isEqualTo(r.deductible());
            assertThat(s.funds()).extracting(HospitalSettlement.Fund::code)
                    .containsExactlyElementsOf(r.funds().stream().map(SettlementBulkLoad.Fund::code).toList());
            assertThat(s.funds()).extracting(HospitalSettlement.Fund::amount)
                    .containsExactlyElementsOf(r.funds().stream().map(SettlementBulkLoad.Fund::amount).toList());
            assertThat(s.fundsTotal().plus(s.personalCash())).isEqualTo(s.total());
            assertThat(s.diagnosisCodes()).isEqualTo(r.diagnosisCodes());
            assertThat(s.settledAt()).isEqualTo(r.createdAt());
        }
        // and counts in the person's year-to-date usage
        SettlementBulkLoad.Row first = sums.sample.get(0);
        YearToDateUsage usage = store.usage(first.personIdNumber(), 2025);
        long admissions = jdbc.sql("SELECT count(*) FROM app.settlement WHERE person_id_number = ? AND discharge_month >= '2025-01-01' "
                + "AND discharge_month < '2026-01-01' AND status = 'SETTLED'").param(first.personIdNumber()).query(Long.class).single();
        assertThat(usage.admissions()).isEqualTo((int) admissions).isPositive();
        assertThat(usage.funds()).containsKey("POOLING");
    }

    @Test
    void theTextFormatLoadsTheSameRows() {
        YearMonth month = YearMonth.of(2025, 7);
        SettlementGenerator generator = new SettlementGenerator(20250701L, 500, 50);
        Sums sums = new Sums();
        SettlementBulkLoad.Result result = bulkLoad.load(month, List.of(sums.counting(generator.rows(month, 2_000, 0, 2_000))),
                new SettlementBulkLoad.Options(SettlementBulkLoad.Format.TEXT, 700, true, true));
        assertThat(result.rows()).isEqualTo(2_000);
        Map<String, Object> table = jdbc.sql("""
                SELECT count(*) AS n, sum(total) AS total, sum(funds_total) AS funds FROM app.settlement_y2025m07
                WHERE settlement_no LIKE 'G202507-%'""").query().singleRow();
        assertThat(table.get("n")).isEqualTo(2_000L);
        assertThat(fen((BigDecimal) table.get("total"))).isEqualTo(sums.total);
        assertThat(fen((BigDecimal) table.get("funds"))).isEqualTo(sums.funds);
        // binary and text give the same stored values for the same generated row
        SettlementBulkLoad.Row r = generator.row(month, 2_000, 1234);
        Map<String, Object> stored = jdbc.sql("""
                SELECT funds::text AS funds, fee_lines::text AS fees, diagnosis_codes::text AS codes, total, created_at
                FROM app.settlement_y2025m07 WHERE settlement_no = ?""").param(r.settlementNo()).query().singleRow();
        assertThat(stored.get("funds").toString()).contains("\"code\": \"POOLING\"", "\"name\": \"统筹基金\"");
        assertThat(stored.get("codes").toString()).startsWith("{").contains(r.diagnosisCodes().get(0));
    }

    @Test
    void aBadRowRefusesTheWholeLoad() {
        YearMonth month = YearMonth.of(2025, 8);
        SettlementGenerator generator = new SettlementGenerator(20250801L, 500, 50);
        List<SettlementBulkLoad.Row> good = new ArrayList<>();
        generator.rows(month, 3_000, 0, 3_000).forEachRemaining(good::add);
        // a lower-case x: not the canonical form the table's CHECK requires
        SettlementBulkLoad.Row bad = good.get(2_500);
        String lower = bad.personIdNumber().substring(0, 17) + "x";
        List<SettlementBulkLoad.Row> second = new ArrayList<>(good.subList(1_500, 3_000));
        second.set(1_000, new SettlementBulkLoad.Row(bad.id(), bad.institutionCode(), bad.settlementNo(), lower, bad.personName(),
                bad.insuredAreaCode(), bad.medicalAreaCode(), bad.grade(), bad.insuranceType(), bad.personType(),
                bad.policyEffectiveFrom(), bad.admissionDate(), bad.dischargeDate(), bad.emergency(), bad.filingId(),
                bad.deductible(), bad.funds(), bad.feeLines(), bad.diagnosisCodes(), bad.uploadedBy(), bad.createdAt(), null));

        assertThatThrownBy(() -> bulkLoad.load(month, List.of(good.subList(0, 1_500).iterator(), second.iterator()),
                new SettlementBulkLoad.Options(SettlementBulkLoad.Format.BINARY, 400, true, true)))
                .isInstanceOf(SettlementBulkLoad.LoadException.class)
                .hasMessageContaining("stream 1, row 1001").hasMessageContaining("canonical");
        // funds above the total: refused as well
        SettlementBulkLoad.Row r = good.get(0);
        SettlementBulkLoad.Row tooMuch = new SettlementBulkLoad.Row(r.id(), r.institutionCode(), r.settlementNo(), r.personIdNumber(),
                r.personName(), r.insuredAreaCode(), r.medicalAreaCode(), r.grade(), r.insuranceType(), r.personType(),
                r.policyEffectiveFrom(), r.admissionDate(), r.dischargeDate(), r.emergency(), r.filingId(), r.deductible(),
                List.of(new SettlementBulkLoad.Fund("POOLING", "统筹基金", Money.yuan(99_999_999), Money.yuan(99_999_999))),
                r.feeLines(), r.diagnosisCodes(), r.uploadedBy(), r.createdAt(), null);
        assertThatThrownBy(() -> bulkLoad.load(month, List.of(tooMuch).iterator()))
                .isInstanceOf(SettlementBulkLoad.LoadException.class).hasMessageContaining("above the total");
        // nothing of either load was committed, neither settlements nor keys
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_y2025m08").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM app.settlement_key WHERE discharge_month = '2025-08-01'").query(Long.class).single())
                .isZero();
    }
}
