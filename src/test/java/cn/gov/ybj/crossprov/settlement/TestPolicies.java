package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short ways to write policies in tests. */
final class TestPolicies {

    static final PolicyKey KEY = PolicyKey.of("110105", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);

    private TestPolicies() {
    }

    /**
     * A band table from band starts: {@code table("0:60", "1000:80", "5000:90")} is [0, 1000) 60 %,
     * [1000, 5000) 80 %, [5000, ∞) 90 %.
     */
    static List<RatioBand> table(String... startsAndPercents) {
        List<RatioBand> bands = new ArrayList<>();
        for (int i = 0; i < startsAndPercents.length; i++) {
            String[] sp = startsAndPercents[i].split(":");
            Money to = i + 1 < startsAndPercents.length ? Money.yuan(startsAndPercents[i + 1].split(":")[0]) : null;
            bands.add(new RatioBand(Money.yuan(sp[0]), to, new BigDecimal(sp[1])));
        }
        return bands;
    }

    /** The same band table for every grade. */
    static Map<HospitalGrade, List<RatioBand>> all(String... startsAndPercents) {
        return FundRule.allGrades(table(startsAndPercents).toArray(RatioBand[]::new));
    }

    /** Grade 一级, 二级, 三级; 未定级 as 一级. */
    static Map<HospitalGrade, List<RatioBand>> byGrade(List<RatioBand> g1, List<RatioBand> g2, List<RatioBand> g3) {
        return Map.of(HospitalGrade.GRADE_1, g1, HospitalGrade.GRADE_2, g2, HospitalGrade.GRADE_3, g3,
                HospitalGrade.UNGRADED, g1);
    }

    static Map<HospitalGrade, Money> allGrades(String amount) {
        return DeductibleRule.allGrades(Money.yuan(amount));
    }

    static Map<HospitalGrade, Money> grades(String g1, String g2, String g3) {
        return DeductibleRule.byGrade(Money.yuan(g1), Money.yuan(g2), Money.yuan(g3), Money.yuan(g1));
    }

    static Money yuan(String amount) {
        return Money.yuan(amount);
    }

    static List<FeeLine> inScope(String amount) {
        return List.of(FeeLine.of("住院费用", amount, "0"));
    }
}
