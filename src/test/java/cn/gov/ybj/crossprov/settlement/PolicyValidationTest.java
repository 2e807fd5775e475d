package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.gov.ybj.crossprov.settlement.TestPolicies.KEY;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.all;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.allGrades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.table;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refusal of the policy rules, each with its message (Chinese / English). */
class PolicyValidationTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    // --- bands ---------------------------------------------------------------------------------

    @Test
    void aRatioAbove100PercentIsRefused() {
        assertRefused(() -> RatioBand.of("0", "1000", "100.01"),
                "支付比例应在 0% 到 100% 之间：100.01% / A ratio lies between 0 % and 100 %: 100.01 %");
    }

    @Test
    void aNegativeRatioIsRefused() {
        assertRefused(() -> RatioBand.openFrom("0", "-5"),
                "支付比例应在 0% 到 100% 之间：-5% / A ratio lies between 0 % and 100 %: -5 %");
    }

    @Test
    void aRatioWithMoreThanFourDecimalsIsRefused() {
        assertRefused(() -> RatioBand.openFrom("0", "72.91667"),
                "支付比例最多保留 4 位小数：72.91667% / A ratio has at most 4 decimals: 72.91667 %");
    }

    @Test
    void ratiosFrom0To100WithUpTo4DecimalsAreAccepted_trailingZerosDropped() {
        assertThat(RatioBand.openFrom("0", "0").percent()).isEqualByComparingTo("0");
        assertThat(RatioBand.openFrom("0", "100.00").percent()).isEqualTo(new BigDecimal("100"));
        assertThat(RatioBand.openFrom("0", "72.9167").ratio()).isEqualTo(new BigDecimal("0.729167"));
        assertThat(RatioBand.openFrom("0", "70.00")).isEqualTo(RatioBand.openFrom("0", "70"));
    }

    @Test
    void aBandEndingAtOrBelowItsStartIsRefused() {
        assertRefused(() -> RatioBand.of("1000", "1000", "50"),
                "分段上限应大于下限：[1000.00, 1000.00) / A band must end above its start: [1000.00, 1000.00)");
    }

    @Test
    void aBandStartingBelow0IsRefused() {
        assertRefused(() -> RatioBand.of("-1", "1000", "50"), "分段下限不能为负数：-1.00 / A band cannot start below 0: -1.00");
    }

    @Test
    void bandsWithAGapAreRefused() {
        assertRefused(() -> pooling(List.of(RatioBand.of("0", "10000", "70"), RatioBand.openFrom("12000", "75"))),
                "基金 POOLING：一级医院：第 1 段与第 2 段之间有空缺：10000.00–12000.00；"
                        + "基金 POOLING：二级医院：第 1 段与第 2 段之间有空缺：10000.00–12000.00；"
                        + "基金 POOLING：三级医院：第 1 段与第 2 段之间有空缺：10000.00–12000.00；"
                        + "基金 POOLING：未定级医院：第 1 段与第 2 段之间有空缺：10000.00–12000.00 / "
                        + "Fund POOLING: grade 1 hospitals: Gap between band 1 and band 2: 10000.00–12000.00; "
                        + "Fund POOLING: grade 2 hospitals: Gap between band 1 and band 2: 10000.00–12000.00; "
                        + "Fund POOLING: grade 3 hospitals: Gap between band 1 and band 2: 10000.00–12000.00; "
                        + "Fund POOLING: ungraded hospitals: Gap between band 1 and band 2: 10000.00–12000.00");
    }

    @Test
    void overlappingBandsAreRefused_onlyForTheGradeThatHasThem() {
        Map<HospitalGrade, List<RatioBand>> bands = new EnumMap<>(all("0:70", "10000:75"));
        bands.put(HospitalGrade.GRADE_3, List.of(RatioBand.of("0", "10000", "70"), RatioBand.openFrom("8000", "75")));
        InvalidPolicyException e = refused(() -> pooling(bands));
        assertThat(e.problems()).containsExactly(new PolicyProblem(
                "基金 POOLING：三级医院：第 1 段与第 2 段重叠：8000.00–10000.00",
                "Fund POOLING: grade 3 hospitals: Band 1 and band 2 overlap: 8000.00–10000.00"));
    }

    @Test
    void bandsNotStartingAt0AreRefused() {
        assertThat(PolicyValidation.bands(List.of(RatioBand.openFrom("500", "70")))).containsExactly(
                new PolicyProblem("第 1 段应从 0 开始，而不是 500.00", "Band 1 must start at 0, not 500.00"));
    }

    @Test
    void aLastBandWithAnEndIsRefused() {
        assertThat(PolicyValidation.bands(List.of(RatioBand.of("0", "10000", "70")))).containsExactly(
                new PolicyProblem("最后一段应不设上限（第 1 段止于 10000.00）", "The last band must be open-ended (band 1 ends at 10000.00)"));
    }

    @Test
    void anOpenBandBeforeTheLastIsRefused() {
        assertThat(PolicyValidation.bands(List.of(RatioBand.openFrom("0", "70"), RatioBand.openFrom("10000", "75"))))
                .containsExactly(new PolicyProblem("只有最后一段可以不设上限（第 1 段）", "Only the last band may be open-ended (band 1)"));
    }

    @Test
    void noBandsAtAllAreRefused() {
        assertThat(PolicyValidation.bands(List.of())).containsExactly(
                new PolicyProblem("至少需要一个分段", "At least one band is needed"));
    }

    @Test
    void aGradeWithoutBandsIsRefused() {
        Map<HospitalGrade, List<RatioBand>> bands = new EnumMap<>(all("0:70"));
        bands.remove(HospitalGrade.UNGRADED);
        assertRefused(() -> pooling(bands), "基金 POOLING：缺少未定级医院的分段 / Fund POOLING: No bands for ungraded hospitals");
    }

    // --- funds -------------------------------------------------------------------------------------

    @Test
    void aNegativeCapIsRefused() {
        assertRefused(() -> FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT, all("0:70"), yuan("-0.01")),
                "基金 POOLING：年度最高支付限额不能为负数：-0.01 / Fund POOLING: The annual cap cannot be negative: -0.01");
    }

    @Test
    void aCapOf0IsAccepted() {
        assertThat(FundRule.of("POOLING", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT, all("0:70"), yuan("0"))
                .annualCap()).isEqualTo(Money.ZERO);
    }

    @Test
    void aBadFundCodeIsRefused() {
        assertRefused(() -> FundRule.of("pooling fund", "统筹基金", FundBase.IN_SCOPE, BandScope.PER_SETTLEMENT, all("0:70"), yuan("1")),
                "基金 pooling fund：基金代码应以大写字母开头，由大写字母、数字和下划线组成，至多 32 位：pooling fund / "
                        + "Fund pooling fund: A fund code starts with a capital letter and has capital letters, digits and underscores, 32 at most: pooling fund");
    }

    @Test
    void aFundAboveACapMustNameWhoseCap_andNotItself() {
        assertRefused(() -> FundRule.aboveCapOf("LARGE", "大额医疗费用补助", null, BandScope.PER_SETTLEMENT, all("0:80"), yuan("1")),
                "基金 LARGE：按限额以上费用支付的基金须指明是哪个基金的限额 / Fund LARGE: A fund paying above a cap must name whose cap");
        assertRefused(() -> FundRule.aboveCapOf("LARGE", "大额医疗费用补助", "LARGE", BandScope.PER_SETTLEMENT, all("0:80"), yuan("1")),
                "基金 LARGE：基金不能按自身限额以上的费用支付 / Fund LARGE: A fund cannot pay above its own cap");
    }

    @Test
    void onlyAFundAboveACapNamesAnotherFund() {
        assertRefused(() -> new FundRule("AID", "医疗救助", FundBase.PERSONAL_SHARE, "POOLING", BandScope.PER_SETTLEMENT, all("0:80"), yuan("1")),
                "基金 AID：只有按限额以上费用支付的基金才指明另一基金 / Fund AID: Only a fund paying above another fund's cap names another fund");
    }

    @Test
    void aFundWithNothingGivenListsEveryProblem() {
        InvalidPolicyException e = refused(() -> new FundRule(null, " ", null, null, null, null, null));
        assertThat(e.problems()).extracting(PolicyProblem::messageEn).containsExactly(
                "Fund: The fund code is missing", "Fund: The fund name is missing",
                "Fund: The amount the fund pays on (base) is missing",
                "Fund: The band scope (per settlement or cumulative over the year) is missing",
                "Fund: The annual cap is missing",
                "Fund: No bands for grade 1 hospitals", "Fund: No bands for grade 2 hospitals",
                "Fund: No bands for grade 3 hospitals", "Fund: No bands for ungraded hospitals");
        assertThat(e).isInstanceOf(BusinessRuleException.class);
        assertThat(e.messageZh()).startsWith("基金：缺少基金代码；基金：缺少基金名称；");
    }

    // --- deductible -------------------------------------------------------------------------------

    @Test
    void aNegativeDeductibleIsRefused() {
        Map<HospitalGrade, Money> amounts = new EnumMap<>(allGrades("1000"));
        amounts.put(HospitalGrade.GRADE_2, yuan("-600"));
        assertRefused(() -> DeductibleRule.perAdmission(amounts),
                "起付标准不能为负数（二级：-600.00） / The deductible cannot be negative (grade 2: -600.00)");
    }

    @Test
    void aDeductibleWithoutAGradeIsRefused() {
        Map<HospitalGrade, Money> amounts = new EnumMap<>(allGrades("1000"));
        amounts.remove(HospitalGrade.GRADE_1);
        assertRefused(() -> DeductibleRule.oncePerYear(amounts),
                "起付标准缺少一级医院的金额 / The deductible has no amount for grade 1 hospitals");
    }

    @Test
    void aOnceAYearDeductibleHasNoLaterAdmissionAmount() {
        assertRefused(() -> new DeductibleRule(DeductibleMode.ONCE_PER_YEAR, allGrades("1000"), allGrades("500")),
                "年度内一次的起付标准不区分再次住院 / A once-a-year deductible has no amount for later admissions");
    }

    @Test
    void aNegativeLaterAdmissionDeductibleIsRefused() {
        Map<HospitalGrade, Money> later = new EnumMap<>(allGrades("650"));
        later.put(HospitalGrade.UNGRADED, yuan("-1"));
        assertRefused(() -> DeductibleRule.perAdmission(allGrades("1300"), later),
                "再次住院的起付标准不能为负数（未定级：-1.00） / The later-admission deductible cannot be negative (ungraded: -1.00)");
    }

    // --- policy -----------------------------------------------------------------------------------

    @Test
    void fundCodesAndNamesAreUnique() {
        FundRule pooling = pooling(all("0:70"));
        FundRule again = FundRule.of("POOLING", "统筹基金", FundBase.PERSONAL_SHARE, BandScope.ANNUAL, all("0:10"), yuan("5"));
        assertRefused(() -> new PolicyVersion(KEY, FROM, DeductibleRule.perAdmission(allGrades("0")), List.of(pooling, again)),
                "基金代码重复：POOLING；基金名称重复：统筹基金 / Fund code used twice: POOLING; Fund name used twice: 统筹基金");
    }

    @Test
    void aFundAboveAnotherFundsCapComesAfterIt() {
        FundRule large = FundRule.aboveCapOf("LARGE", "大额医疗费用补助", "POOLING", BandScope.PER_SETTLEMENT, all("0:80"), yuan("1"));
        assertRefused(() -> new PolicyVersion(KEY, FROM, DeductibleRule.perAdmission(allGrades("0")), List.of(large, pooling(all("0:70")))),
                "基金 LARGE 按 POOLING 限额以上的费用支付，POOLING 须排在它之前 / Fund LARGE pays above the cap of POOLING, so POOLING must come before it");
        assertRefused(() -> new PolicyVersion(KEY, FROM, DeductibleRule.perAdmission(allGrades("0")), List.of(
                        FundRule.aboveCapOf("LARGE", "大额医疗费用补助", "NOBODY", BandScope.PER_SETTLEMENT, all("0:80"), yuan("1")))),
                "基金 LARGE 按 NOBODY 限额以上的费用支付，NOBODY 须排在它之前 / Fund LARGE pays above the cap of NOBODY, so NOBODY must come before it");
    }

    @Test
    void aPolicyNeedsAFundAndItsParts() {
        assertRefused(() -> new PolicyVersion(null, null, null, List.of()),
                "缺少参保地、险种和人员类别；缺少生效日期；缺少起付标准；至少需要一个基金 / The insured area, insurance type and person type are missing; "
                        + "The effective date is missing; The deductible is missing; At least one fund is needed");
    }

    @Test
    void twoVersionsOfAKeyOnTheSameDayAreRefused() {
        PolicyVersion v = new PolicyVersion(KEY, FROM, DeductibleRule.perAdmission(allGrades("0")), List.of(pooling(all("0:70"))));
        assertRefused(() -> PolicyCatalogue.of(List.of(v, v)),
                "110105 城镇职工 在职 自 2025-01-01 起生效的版本重复 / 110105 城镇职工 在职: two versions take effect on 2025-01-01");
    }

    @Test
    void theVersionInForceIsTheLatestOnOrBeforeTheDate() {
        PolicyVersion v2025 = new PolicyVersion(KEY, FROM, DeductibleRule.perAdmission(allGrades("0")), List.of(pooling(all("0:70"))));
        PolicyVersion v2025July = new PolicyVersion(KEY, LocalDate.of(2025, 7, 1), DeductibleRule.perAdmission(allGrades("100")),
                List.of(pooling(all("0:75"))));
        PolicyCatalogue catalogue = PolicyCatalogue.of(List.of(v2025July, v2025));
        assertThat(catalogue.inForce(KEY, LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(catalogue.inForce(KEY, LocalDate.of(2025, 1, 1))).contains(v2025);
        assertThat(catalogue.inForce(KEY, LocalDate.of(2025, 6, 30))).contains(v2025);
        assertThat(catalogue.inForce(KEY, LocalDate.of(2025, 7, 1))).contains(v2025July);
        assertThat(catalogue.inForce(KEY, LocalDate.of(2030, 1, 1))).contains(v2025July);
        assertThat(catalogue.versions(KEY)).containsExactly(v2025, v2025July);
    }

    @Test
    void feeLinesAndUsageRefuseNegativeAmounts() {
        assertRefused(() -> FeeLine.of("西药费", "-1", "0"), "费用金额不能为空或负数：西药费 / Fee amounts cannot be missing or negative: 西药费");
        assertThatThrownBy(() -> new FundUsage(yuan("-1"), yuan("0"))).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> new YearToDateUsage(2025, -1, yuan("0"), yuan("0"), Map.of())).isInstanceOf(BusinessRuleException.class);
    }

    private static FundRule pooling(Map<HospitalGrade, List<RatioBand>> bands) {
        return FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT, bands, yuan("80000"));
    }

    private static FundRule pooling(List<RatioBand> bands) {
        return pooling(FundRule.allGrades(bands.toArray(RatioBand[]::new)));
    }

    private static void assertRefused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(BusinessRuleException.class).hasMessage(message);
    }

    private static InvalidPolicyException refused(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(InvalidPolicyException.class);
        return (InvalidPolicyException) t;
    }
}
