package cn.gov.ybj.crossprov.workflow;

import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * A step an officer does on a working-day deadline, as a row of its case: when it opened, when it is due, who did it
 * and when (with a note), and when it was escalated for being late. Clearing's finance steps and prepayment's steps
 * are embeddables that extend it with what the step is.
 */
@MappedSuperclass
public abstract class DeadlineStep {

    private Instant openedAt;
    private Instant due;
    private String doneBy;
    private Instant doneAt;
    private String note;
    private Instant escalatedAt;

    protected DeadlineStep() {
        // for JPA
    }

    protected DeadlineStep(Instant openedAt, Instant due) {
        this.openedAt = openedAt;
        this.due = due;
    }

    protected final void markDone(String by, String note, Instant at) {
        this.doneBy = by;
        this.note = note;
        this.doneAt = at;
    }

    /** once, and only while the step is open */
    protected final void markEscalated(Instant at) {
        if (escalatedAt == null && doneAt == null) {
            escalatedAt = at;
        }
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

    /** when it was escalated, or null */
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

    /** open and past its deadline now */
    public boolean isOverdue(Instant now) {
        return doneAt == null && now.isAfter(due);
    }
}
