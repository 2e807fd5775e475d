package cn.gov.ybj.crossprov.clearing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** A finance step of a province in a clearing month (a row of {@code app.clearing_finance_step}). */
@Embeddable
public class ProvinceFinanceStep {

    @Column(name = "province_code")
    private String province;
    @Enumerated(EnumType.STRING)
    private FinanceStep step;
    private Instant openedAt;
    private Instant due;
    private String doneBy;
    private Instant doneAt;
    private String note;
    private Instant escalatedAt;

    protected ProvinceFinanceStep() {
        // for JPA
    }

    ProvinceFinanceStep(String province, FinanceStep step, Instant openedAt, Instant due) {
        this.province = province;
        this.step = step;
        this.openedAt = openedAt;
        this.due = due;
    }

    void done(String by, String note, Instant at) {
        this.doneBy = by;
        this.note = note;
        this.doneAt = at;
    }

    void escalated(Instant at) {
        if (escalatedAt == null && doneAt == null) {
            escalatedAt = at;
        }
    }

    public String getProvince() {
        return province;
    }

    public FinanceStep getStep() {
        return step;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    /** end of the last working day of its term */
    public Instant getDue() {
        return due;
    }

    public String getDoneBy() {
        return doneBy;
    }

    /** when it was done, or null while open */
    public Instant getDoneAt() {
        return doneAt;
    }

    public String getNote() {
        return note;
    }

    /** when the centre was told it was late, or null */
    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public boolean isDone() {
        return doneAt != null;
    }

    /** open past its deadline, or done after it */
    public boolean isLate(Instant now) {
        return doneAt == null ? now.isAfter(due) : doneAt.isAfter(due);
    }
}
