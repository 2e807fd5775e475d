package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.internal.PolicyFile;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.gov.ybj.crossprov.settlement.HospitalGrade.GRADE_2;
import static cn.gov.ybj.crossprov.settlement.HospitalGrade.GRADE_3;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.KEY;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.all;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.allGrades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.byGrade;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.grades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.inScope;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.table;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Golden settlements: every amount exact, the arithmetic in the comment. Rounding: each band's
 * share = part × ratio, half up to the fen; caps after rounding; person = total − funds.
 */
class SettlementCalculatorTest {

    private final SettlementCalculator calculator = new SettlementCalculator();

    /**
     * The demo policy that reproduces 002: 杨凌示范区 职工 在职 from 2017-01-01. Deductible per admission
     * 三级 1,000 / 二级 600 / 一级 and 未定级 300; POOLING 统筹基金 on the amount above the deductible, per
     * settlement, 三级 70 % of the first 10,000 and 75 % beyond (二级 75/80, 一级 80/85), cap 80,000 a
     * year; LARGE_AMOUNT 大额医疗费用补助 80 % of what lies above POOLING's cap, cap 200,000 a year.
     */
    private static final PolicyVersion YANGLING = PolicyFile.demo()
            .require(PolicyKey.of("610403", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE), LocalDate.of(2017, 12, 1));
    private static final LocalDate DEC_2017 = LocalDate.of(2017, 12, 15);

    @Test
    void theExampleOf002_25000InScopeGivesPerson7500AndFunds17500() {
        // 老张, 杨凌 职工 在职, 2017-12, a 三级 hospital in 北京, 25,000.00 in scope, nothing self-paid:
        //   deductible                         1,000.00
        //   POOLING  [0, 10,000) above it      10,000.00 × 70 % =  7,000.00
        //            [10,000, 24,000)          14,000.00 × 75 % = 10,500.00   → 17,500.00 (cap 80,000 far)
        //   LARGE_AMOUNT: nothing above POOLING's cap               →      0.00
        //   person = 25,000.00 − 17,500.00 = 7,500.00 (= 1,000 + 3,000 + 3,500)
        SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, inScope("25000"), YearToDateUsage.empty(2017));

        assertThat(r.total()).isEqualTo(yuan("25000.00"));
        assertThat(r.inScope()).isEqualTo(yuan("25000.00"));
        assertThat(r.selfPaid()).isEqualTo(yuan("0.00"));
        assertThat(r.deductible()).isEqualTo(yuan("1000.00"));
        assertThat(r.funds()).extracting(FundPayment::code).containsExactly("POOLING", "LARGE_AMOUNT");
        assertThat(r.funds()).extracting(FundPayment::name).containsExactly("统筹基金", "大额医疗费用补助");
        assertThat(r.paidBy("POOLING")).isEqualTo(yuan("17500.00"));
        assertThat(r.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("0.00"));
        assertThat(r.fundsTotal()).isEqualTo(yuan("17500.00"));
        assertThat(r.personalCash()).isEqualTo(yuan("7500.00"));

        FundPayment pooling = r.funds().get(0);
        assertThat(pooling.base()).isEqualTo(yuan("24000.00"));
        assertThat(pooling.limitedBy()).isEqualTo(PaymentLimit.NONE);
        assertThat(pooling.bands()).extracting(BandShare::amount, BandShare::share)
                .containsExactly(tuple(yuan("10000.00"), yuan("7000.00")),
                        tuple(yuan("14000.00"), yuan("10500.00")));

        YearToDateUsage after = r.usageAfter();
        assertThat(after.year()).isEqualTo(2017);
        assertThat(after.admissions()).isEqualTo(1);
        assertThat(after.inScope()).isEqualTo(yuan("25000.00"));
        assertThat(after.deductiblePaid()).isEqualTo(yuan("1000.00"));
        assertThat(after.fund("POOLING")).isEqualTo(new FundUsage(yuan("17500.00"), yuan("24000.00")));
        assertThat(after.fund("LARGE_AMOUNT")).isEqualTo(new FundUsage(yuan("0.00"), yuan("0.00")));
    }

    @Nested
    class DeductibleStraddlingTwoBands {

        @Test
        void perSettlement_theDeductibleCoversBand1AndPartOfBand2() {
            // deductible 1,500 per admission; POOLING on the in-scope amount (deductible inside the
            // bands): [0, 1,000) 60 %, [1,000, 5,000) 80 %, [5,000, ∞) 90 %. In scope 8,000.00:
            //   deductible [0, 1,500): all of band 1, 500.00 of band 2
            //   band 2 [1,500, 5,000)  3,500.00 × 80 % = 2,800.00
            //   band 3 [5,000, 8,000)  3,000.00 × 90 % = 2,700.00   → POOLING 5,500.00
            //   person = 8,000.00 − 5,500.00 = 2,500.00 (= 1,500 + 700 + 300)
            PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                    DeductibleRule.perAdmission(allGrades("1500")),
                    List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT,
                            all("0:60", "1000:80", "5000:90"), yuan("100000"))));

            SettlementResult r = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 6, 1), inScope("8000"),
                    YearToDateUsage.empty(2025));

            assertThat(r.deductible()).isEqualTo(yuan("1500.00"));
            assertThat(r.funds().get(0).bands()).extracting(b -> b.band().percent().intValue(), BandShare::amount, BandShare::share)
                    .containsExactly(tuple(80, yuan("3500.00"), yuan("2800.00")),
                            tuple(90, yuan("3000.00"), yuan("2700.00")));
            assertThat(r.fundsTotal()).isEqualTo(yuan("5500.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("2500.00"));
        }

        @Test
        void cumulativeBands_theSecondAdmissionsDeductibleCrossesTheYearsBandLimit() {
            // deductible per admission 1,300, from the second admission of the year 650; POOLING on
            // the in-scope amount cumulated over the year: [0, 30,000) 85 %, [30,000, 40,000) 90 %,
            // [40,000, ∞) 95 %, cap 100,000; LARGE_AMOUNT 85 % above POOLING's cap.
            PolicyVersion policy = cumulativePolicy();
            // 1st admission 29,500.00: deductible [0, 1,300); [1,300, 29,500) 28,200.00 × 85 % = 23,970.00
            SettlementResult first = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 3, 1), inScope("29500"),
                    YearToDateUsage.empty(2025));
            assertThat(first.deductible()).isEqualTo(yuan("1300.00"));
            assertThat(first.paidBy("POOLING")).isEqualTo(yuan("23970.00"));
            assertThat(first.personalCash()).isEqualTo(yuan("5530.00"));

            // 2nd admission 10,000.00 continues at 29,500: deductible 650 on [29,500, 30,150) —
            // 500.00 in band 1, 150.00 in band 2; paid range [30,150, 39,500) all in band 2:
            //   9,350.00 × 90 % = 8,415.00; person = 10,000.00 − 8,415.00 = 1,585.00 (= 650 + 935)
            SettlementResult second = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 9, 1), inScope("10000"),
                    first.usageAfter());
            assertThat(second.deductible()).isEqualTo(yuan("650.00"));
            assertThat(second.funds().get(0).bands()).extracting(BandShare::amount, BandShare::share)
                    .containsExactly(tuple(yuan("9350.00"), yuan("8415.00")));
            assertThat(second.paidBy("POOLING")).isEqualTo(yuan("8415.00"));
            assertThat(second.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("0.00"));
            assertThat(second.personalCash()).isEqualTo(yuan("1585.00"));
            assertThat(second.usageAfter().fund("POOLING")).isEqualTo(new FundUsage(yuan("32385.00"), yuan("39500.00")));
            assertThat(second.usageAfter().deductiblePaid()).isEqualTo(yuan("1950.00"));
            assertThat(second.usageAfter().admissions()).isEqualTo(2);
        }
    }

    @Nested
    class CapReachedInTheMiddleOfASettlement {

        private final YearToDateUsage poolingAlmostUsed = usage2017(3, "110000", "3000",
                Map.of("POOLING", new FundUsage(yuan("76500"), yuan("107000"))));

        @Test
        void thePoolingCapRunsOutInBand1_theLargeAmountFundPaysAboveIt() {
            // POOLING has 80,000 − 76,500 = 3,500.00 left. In scope 30,000.00 at 三级:
            //   deductible 1,000.00; POOLING base 29,000.00
            //   band 1 [0, 10,000): 7,000.00 > 3,500.00 left → pays 3,500.00, covering
            //     3,500.00 ÷ 70 % = 5,000.00 of the band; above the cap: 5,000.00 + band 2 19,000.00 = 24,000.00
            //   LARGE_AMOUNT: 24,000.00 × 80 % = 19,200.00
            //   funds 22,700.00; person = 30,000.00 − 22,700.00 = 7,300.00 (= 1,000 + 30 % × 5,000 + 20 % × 24,000)
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, inScope("30000"), poolingAlmostUsed);

            FundPayment pooling = r.funds().get(0);
            assertThat(pooling.capLeft()).isEqualTo(yuan("3500.00"));
            assertThat(pooling.amount()).isEqualTo(yuan("3500.00"));
            assertThat(pooling.limitedBy()).isEqualTo(PaymentLimit.ANNUAL_CAP);
            assertThat(pooling.aboveCap()).isEqualTo(yuan("24000.00"));
            assertThat(pooling.bands()).extracting(BandShare::amount, BandShare::share)
                    .containsExactly(tuple(yuan("10000.00"), yuan("3500.00")),
                            tuple(yuan("19000.00"), yuan("0.00")));
            assertThat(r.funds().get(1).base()).isEqualTo(yuan("24000.00"));
            assertThat(r.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("19200.00"));
            assertThat(r.fundsTotal()).isEqualTo(yuan("22700.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("7300.00"));
            assertThat(r.usageAfter().fund("POOLING").paid()).isEqualTo(yuan("80000.00"));
            assertThat(r.usageAfter().fund("LARGE_AMOUNT").paid()).isEqualTo(yuan("19200.00"));
        }

        @Test
        void theCoveredPartIsRoundedHalfUpToTheFen() {
            // POOLING has 80,000 − 75,000 = 5,000.00 left. In scope 30,000.00 at 三级:
            //   band 1: 7,000.00 > 5,000.00 → pays 5,000.00, covering 5,000.00 ÷ 70 % = 7,142.857… → 7,142.86
            //   above the cap: (10,000.00 − 7,142.86) + 19,000.00 = 21,857.14
            //   LARGE_AMOUNT: 21,857.14 × 80 % = 17,485.712 → 17,485.71
            //   funds 22,485.71; person 7,514.29
            YearToDateUsage usage = usage2017(3, "110000", "3000", Map.of("POOLING", new FundUsage(yuan("75000"), yuan("107000"))));
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, inScope("30000"), usage);

            assertThat(r.funds().get(0).aboveCap()).isEqualTo(yuan("21857.14"));
            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("5000.00"));
            assertThat(r.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("17485.71"));
            assertThat(r.fundsTotal()).isEqualTo(yuan("22485.71"));
            assertThat(r.personalCash()).isEqualTo(yuan("7514.29"));
        }

        @Test
        void bothCapsRunOut_thePersonPaysTheRest() {
            // POOLING used up (80,000 of 80,000), LARGE_AMOUNT has 200,000 − 190,000 = 10,000.00 left.
            // In scope 30,000.00: deductible 1,000.00; POOLING base 29,000.00, all of it above its cap;
            //   LARGE_AMOUNT: 29,000.00 × 80 % = 23,200.00 > 10,000.00 → 10,000.00
            //   person = 30,000.00 − 10,000.00 = 20,000.00
            YearToDateUsage usage = usage2017(5, "400000", "5000", Map.of(
                    "POOLING", new FundUsage(yuan("80000"), yuan("395000")),
                    "LARGE_AMOUNT", new FundUsage(yuan("190000"), yuan("237500"))));
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, inScope("30000"), usage);

            assertThat(r.funds().get(0).capLeft()).isEqualTo(yuan("0.00"));
            assertThat(r.funds().get(0).limitedBy()).isEqualTo(PaymentLimit.ANNUAL_CAP);
            assertThat(r.funds().get(0).aboveCap()).isEqualTo(yuan("29000.00"));
            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("0.00"));
            assertThat(r.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("10000.00"));
            assertThat(r.funds().get(1).limitedBy()).isEqualTo(PaymentLimit.ANNUAL_CAP);
            assertThat(r.personalCash()).isEqualTo(yuan("20000.00"));
            assertThat(r.usageAfter().fund("LARGE_AMOUNT").paid()).isEqualTo(yuan("200000.00"));
        }

        @Test
        void aCapRunningOutExactlyAtABandEnd_leavesTheNextBandsAboveIt() {
            // POOLING has 80,000 − 73,000 = 7,000.00 left = band 1's share exactly (10,000.00 × 70 %);
            //   band 2 (19,000.00) is above the cap: LARGE_AMOUNT 19,000.00 × 80 % = 15,200.00
            //   funds 22,200.00; person 7,800.00 (= 1,000 + 3,000 + 3,800)
            YearToDateUsage usage = usage2017(2, "100000", "2000", Map.of("POOLING", new FundUsage(yuan("73000"), yuan("98000"))));
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, inScope("30000"), usage);

            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("7000.00"));
            assertThat(r.funds().get(0).aboveCap()).isEqualTo(yuan("19000.00"));
            assertThat(r.paidBy("LARGE_AMOUNT")).isEqualTo(yuan("15200.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("7800.00"));
        }
    }

    @Nested
    class SecondAdmissionInTheSameYear {

        @Test
        void perAdmissionDeductible_isPaidAgain_andTheYearAddsUp() {
            // 1st: the 002 example, 25,000.00 at 三级 → deductible 1,000.00, POOLING 17,500.00
            // 2nd: 8,000.00 at 二级 → deductible 600.00 again; POOLING 7,400.00 × 75 % = 5,550.00;
            //      person 8,000.00 − 5,550.00 = 2,450.00
            SettlementResult first = calculator.calculate(YANGLING, GRADE_3, LocalDate.of(2017, 3, 10), inScope("25000"),
                    YearToDateUsage.empty(2017));
            SettlementResult second = calculator.calculate(YANGLING, GRADE_2, DEC_2017, inScope("8000"), first.usageAfter());

            assertThat(second.deductible()).isEqualTo(yuan("600.00"));
            assertThat(second.paidBy("POOLING")).isEqualTo(yuan("5550.00"));
            assertThat(second.personalCash()).isEqualTo(yuan("2450.00"));
            // the year: 2 admissions, 33,000.00 in scope, 1,600.00 deductible, POOLING 23,050.00 on 31,400.00
            YearToDateUsage year = second.usageAfter();
            assertThat(year.admissions()).isEqualTo(2);
            assertThat(year.inScope()).isEqualTo(yuan("33000.00"));
            assertThat(year.deductiblePaid()).isEqualTo(yuan("1600.00"));
            assertThat(year.fund("POOLING")).isEqualTo(new FundUsage(yuan("23050.00"), yuan("31400.00")));
            assertThat(second.usageBefore()).isEqualTo(first.usageAfter());
        }

        @Test
        void onceAYearDeductible_whatTheFirstAdmissionLeftIsDueAtTheNext_thenNothing() {
            // deductible once a year: 三级 800, 二级 500; POOLING on the in-scope amount per settlement,
            // 三级 [0, 10,000) 88 %, [10,000, ∞) 92 %
            PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                    DeductibleRule.oncePerYear(grades("300", "500", "800")),
                    List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT,
                            byGrade(table("0:92", "10000:95"), table("0:90", "10000:94"), table("0:88", "10000:92")),
                            yuan("150000"))));
            // 1st, 二级, 300.00 in scope: deductible 300.00 (of 500), POOLING 0.00, person 300.00
            SettlementResult first = calculator.calculate(policy, GRADE_2, LocalDate.of(2025, 2, 1), inScope("300"),
                    YearToDateUsage.empty(2025));
            assertThat(first.deductible()).isEqualTo(yuan("300.00"));
            assertThat(first.fundsTotal()).isEqualTo(yuan("0.00"));
            assertThat(first.personalCash()).isEqualTo(yuan("300.00"));
            // 2nd, 三级, 12,000.00: deductible 800 − 300 = 500.00 on [0, 500);
            //   [500, 10,000) 9,500.00 × 88 % = 8,360.00; [10,000, 12,000) 2,000.00 × 92 % = 1,840.00
            //   POOLING 10,200.00; person 1,800.00 (= 500 + 1,140 + 160)
            SettlementResult second = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 5, 1), inScope("12000"),
                    first.usageAfter());
            assertThat(second.deductible()).isEqualTo(yuan("500.00"));
            assertThat(second.paidBy("POOLING")).isEqualTo(yuan("10200.00"));
            assertThat(second.personalCash()).isEqualTo(yuan("1800.00"));
            // 3rd, 三级, 5,000.00: the year's 800.00 is paid, deductible 0.00; 5,000.00 × 88 % = 4,400.00; person 600.00
            SettlementResult third = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 8, 1), inScope("5000"),
                    second.usageAfter());
            assertThat(third.deductible()).isEqualTo(yuan("0.00"));
            assertThat(third.paidBy("POOLING")).isEqualTo(yuan("4400.00"));
            assertThat(third.personalCash()).isEqualTo(yuan("600.00"));
            assertThat(third.usageAfter().deductiblePaid()).isEqualTo(yuan("800.00"));
            assertThat(third.usageAfter().fund("POOLING").paid()).isEqualTo(yuan("14600.00"));
        }

        @Test
        void aYearlyThresholdOnThePersonsShare_seriousIllnessInsurancePaysOnceTheYearPassesIt() {
            // 居民: deductible 三级 1,000 per admission; POOLING 60 % above it, per settlement;
            // SERIOUS_ILLNESS 大病保险 on the person's remaining in-scope share cumulated over the year:
            // [0, 20,000) 0 %, [20,000, ∞) 60 %.
            PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                    DeductibleRule.perAdmission(grades("200", "600", "1000")),
                    List.of(FundRule.of("POOLING", "城乡居民基本医疗保险基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                                    all("0:60"), yuan("200000")),
                            FundRule.of("SERIOUS_ILLNESS", "城乡居民大病保险", FundBase.PERSONAL_SHARE, BandScope.ANNUAL,
                                    all("0:0", "20000:60"), yuan("300000"))));
            // 1st, 40,000.00: POOLING 39,000.00 × 60 % = 23,400.00; share 16,600.00 on [0, 16,600) at 0 % → 0.00
            SettlementResult first = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 4, 1), inScope("40000"),
                    YearToDateUsage.empty(2025));
            assertThat(first.paidBy("POOLING")).isEqualTo(yuan("23400.00"));
            assertThat(first.paidBy("SERIOUS_ILLNESS")).isEqualTo(yuan("0.00"));
            assertThat(first.personalCash()).isEqualTo(yuan("16600.00"));
            // 2nd, 20,000.00: POOLING 19,000.00 × 60 % = 11,400.00; share 8,600.00 on [16,600, 25,200):
            //   [16,600, 20,000) at 0 %; [20,000, 25,200) 5,200.00 × 60 % = 3,120.00
            //   funds 14,520.00; person 5,480.00
            SettlementResult second = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 10, 1), inScope("20000"),
                    first.usageAfter());
            assertThat(second.funds().get(1).base()).isEqualTo(yuan("8600.00"));
            assertThat(second.paidBy("SERIOUS_ILLNESS")).isEqualTo(yuan("3120.00"));
            assertThat(second.fundsTotal()).isEqualTo(yuan("14520.00"));
            assertThat(second.personalCash()).isEqualTo(yuan("5480.00"));
            assertThat(second.usageAfter().fund("SERIOUS_ILLNESS")).isEqualTo(new FundUsage(yuan("3120.00"), yuan("25200.00")));
        }
    }

    @Nested
    class SelfPaidItems {

        @Test
        void areNeverPaidByAFund() {
            // 西药费 10,000 in scope + 2,000 self-paid; 检查费 3,000 + 0; 卫生材料费 2,000 + 3,000:
            //   total 20,000.00, in scope 15,000.00, self-paid 5,000.00; deductible 1,000.00
            //   POOLING on 14,000.00: 10,000.00 × 70 % + 4,000.00 × 75 % = 7,000.00 + 3,000.00 = 10,000.00
            //   person = 20,000.00 − 10,000.00 = 10,000.00 (= 5,000 self-paid + 1,000 + 3,000 + 1,000)
            List<FeeLine> fees = List.of(FeeLine.of("西药费", "10000", "2000"), FeeLine.of("检查费", "3000", "0"),
                    FeeLine.of("卫生材料费", "2000", "3000"));
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, fees, YearToDateUsage.empty(2017));

            assertThat(r.total()).isEqualTo(yuan("20000.00"));
            assertThat(r.inScope()).isEqualTo(yuan("15000.00"));
            assertThat(r.selfPaid()).isEqualTo(yuan("5000.00"));
            assertThat(r.fundsTotal()).isEqualTo(yuan("10000.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("10000.00"));
            assertThat(r.usageAfter().inScope()).isEqualTo(yuan("15000.00"));
        }

        @Test
        void evenAFundPaying100PercentOfThePersonsShare_leavesTheSelfPaidPartToThePerson() {
            // MEDICAL_AID 医疗救助 pays 100 % of what the person still bears in scope: funds = the
            // in-scope 6,000.00 exactly (POOLING 5,000.00 × 50 % = 2,500.00 after a 1,000.00 deductible,
            // MEDICAL_AID the remaining 3,500.00); person = the self-paid 4,000.00
            PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                    DeductibleRule.perAdmission(allGrades("1000")),
                    List.of(FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                                    all("0:50"), yuan("100000")),
                            FundRule.of("MEDICAL_AID", "医疗救助", FundBase.PERSONAL_SHARE, BandScope.PER_SETTLEMENT,
                                    all("0:100"), yuan("50000"))));
            SettlementResult r = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 6, 1),
                    List.of(FeeLine.of("治疗费", "6000", "1500"), FeeLine.of("西药费", "0", "2500")), YearToDateUsage.empty(2025));

            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("2500.00"));
            assertThat(r.paidBy("MEDICAL_AID")).isEqualTo(yuan("3500.00"));
            assertThat(r.fundsTotal()).isEqualTo(yuan("6000.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("4000.00")).isEqualTo(r.selfPaid());
        }

        @Test
        void aSettlementWithNothingInScope_paysNoDeductibleAndNoFund() {
            SettlementResult r = calculator.calculate(YANGLING, GRADE_3, DEC_2017, List.of(FeeLine.of("其他费", "0", "6000")),
                    YearToDateUsage.empty(2017));

            assertThat(r.deductible()).isEqualTo(yuan("0.00"));
            assertThat(r.fundsTotal()).isEqualTo(yuan("0.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("6000.00"));
        }

        @Test
        void twoFundsOnTheSameAmountNeverPayMoreThanTheInScopeAmount() {
            // POOLING 90 % and a misconfigured EXTRA 50 % both on the amount above the deductible (0):
            //   POOLING 1,000.00 × 90 % = 900.00; EXTRA would pay 500.00 but only 100.00 is left unpaid
            PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                    DeductibleRule.perAdmission(allGrades("0")),
                    List.of(FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                                    all("0:90"), yuan("100000")),
                            FundRule.of("EXTRA", "补充保险", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                                    all("0:50"), yuan("100000"))));
            SettlementResult r = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 6, 1),
                    List.of(FeeLine.of("治疗费", "1000", "300")), YearToDateUsage.empty(2025));

            assertThat(r.paidBy("EXTRA")).isEqualTo(yuan("100.00"));
            assertThat(r.funds().get(1).limitedBy()).isEqualTo(PaymentLimit.IN_SCOPE_REMAINDER);
            assertThat(r.fundsTotal()).isEqualTo(yuan("1000.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("300.00"));
        }
    }

    @Nested
    class YearBoundary {

        // 2025: once-a-year deductible 800, POOLING 90 % on the in-scope amount, cap 50,000;
        // 2026: deductible 1,000, POOLING 90 %, cap 60,000
        private final PolicyCatalogue catalogue = PolicyCatalogue.of(List.of(
                new PolicyVersion(KEY, LocalDate.of(2025, 1, 1), DeductibleRule.oncePerYear(allGrades("800")),
                        List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT,
                                all("0:90"), yuan("50000")))),
                new PolicyVersion(KEY, LocalDate.of(2026, 1, 1), DeductibleRule.oncePerYear(allGrades("1000")),
                        List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT,
                                all("0:90"), yuan("60000"))))));
        // the person's 2025 so far: deductible 800.00 paid, POOLING 49,000.00 paid
        private final YearToDateUsage usage2025 = new YearToDateUsage(2025, 4, yuan("60000"), yuan("800"),
                Map.of("POOLING", new FundUsage(yuan("49000"), yuan("60000"))));

        @Test
        void dischargedOnDecember31_the2025VersionAndThe2025UsageApply() {
            // deductible 0.00 (the year's 800 is paid); 10,000.00 × 90 % = 9,000.00 > 1,000.00 left → 1,000.00
            // person 9,000.00
            LocalDate discharge = LocalDate.of(2025, 12, 31);
            SettlementResult r = calculator.calculate(catalogue.require(KEY, discharge), GRADE_3, discharge, inScope("10000"),
                    usage2025);

            assertThat(r.policyEffectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(r.deductible()).isEqualTo(yuan("0.00"));
            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("1000.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("9000.00"));
            assertThat(r.usageAfter().fund("POOLING").paid()).isEqualTo(yuan("50000.00"));
        }

        @Test
        void dischargedOnJanuary1_the2026VersionAppliesAndTheYearStartsAfresh() {
            // admitted in December, discharged 2026-01-01: the discharge date decides. The 2025 usage
            // counts as nothing: deductible 1,000.00; [1,000, 10,000) 9,000.00 × 90 % = 8,100.00; person 1,900.00
            LocalDate discharge = LocalDate.of(2026, 1, 1);
            SettlementResult r = calculator.calculate(catalogue.require(KEY, discharge), GRADE_3, discharge, inScope("10000"),
                    usage2025);

            assertThat(r.policyEffectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(r.usageBefore()).isEqualTo(YearToDateUsage.empty(2026));
            assertThat(r.deductible()).isEqualTo(yuan("1000.00"));
            assertThat(r.paidBy("POOLING")).isEqualTo(yuan("8100.00"));
            assertThat(r.personalCash()).isEqualTo(yuan("1900.00"));
            assertThat(r.usageAfter()).isEqualTo(new YearToDateUsage(2026, 1, yuan("10000"), yuan("1000"),
                    Map.of("POOLING", new FundUsage(yuan("8100"), yuan("10000")))));
        }

        @Test
        void aUsageOfALaterYearThanTheDischarge_isRefused() {
            YearToDateUsage usage2026 = YearToDateUsage.empty(2026);
            LocalDate discharge = LocalDate.of(2025, 12, 31);
            assertThatThrownBy(() -> calculator.calculate(catalogue.require(KEY, discharge), GRADE_3, discharge,
                    inScope("100"), usage2026))
                    .isInstanceOf(BusinessRuleException.class)
                    .hasMessage("年度累计属于 2026 年，晚于出院年度 2025 年 / The year-to-date usage is of 2026, after the discharge year 2025");
        }

        @Test
        void noVersionInForce_orAVersionNotYetInForce_isRefused() {
            LocalDate discharge = LocalDate.of(2024, 12, 31);
            assertThatThrownBy(() -> catalogue.require(KEY, discharge))
                    .isInstanceOf(BusinessRuleException.class)
                    .hasMessage("110105 城镇职工 在职 在 2024-12-31 没有生效的待遇政策 / No policy of 110105 城镇职工 在职 is in force on 2024-12-31");
            PolicyVersion v2025 = catalogue.versions(KEY).get(0);
            assertThatThrownBy(() -> calculator.calculate(v2025, GRADE_3, discharge, inScope("100"), YearToDateUsage.empty(2024)))
                    .isInstanceOf(BusinessRuleException.class)
                    .hasMessage("待遇政策自 2025-01-01 起生效，出院日期 2024-12-31 早于此 / The policy takes effect on 2025-01-01, after the discharge date 2024-12-31");
        }
    }

    @Test
    void eachBandRoundsHalfUpOnItsOwn() {
        // bands [0, 10.01) 50 % and [10.01, ∞) 50 %, no deductible, 20.02 in scope:
        //   10.01 × 50 % = 5.005 → 5.01 in each band → 10.02 (one product over 20.02 would give 10.01)
        //   person 20.02 − 10.02 = 10.00
        PolicyVersion policy = new PolicyVersion(KEY, LocalDate.of(2025, 1, 1), DeductibleRule.perAdmission(allGrades("0")),
                List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT,
                        all("0:50", "10.01:50"), yuan("100000"))));
        SettlementResult r = calculator.calculate(policy, GRADE_3, LocalDate.of(2025, 6, 1), inScope("20.02"),
                YearToDateUsage.empty(2025));

        assertThat(r.paidBy("POOLING")).isEqualTo(yuan("10.02"));
        assertThat(r.personalCash()).isEqualTo(yuan("10.00"));
    }

    @Test
    void hospitalGradesOfTheInstitutionList() {
        assertThat(HospitalGrade.ofInstitutionGrade("三级甲等")).isEqualTo(GRADE_3);
        assertThat(HospitalGrade.ofInstitutionGrade("三级内科")).isEqualTo(GRADE_3);
        assertThat(HospitalGrade.ofInstitutionGrade("二级乙等")).isEqualTo(GRADE_2);
        assertThat(HospitalGrade.ofInstitutionGrade("一级")).isEqualTo(HospitalGrade.GRADE_1);
        assertThat(HospitalGrade.ofInstitutionGrade("未定级")).isEqualTo(HospitalGrade.UNGRADED);
        assertThat(HospitalGrade.ofInstitutionGrade(null)).isEqualTo(HospitalGrade.UNGRADED);
        assertThat(HospitalGrade.parse("三级")).contains(GRADE_3);
    }

    /** Deductible 1,300 per admission, 650 from the second; POOLING cumulative 85/90/95 %, LARGE_AMOUNT 85 % above its cap. */
    static PolicyVersion cumulativePolicy() {
        return new PolicyVersion(KEY, LocalDate.of(2025, 1, 1),
                DeductibleRule.perAdmission(allGrades("1300"), allGrades("650")),
                List.of(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.ANNUAL,
                                all("0:85", "30000:90", "40000:95"), yuan("100000")),
                        FundRule.aboveCapOf("LARGE_AMOUNT", "大额医疗费用补助", "POOLING", BandScope.PER_SETTLEMENT,
                                all("0:85"), yuan("300000"))));
    }

    private static YearToDateUsage usage2017(int admissions, String inScope, String deductible, Map<String, FundUsage> funds) {
        return new YearToDateUsage(2017, admissions, yuan(inScope), yuan(deductible), funds);
    }
}
