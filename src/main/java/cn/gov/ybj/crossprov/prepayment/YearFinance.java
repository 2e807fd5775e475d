package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A province's year of prepayment money (第十九条): whether it pays or receives a difference, and its steps. */
@Entity
@Table(name = "prepayment_year_finance")
public class YearFinance {

    @Id
    private UUID id;
    private int year;
    private String province;
    private boolean pays;
    private boolean receives;
    private String processInstanceId;
    @ElementCollection
    @CollectionTable(name = "prepayment_year_finance_step", joinColumns = @JoinColumn(name = "year_finance_id"))
    @OrderBy("openedAt")
    private List<StepRecord> steps = new ArrayList<>();

    protected YearFinance() {
        // for JPA
    }

    YearFinance(int year, String province, boolean pays, boolean receives) {
        this.id = UUID.randomUUID();
        this.year = year;
        this.province = province;
        this.pays = pays;
        this.receives = receives;
    }

    void caseStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void stepOpened(YearFinanceStep step, Instant now, Instant due) {
        StepRecord.open(steps, step, now, due);
    }

    void stepDone(YearFinanceStep step, String by, String note, Instant now) {
        StepRecord.done(steps, step, step.label(), step.labelEn(), by, note, now);
    }

    void stepEscalated(YearFinanceStep step, Instant now) {
        StepRecord.escalated(steps, step, now);
    }

    public Optional<StepRecord> step(YearFinanceStep step) {
        return StepRecord.find(steps, step);
    }

    boolean isDone(YearFinanceStep step) {
        return step(step).map(s -> s.getDoneAt() != null).orElse(false);
    }

    public UUID getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public String getProvince() {
        return province;
    }

    /** owes a difference: a payer's increase or a receiver's refund */
    public boolean isPays() {
        return pays;
    }

    /** is owed a difference */
    public boolean isReceives() {
        return receives;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public List<StepRecord> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}
