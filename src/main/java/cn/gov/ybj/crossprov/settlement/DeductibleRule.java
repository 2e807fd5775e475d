package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * 起付标准 by hospital grade. {@link DeductibleMode#PER_ADMISSION}: every admission pays
 * {@code amounts}, or {@code subsequentAmounts} from the second admission of the year on when the
 * policy lowers it (empty = the same). {@link DeductibleMode#ONCE_PER_YEAR}: the year's total
 * deductible is {@code amounts} of the grade of this admission, less what the year already paid.
 * Every grade has an amount ≥ 0.
 */
public record DeductibleRule(DeductibleMode mode, Map<HospitalGrade, Money> amounts,
                             Map<HospitalGrade, Money> subsequentAmounts) {

    public DeductibleRule {
        if (subsequentAmounts == null) {
            subsequentAmounts = Map.of();
        }
        PolicyValidation.requireValid(PolicyValidation.deductible(mode, amounts, subsequentAmounts));
        amounts = copy(amounts);
        subsequentAmounts = copy(subsequentAmounts);
    }

    public static DeductibleRule perAdmission(Map<HospitalGrade, Money> amounts) {
        return new DeductibleRule(DeductibleMode.PER_ADMISSION, amounts, Map.of());
    }

    /** Per admission, with a different amount from the second admission of the year on. */
    public static DeductibleRule perAdmission(Map<HospitalGrade, Money> first, Map<HospitalGrade, Money> subsequent) {
        return new DeductibleRule(DeductibleMode.PER_ADMISSION, first, subsequent);
    }

    public static DeductibleRule oncePerYear(Map<HospitalGrade, Money> amounts) {
        return new DeductibleRule(DeductibleMode.ONCE_PER_YEAR, amounts, Map.of());
    }

    /** The same amount for every grade. */
    public static Map<HospitalGrade, Money> allGrades(Money amount) {
        Map<HospitalGrade, Money> m = new EnumMap<>(HospitalGrade.class);
        for (HospitalGrade g : HospitalGrade.values()) {
            m.put(g, amount);
        }
        return m;
    }

    /** Grades 一级, 二级, 三级 and 未定级 in this order. */
    public static Map<HospitalGrade, Money> byGrade(Money grade1, Money grade2, Money grade3, Money ungraded) {
        Map<HospitalGrade, Money> m = new EnumMap<>(HospitalGrade.class);
        m.put(HospitalGrade.GRADE_1, grade1);
        m.put(HospitalGrade.GRADE_2, grade2);
        m.put(HospitalGrade.GRADE_3, grade3);
        m.put(HospitalGrade.UNGRADED, ungraded);
        return m;
    }

    /**
     * The deductible still due at an admission at a hospital of this grade, before it is limited
     * to the admission's in-scope amount: per admission, the first or the subsequent amount
     * (by {@link YearToDateUsage#admissions()}); once a year, the amount less
     * {@link YearToDateUsage#deductiblePaid()}, not below 0.
     */
    public Money due(HospitalGrade grade, YearToDateUsage usage) {
        return switch (mode) {
            case PER_ADMISSION -> usage.admissions() > 0 && !subsequentAmounts.isEmpty()
                    ? subsequentAmounts.get(grade) : amounts.get(grade);
            case ONCE_PER_YEAR -> {
                Money left = amounts.get(grade).minus(usage.deductiblePaid());
                yield left.isNegative() ? Money.ZERO : left;
            }
        };
    }

    private static Map<HospitalGrade, Money> copy(Map<HospitalGrade, Money> m) {
        return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(m));
    }
}
