package cn.gov.ybj.crossprov.prepayment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalTime;

/**
 * 第十八条 「每年1月底前」: the timer of {@code bpmn/prepayment-year.bpmn} sets the year's quotas on
 * {@code app.prepayment.run-day} of January (1–31, default 15) at {@code app.prepayment.run-time} (09:00),
 * China time ({@link PrepaymentYearSteps}), unless the centre's officer has done it by hand before.
 */
@Component("prepaymentSchedule")
public class PrepaymentSchedule {

    private final int day;
    private final LocalTime time;

    /** no other bean: the engine reads the cycle while it deploys, before the services exist */
    PrepaymentSchedule(@Value("${app.prepayment.run-day:15}") int day, @Value("${app.prepayment.run-time:09:00}") LocalTime time) {
        if (day < 1 || day > 31) {
            throw new IllegalStateException("app.prepayment.run-day must be a day of January (1–31): " + day);
        }
        this.day = day;
        this.time = time;
    }

    /** ISO 8601 repeating interval, yearly from a January in the past, China's offset. */
    public String cycle() {
        return "R/2025-01-%02dT%s:00+08:00/P1Y".formatted(day, time.toString().substring(0, 5));
    }
}
