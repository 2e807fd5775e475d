package cn.gov.ybj.crossprov.insured;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * 缴费期间: months (first day of the month) in which the person contributed in one area.
 *
 * @param endMonth last month included; {@code null} while the period is open
 */
public record ContributionPeriod(String poolingAreaCode, InsuranceType insuranceType, LocalDate startMonth, LocalDate endMonth) {

    /** 累计月数 of this period, an open period counted up to the current month. */
    public long months() {
        YearMonth end = endMonth == null ? YearMonth.now() : YearMonth.from(endMonth);
        return Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(startMonth), end) + 1);
    }
}
