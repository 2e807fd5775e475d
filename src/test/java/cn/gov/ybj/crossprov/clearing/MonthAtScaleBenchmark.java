package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.settlement.DailyReconciliation;
import cn.gov.ybj.crossprov.settlement.Reconciliation;
import cn.gov.ybj.crossprov.settlement.ReconciledSettlements;
import cn.gov.ybj.crossprov.settlement.SettlementBulkLoad;
import cn.gov.ybj.crossprov.settlement.SettlementGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national month at scale, loaded once: N settlements (default 25 million) with {@link SettlementBulkLoad}
 * and as many hospital ledger lines (copied in SQL from the settlements, with a few deliberate mismatches
 * on the measured day). Then, each printed: 日对账 of one day for the national centre (every pair) and for
 * one province over several runs, joined (settlement issue: ≤ 2 s); every day of the month summed, as
 * the nightly run does (time per day); the same 日对账 read from the day's sums; the month's clearing tables generated
 * (clearing issue: ≤ 60 s), 附件7 and a province's table read, and the JVM heap around the generation
 * (the month is never loaded into the JVM: the heap's peak stays near its level before).
 * <pre>
 * ./mvnw test -Dtest=MonthAtScaleBenchmark -Dbenchmark=true -Dbench.rows=25000000 -Dbench.streams=2 -Dbench.runs=10
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest
@ActiveProfiles("test")
class MonthAtScaleBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Autowired
    SettlementBulkLoad bulkLoad;
    @Autowired
    DailyReconciliation reconciliation;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    MonthlyClearing clearing;
    @Autowired
    ReconciledSettlements reconciled;
    /** the set-up's statements over the whole month run for minutes: no request timeout (30 s) for them */
    JdbcClient jdbc;

    @Test
    void oneDayOfAMonthOfSettlements() {
        org.springframework.jdbc.core.JdbcTemplate untimed = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        untimed.setQueryTimeout(0);
        jdbc = JdbcClient.create(untimed);
        long rows = Long.getLong("bench.rows", 25_000_000L);
        int streams = Integer.getInteger("bench.streams", 2);
        int runs = Integer.getInteger("bench.runs", 10);
        LocalDate day = MONTH.atDay(15);
        LocalDate first = MONTH.atDay(1);

        long t0 = System.nanoTime();
        SettlementGenerator generator = new SettlementGenerator(20261129L, 2_000_000, 8_000);
        SettlementBulkLoad.Result loaded = bulkLoad.load(MONTH, generator.streams(MONTH, rows, streams));
        System.out.printf("RECON-BENCH settlements loaded: %,d rows in %.1f s (%,.0f rows/s)%n", loaded.rows(),
                loaded.elapsed().toMillis() / 1000.0, loaded.rows() / (loaded.elapsed().toNanos() / 1e9));

        long t1 = System.nanoTime();
        // the hospitals' ledgers: every settlement as booked, and one submission per institution and day
        long lines = jdbc.sql("""
                INSERT INTO app.settlement_ledger (ledger_month, ledger_date, institution_code, settlement_no, medical_province,
                    insured_province, status, total, funds_total, personal_cash)
                SELECT discharge_month, discharge_date, institution_code, settlement_no, medical_province, insured_province,
                       status, total, funds_total, personal_cash
                FROM app.settlement WHERE discharge_month = ?""").param(first).update();
        jdbc.sql("""
                INSERT INTO app.settlement_ledger_submission (institution_code, ledger_date, lines, submitted_by)
                SELECT institution_code, ledger_date, count(*), 'benchmark' FROM app.settlement_ledger
                WHERE ledger_month = ? GROUP BY institution_code, ledger_date""").param(first).update();
        // the measured day's mismatches: lines missing, other amounts, reversed at the hospital only
        int missing = jdbc.sql("""
                DELETE FROM app.settlement_ledger WHERE ledger_month = ? AND ledger_date = ?
                    AND (ledger_date, institution_code, settlement_no) IN (
                        SELECT ledger_date, institution_code, settlement_no FROM app.settlement_ledger
                        WHERE ledger_month = ? AND ledger_date = ? ORDER BY settlement_no LIMIT 50)""")
                .params(first, day, first, day).update();
        int amounts = jdbc.sql("""
                UPDATE app.settlement_ledger SET funds_total = funds_total + 1, personal_cash = greatest(personal_cash - 1, 0),
                    total = funds_total + 1 + greatest(personal_cash - 1, 0)
                WHERE ledger_month = ? AND ledger_date = ? AND status = 'SETTLED' AND settlement_no LIKE '%7'
                  AND institution_code IN (SELECT institution_code FROM app.settlement_ledger
                                           WHERE ledger_month = ? AND ledger_date = ? GROUP BY 1 ORDER BY 1 LIMIT 3)""")
                .params(first, day, first, day).update();
        jdbc.sql("VACUUM ANALYZE app.settlement_" + String.format("y%04dm%02d", MONTH.getYear(), MONTH.getMonthValue())).update();
        jdbc.sql("VACUUM ANALYZE app.settlement_ledger_" + String.format("y%04dm%02d", MONTH.getYear(), MONTH.getMonthValue())).update();
        System.out.printf("RECON-BENCH ledgers: %,d lines, %d removed and %d changed on %s, vacuumed, in %.1f s%n",
                lines, missing, amounts, day, (System.nanoTime() - t1) / 1e9);
        long dayRows = jdbc.sql("SELECT count(*) FROM app.settlement WHERE discharge_month = ? AND discharge_date = ?")
                .params(first, day).query(Long.class).single();
        String size = jdbc.sql("SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c "
                + "WHERE c.relname LIKE 'settlement%' AND c.relkind IN ('r', 'p')").query(String.class).single();

        AppUser centre = new AppUser(Realm.PROVINCIAL, "bench-nc", "bench-nc", Set.of("OFFICER", "CLEARING"),
                List.of("national-centre"), AppUser.NATIONAL_CENTRE_CODE);
        AppUser beijing = new AppUser(Realm.PROVINCIAL, "bench-bj", "bench-bj", Set.of("OFFICER", "CLEARING"),
                List.of("province-110000"), "110000");
        for (AppUser officer : List.of(centre, beijing)) {
            Reconciliation r = timeDay("joined", officer, officer == centre, day, runs, dayRows, rows, size);
            if (officer == centre) {
                assertThat(r.mismatchCount()).isEqualTo(missing + amounts);
                assertThat(r.platform().count() + r.platform().reversed()).isEqualTo(dayRows);
            }
        }
        // the nights of the month: each day's sums written once (what the nightly run does, day by day)
        long n0 = System.nanoTime();
        int closedDays = reconciled.closeDays(first, MONTH.atEndOfMonth(), true);
        List<Long> took = jdbc.sql("SELECT took_ms FROM app.settlement_day WHERE day >= ? AND day <= ? ORDER BY took_ms")
                .params(first, MONTH.atEndOfMonth()).query(Long.class).list();
        long dayGroups = jdbc.sql("SELECT count(*) FROM app.settlement_day_group WHERE day >= ? AND day <= ?")
                .params(first, MONTH.atEndOfMonth()).query(Long.class).single();
        System.out.printf("DAY-SUMS-BENCH %d days summed in %.1f s: per day median %d ms, max %d ms; %,d day groups in the month%n",
                closedDays, (System.nanoTime() - n0) / 1e9, took.get(took.size() / 2), took.get(took.size() - 1), dayGroups);
        for (AppUser officer : List.of(centre, beijing)) {
            Reconciliation r = timeDay("summed", officer, officer == centre, day, runs, dayRows, rows, size);
            if (officer == centre) {
                assertThat(r.mismatchCount()).isEqualTo(missing + amounts);
            }
        }
        // 月度清算 of the month: every settlement but the day's mismatches is reconciled
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long heapBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long g = System.nanoTime();
        ClearingSummary month = clearing.generate(centre, MONTH);
        double generation = (System.nanoTime() - g) / 1e9;
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("CLEARING-BENCH tables generated in %.1f s (%d ms inside): %,d reconciled settlements, %s yuan; "
                        + "%,d left out; heap used %,d MB before, peak %,d MB during (sum of pool peaks), max %,d MB%n",
                generation, month.generationMs(), month.settlements(), month.fundsTotal(), month.unreconciledSettlements(),
                heapBefore >> 20, heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        long stored = jdbc.sql("SELECT count(*) FROM app.clearing_line WHERE month = ?").param(first).query(Long.class).single();
        System.out.printf("CLEARING-BENCH %,d stored lines%n", stored);
        for (String what : List.of("附件7 (national centre)", "7-1 北京 by area")) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                long s = System.nanoTime();
                if (what.startsWith("附件7")) {
                    clearing.matrix(centre, MONTH).orElseThrow();
                } else {
                    clearing.table(beijing, MONTH, TableKind.PAYABLE, "110000", ClearingTable.TableRows.AREAS, null).orElseThrow();
                }
                if (i > 0) {
                    ms.add((System.nanoTime() - s) / 1e6);
                }
            }
            Collections.sort(ms);
            System.out.printf("CLEARING-BENCH read %s: %d runs: min %.1f ms, median %.1f ms, max %.1f ms%n", what, runs,
                    ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
        }
        long reconciled = jdbc.sql("""
                        SELECT count(*) FROM app.settlement s JOIN app.settlement_ledger l ON l.ledger_month = s.discharge_month
                            AND l.ledger_date = s.discharge_date AND l.institution_code = s.institution_code
                            AND l.settlement_no = s.settlement_no
                        WHERE s.discharge_month = ? AND s.status = 'SETTLED' AND l.status = 'SETTLED' AND l.total = s.total
                          AND l.funds_total = s.funds_total AND l.personal_cash = s.personal_cash
                          AND s.insured_province <> s.medical_province""")
                .param(first).query(Long.class).single();
        assertThat(month.settlements()).isEqualTo(reconciled);
        // changes after the day was summed (late ledgers, uploads, reversals) by some institutions: the first view
        // sums those institutions again, as a hospital's ledger would have done when it arrived
        for (int changed : List.of(50, 500)) {
            jdbc.sql("""
                    INSERT INTO app.settlement_day_change (day, institution_code)
                    SELECT ?, institution_code FROM (SELECT DISTINCT institution_code FROM app.settlement
                                                     WHERE discharge_month = ? AND discharge_date = ?) i
                    ORDER BY md5(institution_code) LIMIT ?""").params(day, first, day, changed).update();
            long s = System.nanoTime();
            Reconciliation r = reconciliation.day(centre, day);
            System.out.printf("RECON-BENCH summed, %d institutions changed since (after clearing): first view (sums them again) %.0f ms%n",
                    changed, (System.nanoTime() - s) / 1e6);
            assertThat(r.mismatchCount()).isEqualTo(missing + amounts);
            timeDay("summed, after " + changed + " institutions changed", centre, true, day, runs, dayRows, rows, size);
        }
        // the day as it goes (the job of every minute, ReconciledSettlements.keepCurrent): a marker per upload of the day,
        // all summed again by earlier runs but a minute's worth by 500 institutions; then the run, then an officer's view
        jdbc.sql("""
                INSERT INTO app.settlement_day_change (day, institution_code, resummed)
                SELECT discharge_date, institution_code, true FROM app.settlement WHERE discharge_month = ? AND discharge_date = ?""")
                .params(first, day).update();
        jdbc.sql("""
                INSERT INTO app.settlement_day_change (day, institution_code)
                SELECT ?, institution_code FROM (SELECT DISTINCT institution_code FROM app.settlement
                                                 WHERE discharge_month = ? AND discharge_date = ?) i
                ORDER BY md5(institution_code || 'minute') LIMIT 500""").params(day, first, day).update();
        long k = System.nanoTime();
        ReconciledSettlements.DaysKept kept = this.reconciled.keepCurrent(first, MONTH.atEndOfMonth());
        System.out.printf("RECON-BENCH the minute's run over the month's %d days, %,d markers of the day (one per upload), "
                        + "500 institutions changed since the last run: %s in %.0f ms%n", MONTH.lengthOfMonth(), dayRows + 500, kept,
                (System.nanoTime() - k) / 1e6);
        assertThat(kept).isEqualTo(new ReconciledSettlements.DaysKept(0, 1));
        timeDay("summed and kept current by the minute's run, a marker per upload", centre, true, day, runs, dayRows, rows, size);
        System.out.printf("MONTH-BENCH total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** 日对账 of the day for an officer, timed over {@code runs} after a warm-up; printed with the day's size. */
    private Reconciliation timeDay(String how, AppUser officer, boolean centre, LocalDate day, int runs, long dayRows, long rows,
                                   String size) {
        Reconciliation r = reconciliation.day(officer, day); // warm-up
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r = reconciliation.day(officer, day);
            ms.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("RECON-BENCH %s, %s: %,d settlements that day (%,d in the month, %s on disk): %d pairs, "
                        + "%,d mismatches; %d runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
                how, centre ? "national centre (all pairs)" : "北京 (its pairs)", dayRows, rows, size,
                r.pairs().size(), r.mismatchCount(), runs, ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
        return r;
    }
}
