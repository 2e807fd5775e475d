package cn.gov.ybj.crossprov.insured;

import org.springframework.jdbc.core.RowMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * 缴费期间: months (first day of the month) in which the person contributed in one area.
 *
 * @param endMonth last month included; {@code null} while the period is open
 */
public record ContributionPeriod(String poolingAreaCode, InsuranceType insuranceType, LocalDate startMonth, LocalDate endMonth) {

    /** A row of {@code SELECT pooling_area_code, insurance_type, start_month, end_month}. */
    static final RowMapper<ContributionPeriod> ROW = (rs, i) -> new ContributionPeriod(rs.getString(1),
            InsuranceType.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));

    /** 累计月数 of this period, an open period counted up to the current month. */
    public long months() {
        YearMonth end = endMonth == null ? YearMonth.now() : YearMonth.from(endMonth);
        return Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(startMonth), end) + 1);
    }
}
