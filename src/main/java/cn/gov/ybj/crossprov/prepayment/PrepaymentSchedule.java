package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.time.Year;

/**
 * 第十八条 「每年1月底前」: the timer of {@code bpmn/prepayment-year.bpmn} sets the year's quotas on
 * {@code app.prepayment.run-day} of January (1–31, default 15) at {@code app.prepayment.run-time} (09:00),
 * China time, unless the centre's officer has done it by hand before.
 */
@Component("prepaymentSchedule")
public class PrepaymentSchedule {

    private static final Logger log = LoggerFactory.getLogger(PrepaymentSchedule.class);
    static final String TIMER_ACCOUNT = "system:prepayment-timer";

    private final int day;
    private final LocalTime time;
    private final Prepayments prepayments;

    PrepaymentSchedule(@Value("${app.prepayment.run-day:15}") int day, @Value("${app.prepayment.run-time:09:00}") LocalTime time,
                       Prepayments prepayments) {
        if (day < 1 || day > 31) {
            throw new IllegalStateException("app.prepayment.run-day must be a day of January (1–31): " + day);
        }
        this.day = day;
        this.time = time;
        this.prepayments = prepayments;
    }

    /** ISO 8601 repeating interval, yearly from a January in the past, China's offset. */
    public String cycle() {
        return "R/2025-01-%02dT%s:00+08:00/P1Y".formatted(day, time.toString().substring(0, 5));
    }

    /** The timer's task: this year's quotas, unless they exist; {@code ran} tells the case which end. */
    public void runThisYear(DelegateExecution execution) {
        int year = Year.now(ChinaTime.ZONE).getValue();
        boolean run = !prepayments.hasRun(year);
        if (run) {
            prepayments.runYearAs(TIMER_ACCOUNT, year);
        } else {
            log.info("Prepayment {}: the quotas were set before the timer, nothing to do", year);
        }
        execution.setVariable("year", year);
        execution.setVariable("ran", run);
    }
}
