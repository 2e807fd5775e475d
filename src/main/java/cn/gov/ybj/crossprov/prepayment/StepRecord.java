package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
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
public class StepRecord {
    private String step;
    private Instant openedAt;
    private Instant due;
    private String doneBy;
    private Instant doneAt;
    private String note;
    private Instant escalatedAt;

    protected StepRecord() {
        // for JPA
    }

    private StepRecord(String step, Instant openedAt, Instant due) {
        this.step = step;
        this.openedAt = openedAt;
        this.due = due;
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
        StepRecord s = find(steps, step).filter(x -> x.doneAt == null).orElseThrow(() -> new BusinessRuleException(
                "该步骤未开始或已办结：" + label, "This step has not started or is done: " + labelEn));
        s.doneBy = by;
        s.note = note;
        s.doneAt = now;
    }

    static void escalated(List<StepRecord> steps, Enum<?> step, Instant now) {
        find(steps, step).filter(s -> s.doneAt == null && s.escalatedAt == null).ifPresent(s -> s.escalatedAt = now);
    }

    public String getStep() {
        return step;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getDue() {
        return due;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public String getNote() {
        return note;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public boolean isLate(Instant now) {
        return doneAt == null ? now.isAfter(due) : doneAt.isAfter(due);
    }

    /** open and past its deadline now */
    public boolean isOverdue(Instant now) {
        return doneAt == null && now.isAfter(due);
    }
}
