package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.DeadlineStep;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A step of a top-up or of a province's year of prepayment money, with its working-day deadline, who did it
 * and when, and when it was escalated (a row of {@code app.prepayment_top_up_step} or
 * {@code app.prepayment_year_finance_step}). {@code step} is the name of its enum ({@link TopUpStep},
 * {@link YearFinanceStep}).
 */
@Embeddable
public class StepRecord extends DeadlineStep {
    private String step;

    protected StepRecord() {
        // for JPA
    }

    private StepRecord(String step, Instant openedAt, Instant due) {
        super(openedAt, due);
        this.step = step;
    }

    static Optional<StepRecord> find(List<StepRecord> steps, Enum<?> step) {
        return steps.stream().filter(s -> s.step.equals(step.name())).findFirst();
    }

    /** opens the step once: a second opening (a retried job) keeps the first deadline */
    static void open(List<StepRecord> steps, Enum<?> step, Instant now, Instant due) {
        if (find(steps, step).isEmpty()) {
            steps.add(new StepRecord(step.name(), now, due));
        }
    }

    static void done(List<StepRecord> steps, Enum<?> step, String label, String labelEn, String by, String note, Instant now) {
        StepRecord s = find(steps, step).filter(x -> !x.isDone()).orElseThrow(() -> new BusinessRuleException(
                "该步骤未开始或已办结：" + label, "This step has not started or is done: " + labelEn));
        s.markDone(by, note, now);
    }

    static void escalated(List<StepRecord> steps, Enum<?> step, Instant now) {
        find(steps, step).ifPresent(s -> s.markEscalated(now));
    }

    public String getStep() {
        return step;
    }
}
