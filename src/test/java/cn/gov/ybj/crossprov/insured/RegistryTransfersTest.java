package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RegistryTransfers} on the embedded PostgreSQL: 累计月数, 转出, 转入 and credits, each write
 * inside a transaction of the caller (as a Camunda service task runs it), on fixture persons that
 * every test starts from afresh; and the demo accounts the loader brings.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistryTransfersTest {

    /** in 北京市朝阳区 since 2016-09, before in 厦门 2012-03..2016-09 (2016-09 paid in both), and a 城乡居民 period before */
    static final String MOVER = DemoRegistryGenerator.withCheck("11010519830228917");
    /** in 厦门 since 2015-01, no account row */
    static final String NO_ACCOUNT = DemoRegistryGenerator.withCheck("35020319910704928");
    static final String FIXTURES = InsuranceRegistryImport.HEADER + "\n"
            + MOVER + ",测试迁移,M,1983-02-28,110105,EMPLOYEE,IN_SERVICE,NORMAL,北京朝阳测试有限公司,"
            + "350200:RESIDENT:2008-01~2010-12;350200:EMPLOYEE:2012-03~2016-09;110105:EMPLOYEE:2016-09~,\n"
            + NO_ACCOUNT + ",测试无账户,F,1991-07-04,350200,EMPLOYEE,IN_SERVICE,NORMAL,厦门测试有限公司,350200:EMPLOYEE:2015-01~,\n";

    @Autowired
    RegistryTransfers transfers;
    @Autowired
    InsuranceRegistry registry;
    @Autowired
    InsuranceRegistryImport importer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshFixtures() throws Exception {
        // the import upserts the records and replaces their periods: each test starts from FIXTURES
        assertThat(importer.importCsv(new ByteArrayInputStream(FIXTURES.getBytes(StandardCharsets.UTF_8)), false).ok()).isTrue();
        jdbc.sql("DELETE FROM app.insurance_account WHERE id_number IN (?, ?)").params(MOVER, NO_ACCOUNT).update();
        jdbc.sql("INSERT INTO app.insurance_account (id_number, balance) VALUES (?, 2000.00)").param(MOVER).update();
    }

    @AfterEach
    void removeFixtures() {
        jdbc.sql("DELETE FROM app.insurance_account WHERE id_number IN (?, ?)").params(MOVER, NO_ACCOUNT).update();
        jdbc.sql("DELETE FROM app.insurance_record WHERE id_number IN (?, ?)").params(MOVER, NO_ACCOUNT).update(); // periods cascade
    }

    private static ContributionPeriod period(String area, InsuranceType type, String from, String to) {
        return new ContributionPeriod(area, type, YearMonth.parse(from).atDay(1), to == null ? null : YearMonth.parse(to).atDay(1));
    }

    private InsuranceRecord record(String id) {
        return registry.find(id).orElseThrow();
    }

    @Test
    void accumulatedMonthsCountsAMonthInTwoPeriodsOnceAndOnlyTheType() {
        // 2012-03..2016-09 is 55 months, 2016-09..2020-12 is 52, together 106 distinct (2016-09 once)
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2020, 12))).isEqualTo(106);
        // 2008-01..2010-12, the 城乡居民 months, are not 城镇职工 months
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.RESIDENT, YearMonth.of(2020, 12))).isEqualTo(36);
        // the open period counts up to asOf only; a period after asOf counts nothing
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2016, 9))).isEqualTo(55);
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2016, 10))).isEqualTo(56);
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2012, 2))).isZero();
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2012, 3))).isEqualTo(1);
        assertThat(transfers.accumulatedMonths(DemoRegistryGenerator.withCheck("65290120240229991"), InsuranceType.EMPLOYEE,
                YearMonth.of(2026, 1))).isZero();
    }

    @Test
    void transferOutEndsTheOpenPeriodSetsTheStatusAndPaysOutTheBalance() {
        RegistryTransfers.TransferOut out = tx.execute(s ->
                transfers.transferOut(MOVER, "110105", YearMonth.of(2025, 6), InsuranceStatus.SUSPENDED));

        assertThat(out.balance()).isEqualTo(Money.yuan("2000.00"));
        assertThat(out.outPeriods()).containsExactly(period("110105", InsuranceType.EMPLOYEE, "2016-09", "2025-06"));
        assertThat(out.months()).isEqualTo(106); // 2016-09..2025-06
        // committed: the record keeps its area until 转入, the status is 暂停参保, the account is empty
        InsuranceRecord after = record(MOVER);
        assertThat(after.poolingAreaCode()).isEqualTo("110105");
        assertThat(after.status()).isEqualTo(InsuranceStatus.SUSPENDED);
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.ZERO);
        assertThat(registry.periods(MOVER)).containsExactly(
                period("350200", InsuranceType.RESIDENT, "2008-01", "2010-12"),
                period("350200", InsuranceType.EMPLOYEE, "2012-03", "2016-09"),
                period("110105", InsuranceType.EMPLOYEE, "2016-09", "2025-06"));

        // a person without an account row gets 0.00 back, and 终止参保 works as well
        RegistryTransfers.TransferOut none = tx.execute(s ->
                transfers.transferOut(NO_ACCOUNT, "350200", YearMonth.of(2015, 1), InsuranceStatus.TERMINATED));
        assertThat(none.balance()).isEqualTo(Money.ZERO);
        assertThat(none.outPeriods()).containsExactly(period("350200", InsuranceType.EMPLOYEE, "2015-01", "2015-01"));
        assertThat(none.months()).isEqualTo(1);
        assertThat(record(NO_ACCOUNT).status()).isEqualTo(InsuranceStatus.TERMINATED);
    }

    @Test
    void writesOutsideATransactionAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> transfers.credit(MOVER, Money.yuan(100)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> transfers.transferOut(MOVER, "110105", YearMonth.of(2025, 6), InsuranceStatus.SUSPENDED))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> transfers.transferIn(MOVER, "350200", InsuranceType.EMPLOYEE, YearMonth.of(2025, 7)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2000.00"));
        assertThat(record(MOVER).status()).isEqualTo(InsuranceStatus.NORMAL);
        assertThat(registry.periods(MOVER)).hasSize(3).last().isEqualTo(period("110105", InsuranceType.EMPLOYEE, "2016-09", null));
        // the reads need none
        assertThat(transfers.arrears(MOVER)).isEqualTo(Money.ZERO);
    }

    @Test
    void transferOutFromAnotherAreaOrToNormalOrBeforeTheLastPeriodThrowsAndChangesNothing() {
        List<ContributionPeriod> before = registry.periods(MOVER);

        assertThatThrownBy(() -> tx.execute(s ->
                transfers.transferOut(MOVER, "350200", YearMonth.of(2025, 6), InsuranceStatus.SUSPENDED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("110105");
        assertThatThrownBy(() -> tx.execute(s ->
                transfers.transferOut(MOVER, "110105", YearMonth.of(2025, 6), InsuranceStatus.NORMAL)))
                .isInstanceOf(IllegalArgumentException.class);
        // the open period in 110105 starts 2016-09, after this last month
        assertThatThrownBy(() -> tx.execute(s ->
                transfers.transferOut(MOVER, "110105", YearMonth.of(2016, 8), InsuranceStatus.SUSPENDED)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tx.execute(s ->
                transfers.transferOut(DemoRegistryGenerator.withCheck("65290120240229991"), "650000", YearMonth.of(2025, 6),
                        InsuranceStatus.SUSPENDED)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(registry.periods(MOVER)).isEqualTo(before);
        assertThat(record(MOVER).status()).isEqualTo(InsuranceStatus.NORMAL);
        assertThat(record(MOVER).poolingAreaCode()).isEqualTo("110105");
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2000.00"));
    }

    @Test
    void transferInMovesTheRecordOpensThePeriodAndTheMonthsAccumulate() {
        // 转入 while still 正常参保 in the old area: 转出 first
        assertThatThrownBy(() -> tx.execute(s -> transfers.transferIn(MOVER, "350200", InsuranceType.EMPLOYEE, YearMonth.of(2025, 7))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(record(MOVER).poolingAreaCode()).isEqualTo("110105");

        // the whole transfer in one transaction, as the transfer case runs it
        int months = tx.execute(s -> {
            RegistryTransfers.TransferOut out = transfers.transferOut(MOVER, "110105", YearMonth.of(2025, 6), InsuranceStatus.TERMINATED);
            int accumulated = transfers.transferIn(MOVER, "350200", InsuranceType.EMPLOYEE, YearMonth.of(2025, 7));
            transfers.credit(MOVER, out.balance());
            return accumulated;
        });

        // 2012-03..2025-07 without a gap, 2016-09 once: 161 months
        assertThat(months).isEqualTo(161);
        InsuranceRecord after = record(MOVER);
        assertThat(after.poolingAreaCode()).isEqualTo("350200");
        assertThat(after.insuranceType()).isEqualTo(InsuranceType.EMPLOYEE);
        assertThat(after.status()).isEqualTo(InsuranceStatus.NORMAL);
        assertThat(after.personType()).isEqualTo(PersonType.IN_SERVICE);
        assertThat(registry.periods(MOVER)).containsExactly(
                period("350200", InsuranceType.RESIDENT, "2008-01", "2010-12"),
                period("350200", InsuranceType.EMPLOYEE, "2012-03", "2016-09"),
                period("110105", InsuranceType.EMPLOYEE, "2016-09", "2025-06"),
                period("350200", InsuranceType.EMPLOYEE, "2025-07", null));
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2000.00"));
        assertThat(transfers.accumulatedMonths(MOVER, InsuranceType.EMPLOYEE, YearMonth.of(2026, 1))).isEqualTo(167);

        // again: the open period in 350200 stays the only one, the months count on to firstMonth
        Integer again = tx.execute(s -> transfers.transferIn(MOVER, "350200", InsuranceType.EMPLOYEE, YearMonth.of(2025, 9)));
        assertThat(again).isEqualTo(163);
        assertThat(registry.periods(MOVER)).hasSize(4);
    }

    @Test
    void bothAreasChangeWithTheCallersTransactionOrNotAtAll() {
        tx.executeWithoutResult(s -> {
            RegistryTransfers.TransferOut out = transfers.transferOut(MOVER, "110105", YearMonth.of(2025, 6), InsuranceStatus.SUSPENDED);
            transfers.transferIn(MOVER, "350200", InsuranceType.EMPLOYEE, YearMonth.of(2025, 7));
            transfers.credit(MOVER, out.balance());
            s.setRollbackOnly(); // e.g. the case's next step failed
        });
        assertThat(record(MOVER).poolingAreaCode()).isEqualTo("110105");
        assertThat(record(MOVER).status()).isEqualTo(InsuranceStatus.NORMAL);
        assertThat(registry.periods(MOVER)).hasSize(3).last().isEqualTo(period("110105", InsuranceType.EMPLOYEE, "2016-09", null));
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2000.00"));
    }

    @Test
    void creditAddsExactlyOncePerCall() {
        tx.executeWithoutResult(s -> transfers.credit(MOVER, Money.yuan("100.25")));
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2100.25"));
        tx.executeWithoutResult(s -> transfers.credit(MOVER, Money.yuan("0.75")));
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2101.00"));
        tx.executeWithoutResult(s -> {
            transfers.credit(MOVER, Money.yuan("10.00"));
            transfers.credit(MOVER, Money.yuan("10.00"));
        });
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2121.00"));

        // the first credit creates the row; arrears stay 0
        assertThat(transfers.accountBalance(NO_ACCOUNT)).isEqualTo(Money.ZERO);
        tx.executeWithoutResult(s -> transfers.credit(NO_ACCOUNT, Money.yuan("5320.75")));
        assertThat(transfers.accountBalance(NO_ACCOUNT)).isEqualTo(Money.yuan("5320.75"));
        assertThat(transfers.arrears(NO_ACCOUNT)).isEqualTo(Money.ZERO);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> transfers.credit(MOVER, Money.yuan("-0.01"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                transfers.credit(DemoRegistryGenerator.withCheck("65290120240229991"), Money.yuan(1))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(transfers.accountBalance(MOVER)).isEqualTo(Money.yuan("2121.00"));
    }

    @Test
    void demoAccountsAndTransferPersonsAreLoaded() {
        assertThat(transfers.accountBalance("110105195803120029")).isEqualTo(Money.yuan("1234.50")); // 张伟
        assertThat(transfers.arrears("110105195803120029")).isEqualTo(Money.ZERO);
        // 杨建军 has arrears; lower-case x is the same person
        assertThat(transfers.arrears("11010519790612059x")).isEqualTo(Money.yuan("2380.00"));
        assertThat(transfers.accountBalance("11010519790612059X")).isEqualTo(Money.yuan("1500.00"));
        // 钱秀兰 (城乡居民) has no account row
        assertThat(transfers.accountBalance("110105196511300620")).isEqualTo(Money.ZERO);
        assertThat(transfers.arrears("110105196511300620")).isEqualTo(Money.ZERO);
        // 郑丽华: 110105 2009-07..2018-04 and 350200 from 2018-04, 2018-04 counted once
        assertThat(transfers.accumulatedMonths("110105198710030263", InsuranceType.EMPLOYEE, YearMonth.of(2026, 1))).isEqualTo(199);
        assertThat(transfers.accountBalance("110105198710030263")).isEqualTo(Money.yuan("5320.75"));
        // 黄志明: in 110105 since 2016-09, before in 350200
        InsuranceRecord huang = record("350203198405210150");
        assertThat(huang.poolingAreaCode()).isEqualTo("110105");
        assertThat(registry.periods("350203198405210150")).containsExactly(
                period("350200", InsuranceType.EMPLOYEE, "2012-03", "2016-08"),
                period("110105", InsuranceType.EMPLOYEE, "2016-09", null));
        assertThat(huang.status()).isEqualTo(InsuranceStatus.NORMAL);
        assertThat(huang.birthDate()).isEqualTo(LocalDate.of(1984, 5, 21));
    }
}
