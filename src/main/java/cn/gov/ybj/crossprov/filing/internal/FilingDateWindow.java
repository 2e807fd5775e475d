package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Start and end dates of filings and changes lie within sense: the start no earlier than
 * {@code app.filing.dates.earliest-start} before today (补办备案 after a trip is allowed, the seeds
 * set no limit: one year by default), the end no later than {@code app.filing.dates.latest-end}
 * after today (ten years by default).
 */
@Component
public class FilingDateWindow {

    private static final ZoneId CHINA = ChinaTime.ZONE;

    private final Period earliestStart;
    private final Period latestEnd;

    FilingDateWindow(@Value("${app.filing.dates.earliest-start:P1Y}") Period earliestStart,
                     @Value("${app.filing.dates.latest-end:P10Y}") Period latestEnd) {
        this.earliestStart = earliestStart;
        this.latestEnd = latestEnd;
    }

    public void checkStart(LocalDate start) {
        LocalDate first = today().minus(earliestStart);
        if (start != null && start.isBefore(first)) {
            throw new BusinessRuleException("开始日期不能早于 " + first.format(DateTimeFormatter.ISO_LOCAL_DATE),
                    "The start date must not be before " + first);
        }
    }

    public void checkEnd(LocalDate end) {
        LocalDate last = today().plus(latestEnd);
        if (end != null && end.isAfter(last)) {
            throw new BusinessRuleException("结束日期不能晚于 " + last.format(DateTimeFormatter.ISO_LOCAL_DATE),
                    "The end date must not be after " + last);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
