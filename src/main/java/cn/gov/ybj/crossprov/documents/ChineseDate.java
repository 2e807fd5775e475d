package cn.gov.ybj.crossprov.documents;

import java.time.LocalDate;
import java.time.YearMonth;

/** Dates as the seeds' printed documents write them: {@code 2025 年 06 月 05 日}, {@code 2025 年 06 月}. */
public final class ChineseDate {

    private ChineseDate() {
    }

    public static String of(LocalDate d) {
        return of(YearMonth.from(d)) + " " + String.format("%02d", d.getDayOfMonth()) + " 日";
    }

    public static String of(YearMonth m) {
        return m.getYear() + " 年 " + String.format("%02d", m.getMonthValue()) + " 月";
    }
}
