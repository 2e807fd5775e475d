package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.clearing.ClearingTable.Row;
import cn.gov.ybj.crossprov.clearing.ClearingTable.TableRows;
import cn.gov.ybj.crossprov.clearing.ClearingTestData.Expected;
import cn.gov.ybj.crossprov.clearing.ClearingTestData.Settlement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 月度清算's tables on PostgreSQL: 20,000 generated settlements of March 2025 (some reversed, some not
 * reconciled, some inside one province), the tables 附件7–7-6 compared cell by cell with sums reckoned in
 * Java from the rows, exact to the fen; row sums = column sums = grand total; a month generated once,
 * also by two at the same moment; a province sees only its own; confirmations and disputes.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClearingTablesTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final YearMonth APRIL = YearMonth.of(2025, 4);

    @Autowired
    MonthlyClearing clearing;
    @Autowired
    JdbcClient jdbc;

    Expected march;
    ClearingSummary generated;

    static AppUser centre(String... roles) {
        return new AppUser(Realm.PROVINCIAL, "nc-test", "nc-test", Set.of(roles), List.of("national-centre"),
                AppUser.NATIONAL_CENTRE_CODE);
    }

    static AppUser officer(String province, String... roles) {
        return new AppUser(Realm.PROVINCIAL, "officer-" + province, "officer-" + province, Set.of(roles),
                List.of("province-" + province), province);
    }

    static final AppUser CENTRE = centre("OFFICER", "CLEARING");

    static AppUser clearingOfficer(String province) {
        return officer(province, "OFFICER", "CLEARING");
    }

    @BeforeAll
    void generate() {
        ClearingTestData.insert(jdbc, MARCH, "CLR2503", 20_000);
        march = ClearingTestData.expected(jdbc, MARCH, "CLR2503");
        generated = clearing.generate(CENTRE, MARCH);
    }

    static Money money(BigDecimal yuan) {
        return new Money(yuan);
    }

    @Test
    void theDataHasEveryKindOfSettlementTheClearingLeavesOut() {
        assertThat(march.all).hasSize(20_000);
        assertThat(march.all.stream().filter(Settlement::reversed).count()).isGreaterThan(100);
        assertThat(march.unreconciled().size()).isGreaterThan(3_000);
        assertThat(march.all.stream().filter(s -> !s.crossProvince()).count()).isGreaterThan(500);
        assertThat(march.cleared().size()).isGreaterThan(10_000);
    }

    @Test
    void theMonthRecordsWhatItHoldsAndWhatWasLeftOut() {
        assertThat(generated.month()).isEqualTo(MARCH);
        assertThat(generated.status()).isEqualTo(ClearingStatus.CONFIRMING);
        assertThat(generated.generatedBy()).isEqualTo("provincial:nc-test");
        assertThat(generated.generatedAt()).isNotNull();
        assertThat(generated.generationMs()).isNotNegative();
        assertThat(generated.settlements()).isEqualTo(march.cleared().size());
        assertThat(generated.fundsTotal()).isEqualTo(money(march.sum(s -> true)));
        assertThat(generated.unreconciledSettlements()).isEqualTo(march.unreconciled().size());
        BigDecimal left = march.unreconciled().stream().map(Settlement::fundsTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(generated.unreconciledFunds()).isEqualTo(money(left));
        // every province of the divisions is in the month; those without amounts have nothing to confirm
        assertThat(generated.provinces()).hasSizeGreaterThanOrEqualTo(32);
        generated.provinces().forEach(p -> assertThat(p.status()).as(p.province())
                .isEqualTo(ClearingTestData.PROVINCES.contains(p.province()) ? ProvinceStatus.PENDING : ProvinceStatus.NOT_INVOLVED));
        assertThat(generated.provinces()).anySatisfy(p -> {
            assertThat(p.province()).isEqualTo("110000");
            assertThat(p.name()).isEqualTo("北京市");
        });
    }

    @Test
    void theMatrixEqualsAnIndependentSumCellByCell() {
        ClearingMatrix m = clearing.matrix(CENTRE, MARCH).orElseThrow();
        List<String> codes = m.provinces().stream().map(ClearingMatrix.Province::code).toList();
        assertThat(codes).containsAll(ClearingTestData.PROVINCES).isSorted();
        assertThat(m.cells()).hasSize(codes.size() * (codes.size() - 1));
        BigDecimal rows = BigDecimal.ZERO;
        BigDecimal columns = BigDecimal.ZERO;
        for (String r : codes) {
            assertThat(m.cell(r, r)).as("diagonal ——").isEmpty();
            for (String c : codes) {
                if (!r.equals(c)) {
                    Predicate<Settlement> pair = s -> s.medicalProvince().equals(r) && s.insuredProvince().equals(c);
                    ClearingMatrix.Cell cell = m.cell(r, c).orElseThrow();
                    assertThat(cell.amount()).as("收款 %s 付款 %s", r, c).isEqualTo(money(march.sum(pair)));
                    assertThat(cell.settlements()).isEqualTo(march.count(pair));
                }
            }
            ClearingMatrix.Total row = m.receiving().stream().filter(t -> t.province().equals(r)).findFirst().orElseThrow();
            ClearingMatrix.Total column = m.paying().stream().filter(t -> t.province().equals(r)).findFirst().orElseThrow();
            assertThat(row.amount()).isEqualTo(money(march.sum(s -> s.medicalProvince().equals(r))));
            assertThat(column.amount()).isEqualTo(money(march.sum(s -> s.insuredProvince().equals(r))));
            // the database's row total is the sum of the row's cells, likewise the column
            assertThat(row.amount()).isEqualTo(m.cells().stream().filter(x -> x.receivingProvince().equals(r))
                    .map(ClearingMatrix.Cell::amount).reduce(Money.ZERO, Money::plus));
            assertThat(column.amount()).isEqualTo(m.cells().stream().filter(x -> x.payingProvince().equals(r))
                    .map(ClearingMatrix.Cell::amount).reduce(Money.ZERO, Money::plus));
            rows = rows.add(row.amount().yuan());
            columns = columns.add(column.amount().yuan());
        }
        BigDecimal grand = march.sum(s -> true);
        assertThat(grand.signum()).isPositive();
        assertThat(m.grandTotal()).isEqualTo(money(grand));
        assertThat(money(rows)).isEqualTo(m.grandTotal());
        assertThat(money(columns)).isEqualTo(m.grandTotal());
        assertThat(m.settlements()).isEqualTo(march.cleared().size());
    }

    @Test
    void eachProvincesTablesEqualTheIndependentSums() {
        for (String p : ClearingTestData.PROVINCES) {
            ClearingMatrix m = clearing.matrix(CENTRE, MARCH).orElseThrow();
            Map<String, ClearingTable> t = ClearingTestData.index(clearing.tables(CENTRE, MARCH, p), x -> x.kind().annex());
            assertThat(t.keySet()).containsExactly("7-1", "7-2", "7-3", "7-4", "7-5", "7-6");

            // 7-1 应付: rows whom p pays, columns 职工 / 居民 / 新农合
            ClearingTable payable = t.get("7-1");
            assertThat(payable.title()).endsWith("跨省异地就医应付医疗费用清算表");
            assertThat(payable.columns()).extracting(ClearingTable.Column::label).containsExactly("职工医保", "居民医保", "新农合");
            assertThat(payable.rows()).extracting(Row::code).doesNotContain(p).hasSize(m.provinces().size() - 1);
            for (Row row : payable.rows()) {
                Predicate<Settlement> pair = s -> s.insuredProvince().equals(p) && s.medicalProvince().equals(row.code());
                assertThat(row.amounts()).as("7-1 %s → %s", p, row.code()).containsExactly(
                        money(march.sum(pair.and(s -> s.insuranceType().equals("EMPLOYEE")))),
                        money(march.sum(pair.and(s -> s.insuranceType().equals("RESIDENT")))), Money.ZERO);
                assertThat(row.total()).isEqualTo(money(march.sum(pair)));
                assertThat(row.settlements()).isEqualTo(march.count(pair));
            }
            Predicate<Settlement> pays = s -> s.insuredProvince().equals(p);
            assertSums(payable, money(march.sum(pays)));
            assertThat(payable.total().total()).isEqualTo(m.paying().stream().filter(x -> x.province().equals(p))
                    .findFirst().orElseThrow().amount());

            // 7-2 / 7-3 fund payments by the seed's columns; together they are 7-1
            for (String annex : List.of("7-2", "7-3")) {
                ClearingTable funds = t.get(annex);
                String type = annex.equals("7-2") ? "EMPLOYEE" : "RESIDENT";
                assertThat(funds.columns()).extracting(ClearingTable.Column::label).containsExactlyElementsOf(annex.equals("7-2")
                        ? List.of("统筹基金", "个人账户", "大病补充医疗保险", "补充医疗保险", "公务员医疗补助", "伤残人员医疗保障", "民政救助", "其他")
                        : List.of("基本医疗保险", "城乡居民大病保险", "民政救助", "其他"));
                for (Row row : funds.rows()) {
                    Predicate<Settlement> pair = pays.and(s -> s.medicalProvince().equals(row.code()) && s.insuranceType().equals(type));
                    for (int i = 0; i < funds.columns().size(); i++) {
                        assertThat(row.amounts().get(i)).as("%s %s → %s %s", annex, p, row.code(), funds.columns().get(i).code())
                                .isEqualTo(money(march.funds(pair, funds.columns().get(i).code())));
                    }
                    assertThat(row.total()).isEqualTo(money(march.sum(pair)));
                    assertThat(row.settlements()).isNull();
                }
                assertSums(funds, money(march.sum(pays.and(s -> s.insuranceType().equals(type)))));
            }
            assertThat(t.get("7-2").total().total().plus(t.get("7-3").total().total())).isEqualTo(payable.total().total());
            assertThat(t.get("7-2").total().amounts().get(1)).as("个人账户 pays nothing yet").isEqualTo(Money.ZERO);

            // 7-4 / 7-5 审核扣款: the same layout, all zeros until the audit of 第四十一条
            for (String annex : List.of("7-4", "7-5")) {
                ClearingTable deductions = t.get(annex);
                assertThat(deductions.columns()).isEqualTo(t.get(annex.equals("7-4") ? "7-2" : "7-3").columns());
                assertThat(deductions.rows()).extracting(Row::code).isEqualTo(payable.rows().stream().map(Row::code).toList());
                deductions.rows().forEach(r -> assertThat(r.amounts()).allMatch(Money::isZero));
                assertThat(deductions.total().total()).isEqualTo(Money.ZERO);
            }

            // 7-6 应收: rows from whom p receives
            ClearingTable receivable = t.get("7-6");
            Predicate<Settlement> receives = s -> s.medicalProvince().equals(p);
            for (Row row : receivable.rows()) {
                Predicate<Settlement> pair = receives.and(s -> s.insuredProvince().equals(row.code()));
                assertThat(row.amounts()).as("7-6 %s ← %s", p, row.code()).containsExactly(
                        money(march.sum(pair.and(s -> s.insuranceType().equals("EMPLOYEE")))),
                        money(march.sum(pair.and(s -> s.insuranceType().equals("RESIDENT")))), Money.ZERO);
                assertThat(row.settlements()).isEqualTo(march.count(pair));
            }
            assertSums(receivable, money(march.sum(receives)));
            assertThat(receivable.total().total()).isEqualTo(m.receiving().stream().filter(x -> x.province().equals(p))
                    .findFirst().orElseThrow().amount());
        }
    }

    /** Row totals add up to the 合计 row's total, which is also the sum of its columns; and is {@code expected}. */
    static void assertSums(ClearingTable table, Money expected) {
        Money rows = table.rows().stream().map(Row::total).reduce(Money.ZERO, Money::plus);
        Money columns = table.total().amounts().stream().reduce(Money.ZERO, Money::plus);
        assertThat(table.total().total()).as(table.title()).isEqualTo(expected);
        assertThat(rows).as(table.title() + " rows").isEqualTo(expected);
        assertThat(columns).as(table.title() + " columns").isEqualTo(expected);
        for (Row row : table.rows()) {
            assertThat(row.amounts().stream().reduce(Money.ZERO, Money::plus)).as(row.code()).isEqualTo(row.total());
        }
        for (int i = 0; i < table.columns().size(); i++) {
            int c = i;
            assertThat(table.rows().stream().map(r -> r.amounts().get(c)).reduce(Money.ZERO, Money::plus))
                    .as(table.columns().get(i).code()).isEqualTo(table.total().amounts().get(i));
        }
    }

    @Test
    void aProvinceLooksAtEachOfItsPoolingAreas() {
        // 7-1 of 北京 by 参保地, and for one of them alone
        ClearingTable byArea = clearing.table(CENTRE, MARCH, TableKind.PAYABLE, "110000", TableRows.AREAS, null).orElseThrow();
        assertThat(byArea.rows()).extracting(Row::code).containsExactly("110105", "110108");
        for (Row row : byArea.rows()) {
            assertThat(row.total()).isEqualTo(money(march.sum(s -> s.insuredArea().equals(row.code()))));
            assertThat(row.settlements()).isEqualTo(march.count(s -> s.insuredArea().equals(row.code())));
        }
        assertSums(byArea, money(march.sum(s -> s.insuredProvince().equals("110000"))));
        ClearingTable one = clearing.table(CENTRE, MARCH, TableKind.EMPLOYEE_FUNDS, "110000", TableRows.PROVINCES, "110108")
                .orElseThrow();
        assertThat(one.area()).isEqualTo("110108");
        for (Row row : one.rows()) {
            Predicate<Settlement> pair = s -> s.insuredArea().equals("110108") && s.medicalProvince().equals(row.code())
                    && s.insuranceType().equals("EMPLOYEE");
            assertThat(row.amounts().get(0)).isEqualTo(money(march.funds(pair, "POOLING")));
            assertThat(row.total()).isEqualTo(money(march.sum(pair)));
        }
        assertSums(one, money(march.sum(s -> s.insuredArea().equals("110108") && s.insuranceType().equals("EMPLOYEE"))));
        // 7-6 of 福建 by 就医地
        ClearingTable medical = clearing.table(CENTRE, MARCH, TableKind.RECEIVABLE, "350000", TableRows.AREAS, null).orElseThrow();
        assertThat(medical.rows()).extracting(Row::code).containsExactly("350102", "350203");
        for (Row row : medical.rows()) {
            assertThat(row.total()).isEqualTo(money(march.sum(s -> s.medicalArea().equals(row.code()))));
        }
        assertSums(medical, money(march.sum(s -> s.medicalProvince().equals("350000"))));
        // an area of another province is no area of 北京's
        assertThatThrownBy(() -> clearing.table(CENTRE, MARCH, TableKind.PAYABLE, "110000", TableRows.PROVINCES, "350200"))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aProvincialOfficerGetsNothingOfAnotherProvince() {
        AppUser beijing = officer("110000", "OFFICER", "PREPAYMENT");
        ClearingMatrix full = clearing.matrix(CENTRE, MARCH).orElseThrow();
        ClearingMatrix own = clearing.matrix(beijing, MARCH).orElseThrow();
        assertThat(own.province()).isEqualTo("110000");
        assertThat(own.cells()).hasSize(2 * (own.provinces().size() - 1))
                .allMatch(c -> c.receivingProvince().equals("110000") || c.payingProvince().equals("110000"))
                .allMatch(c -> full.cell(c.receivingProvince(), c.payingProvince()).orElseThrow().equals(c));
        assertThat(own.receiving()).extracting(ClearingMatrix.Total::province).containsExactly("110000");
        assertThat(own.paying()).extracting(ClearingMatrix.Total::province).containsExactly("110000");
        assertThat(own.receiving().get(0)).isEqualTo(full.receiving().stream().filter(x -> x.province().equals("110000")).findFirst().orElseThrow());
        assertThat(own.paying().get(0)).isEqualTo(full.paying().stream().filter(x -> x.province().equals("110000")).findFirst().orElseThrow());
        assertThat(own.grandTotal()).isNull();
        assertThat(own.settlements()).isNull();

        assertThat(clearing.table(beijing, MARCH, TableKind.PAYABLE, "110000").orElseThrow().total().total())
                .isEqualTo(money(march.sum(s -> s.insuredProvince().equals("110000"))));
        assertThat(clearing.tables(beijing, MARCH)).hasSize(6).allMatch(x -> x.province().equals("110000"));
        for (TableKind kind : TableKind.values()) {
            for (TableRows rows : TableRows.values()) {
                assertThatThrownBy(() -> clearing.table(beijing, MARCH, kind, "350000", rows, null))
                        .isInstanceOf(AccessDeniedException.class);
            }
        }
        assertThatThrownBy(() -> clearing.tables(beijing, MARCH, "350000")).isInstanceOf(AccessDeniedException.class);

        ClearingSummary summary = clearing.month(beijing, MARCH).orElseThrow();
        assertThat(summary.provinces()).extracting(ClearingSummary.ProvinceState::province).containsExactly("110000");
        assertThat(summary.settlements()).isNull();
        assertThat(summary.fundsTotal()).isNull();

        // not officers at all
        AppUser clerk = TestUsers.clerk("clearing-clerk", "110105", "REVIEWER");
        AppUser insured = TestUsers.insured("clearing-insured", "110105195803120029");
        for (AppUser nobody : List.of(clerk, insured)) {
            assertThatThrownBy(() -> clearing.matrix(nobody, MARCH)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> clearing.month(nobody, MARCH)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> clearing.table(nobody, MARCH, TableKind.PAYABLE, "110000")).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> clearing.matrix(null, MARCH)).isInstanceOf(AccessDeniedException.class);
        // a month not generated is nothing, for everyone
        assertThat(clearing.matrix(CENTRE, YearMonth.of(2024, 1))).isEmpty();
        assertThat(clearing.table(beijing, YearMonth.of(2024, 1), TableKind.PAYABLE, "110000")).isEmpty();
    }

    @Test
    void onlyTheNationalCentresClearingOfficersGenerateAndAMonthOnlyOnce() {
        int lines = lines(MARCH);
        assertThatThrownBy(() -> clearing.generate(CENTRE, MARCH))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageZh()).isEqualTo("2025-03 的清算表已经生成，不能重复生成");
                    assertThat(e.messageEn()).isEqualTo("The clearing tables of 2025-03 have already been generated: a month is generated once");
                });
        assertThat(lines(MARCH)).isEqualTo(lines);
        assertThat(jdbc.sql("SELECT count(*) FROM app.clearing_month WHERE month = '2025-03-01'").query(Long.class).single()).isEqualTo(1);

        YearMonth june = YearMonth.of(2025, 6);
        assertThatThrownBy(() -> clearing.generate(clearingOfficer("110000"), june)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clearing.generate(centre("OFFICER", "PREPAYMENT"), june)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clearing.generate(CENTRE, YearMonth.now(cn.gov.ybj.crossprov.shared.ChinaTime.ZONE)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).startsWith("只能生成已结束月份的清算表"));
        assertThat(jdbc.sql("SELECT count(*) FROM app.clearing_month WHERE month = '2025-06-01' OR month >= date_trunc('month', now())").query(Long.class).single()).isZero();
    }

    int lines(YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM app.clearing_line WHERE month = ?").param(month.atDay(1)).query(Integer.class).single();
    }

    @Test
    void twoGenerationsAtTheSameMomentGiveOneMonthAndItsProvincesConfirmIt() throws Exception {
        ClearingTestData.insert(jdbc, APRIL, "CLR2504", 2_000);
        Expected april = ClearingTestData.expected(jdbc, APRIL, "CLR2504");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ClearingSummary>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit((Callable<ClearingSummary>) () -> {
                    start.await();
                    return clearing.generate(CENTRE, APRIL);
                }));
            }
            start.countDown();
            int ok = 0;
            List<Throwable> refused = new ArrayList<>();
            for (Future<ClearingSummary> f : results) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(refused).singleElement().isInstanceOf(BusinessRuleException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app.clearing_month WHERE month = '2025-04-01'").query(Long.class).single()).isEqualTo(1);
        ClearingMatrix m = clearing.matrix(CENTRE, APRIL).orElseThrow();
        assertThat(m.grandTotal()).isEqualTo(money(april.sum(s -> true)));
        assertThat(m.settlements()).isEqualTo(april.cleared().size());
        // March's settlements are not April's, nor the other way round
        assertThat(clearing.month(CENTRE, MARCH).orElseThrow().settlements()).isEqualTo(march.cleared().size());

        // every province with amounts confirms: the month is confirmed
        ClearingSummary last = null;
        for (String p : ClearingTestData.PROVINCES) {
            assertThat(clearing.month(CENTRE, APRIL).orElseThrow().status()).isEqualTo(ClearingStatus.CONFIRMING);
            last = clearing.confirm(clearingOfficer(p), APRIL);
            assertThat(last.provinces()).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(ProvinceStatus.CONFIRMED);
                assertThat(s.confirmedBy()).isEqualTo("provincial:officer-" + p);
                assertThat(s.confirmedAt()).isNotNull();
            });
        }
        assertThat(last.status()).isEqualTo(ClearingStatus.CONFIRMED);
        assertThat(last.confirmedAt()).isNotNull();
        assertThatThrownBy(() -> clearing.confirm(clearingOfficer("110000"), APRIL))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).isEqualTo("2025-04 的清算表已确认完毕"));
    }

    @Test
    void aProvinceConfirmsOnceOrDisputesAPairWithAReason() {
        YearMonth month = MARCH;
        ClearingSummary bj = clearing.confirm(clearingOfficer("110000"), month);
        assertThat(bj.provinces()).singleElement().extracting(ClearingSummary.ProvinceState::status).isEqualTo(ProvinceStatus.CONFIRMED);
        assertThat(bj.status()).isEqualTo(ClearingStatus.CONFIRMING);
        // a second confirmation changes nothing; a dispute after confirming is refused
        assertThat(clearing.confirm(clearingOfficer("110000"), month).provinces().get(0).confirmedAt())
                .isEqualTo(bj.provinces().get(0).confirmedAt());
        assertThatThrownBy(() -> clearing.dispute(clearingOfficer("110000"), month, "350000", "金额不符"))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).contains("已确认"));

        ClearingSummary fj = clearing.dispute(clearingOfficer("350000"), month, "440000", "广东应收金额与本省核对不符");
        assertThat(fj.provinces()).singleElement().extracting(ClearingSummary.ProvinceState::status).isEqualTo(ProvinceStatus.DISPUTED);
        assertThat(fj.disputes()).singleElement().satisfies(d -> {
            assertThat(d.province()).isEqualTo("350000");
            assertThat(d.pairProvince()).isEqualTo("440000");
            assertThat(d.reason()).isEqualTo("广东应收金额与本省核对不符");
            assertThat(d.raisedBy()).isEqualTo("provincial:officer-350000");
        });
        // the other side of the pair sees the dispute, a third province does not
        assertThat(clearing.month(officer("440000", "OFFICER"), month).orElseThrow().disputes()).hasSize(1);
        assertThat(clearing.month(officer("510000", "OFFICER"), month).orElseThrow().disputes()).isEmpty();
        assertThat(clearing.month(CENTRE, month).orElseThrow().disputes()).hasSize(1);
        // a second pair may be disputed, the same pair not twice; confirming waits for the centre
        clearing.dispute(clearingOfficer("350000"), month, "310000", "上海数据待核实");
        assertThatThrownBy(() -> clearing.dispute(clearingOfficer("350000"), month, "440000", "再次"))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> clearing.confirm(clearingOfficer("350000"), month))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).contains("未解决的异议"));
        // refusals: no reason, an invisible character, the own province, no province of the month, a bad code
        for (String reason : new String[]{"", "   ", "x".repeat(501), "金额\u202E不符"}) {
            assertThatThrownBy(() -> clearing.dispute(clearingOfficer("440000"), month, "350000", reason))
                    .isInstanceOf(BusinessRuleException.class);
        }
        for (String pair : new String[]{"440000", "990000", "440100", "abc", null}) {
            assertThatThrownBy(() -> clearing.dispute(clearingOfficer("440000"), month, pair, "理由"))
                    .isInstanceOf(BusinessRuleException.class);
        }
        // a province without amounts has nothing to confirm; the centre and non-clearing officers do not confirm
        assertThatThrownBy(() -> clearing.confirm(clearingOfficer("120000"), month))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).contains("无需确认"));
        assertThatThrownBy(() -> clearing.confirm(CENTRE, month)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clearing.confirm(officer("440000", "OFFICER", "FINANCE"), month)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clearing.confirm(clearingOfficer("440000"), YearMonth.of(2024, 2)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageZh()).contains("尚未生成"));
        ClearingSummary all = clearing.month(CENTRE, month).orElseThrow();
        assertThat(all.status()).isEqualTo(ClearingStatus.CONFIRMING);
        assertThat(all.disputes()).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM app.clearing_dispute").query(Long.class).single()).isEqualTo(2);
    }
}
