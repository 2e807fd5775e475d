package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One fund of a policy (统筹基金, 大额医疗费用补助, 大病保险, 公务员医疗补助, 医疗救助 …), general
 * rather than special-cased by name:
 * <ul>
 *   <li>{@code code}: a stable identifier ({@code POOLING}, {@code LARGE_AMOUNT} …: capital letters,
 *       digits, underscores), the key of the person's year-to-date usage;</li>
 *   <li>{@code name}: what the settlement slip prints (附件6: "按照参保地返回的基金款项名称打印");</li>
 *   <li>{@code base} (and {@code baseFund} for {@link FundBase#ABOVE_CAP_OF}): which amount it pays on;</li>
 *   <li>{@code scope}: whether each settlement starts at band position 0 or continues the year's total;</li>
 *   <li>{@code bands}: per hospital grade, contiguous bands from 0, the last open-ended;</li>
 *   <li>{@code annualCap}: 年度最高支付限额, ≥ 0; the fund never pays more in a calendar year.</li>
 * </ul>
 * The funds pay in the order the policy lists them.
 */
public record FundRule(String code, String name, FundBase base, String baseFund, BandScope scope,
                       Map<HospitalGrade, List<RatioBand>> bands, Money annualCap) {

    public FundRule {
        PolicyValidation.requireValid(PolicyValidation.fund(code, name, base, baseFund, scope, bands, annualCap));
        name = name.strip();
        EnumMap<HospitalGrade, List<RatioBand>> copy = new EnumMap<>(HospitalGrade.class);
        bands.forEach((grade, list) -> copy.put(grade, List.copyOf(list)));
        bands = Collections.unmodifiableMap(copy);
    }

    /** A fund paying on the in-scope amount or the personal share (not above another fund's cap). */
    public static FundRule of(String code, String name, FundBase base, BandScope scope,
                              Map<HospitalGrade, List<RatioBand>> bands, Money annualCap) {
        return new FundRule(code, name, base, null, scope, bands, annualCap);
    }

    /** A fund paying on what {@code baseFund} left unpaid above its annual cap. */
    public static FundRule aboveCapOf(String code, String name, String baseFund, BandScope scope,
                                      Map<HospitalGrade, List<RatioBand>> bands, Money annualCap) {
        return new FundRule(code, name, FundBase.ABOVE_CAP_OF, baseFund, scope, bands, annualCap);
    }

    /** The same bands for every grade. */
    public static Map<HospitalGrade, List<RatioBand>> allGrades(RatioBand... bands) {
        Map<HospitalGrade, List<RatioBand>> m = new EnumMap<>(HospitalGrade.class);
        for (HospitalGrade g : HospitalGrade.values()) {
            m.put(g, List.of(bands));
        }
        return m;
    }

    public List<RatioBand> bands(HospitalGrade grade) {
        return bands.get(grade);
    }
}
