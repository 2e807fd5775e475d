package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Year;

/** The service task of {@code bpmn/prepayment-year.bpmn}, thin: the run is {@link Prepayments}'. */
@Component("prepaymentYearSteps")
public class PrepaymentYearSteps {

    private static final Logger log = LoggerFactory.getLogger(PrepaymentYearSteps.class);
    static final String TIMER_ACCOUNT = "system:prepayment-timer";

    private final Prepayments prepayments;

    PrepaymentYearSteps(Prepayments prepayments) {
        this.prepayments = prepayments;
    }

    /** This year's quotas, unless they exist; {@code ran} tells the case which end. */
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
