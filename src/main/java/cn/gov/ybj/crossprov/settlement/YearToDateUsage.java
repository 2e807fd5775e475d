package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A person's settlements so far in one calendar year (the year of the discharge dates): how many,
 * their in-scope amounts, the deductible paid, and per fund code what it paid and its base
 * ({@link FundUsage}). The calculator returns the usage after each settlement; the next settlement
 * of the same year starts from it, one of a later year starts from zero.
 */
public record YearToDateUsage(int year, int admissions, Money inScope, Money deductiblePaid,
                              Map<String, FundUsage> funds) {

    public YearToDateUsage {
        if (year < 1900 || year > 9999) {
            throw new BusinessRuleException("年度不正确：" + year, "Not a year: " + year);
        }
        if (admissions < 0 || inScope == null || deductiblePaid == null || inScope.isNegative() || deductiblePaid.isNegative()) {
            throw new BusinessRuleException("年度累计的次数和金额不能为空或负数", "Year-to-date counts and amounts cannot be missing or negative");
        }
        funds = funds == null || funds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(funds));
    }

    /** Nothing yet in {@code year}. */
    public static YearToDateUsage empty(int year) {
        return new YearToDateUsage(year, 0, Money.ZERO, Money.ZERO, Map.of());
    }

    /** The fund's year so far; {@link FundUsage#NONE} when it has not paid this year. */
    public FundUsage fund(String code) {
        return funds.getOrDefault(code, FundUsage.NONE);
    }

    /**
     * The usage a settlement discharged in {@code year} starts from: this one for the same year,
     * an empty one for a later year; a usage of a later year than the discharge is refused (the
     * settlements of a year are calculated in order).
     */
    public YearToDateUsage forYear(int year) {
        if (year == this.year) {
            return this;
        }
        if (year > this.year) {
            return empty(year);
        }
        throw new BusinessRuleException("年度累计属于 " + this.year + " 年，晚于出院年度 " + year + " 年",
                "The year-to-date usage is of " + this.year + ", after the discharge year " + year);
    }
}
