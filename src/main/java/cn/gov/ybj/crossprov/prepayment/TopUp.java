package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An emergency top-up of a pair (预付金紧急调增, 第二十一–二十三条) and its steps, one open per pair. */
@Entity
@Table(name = "prepayment_top_up")
public class TopUp {

    public enum Status {
        TO_APPLY("待申请", "to apply"), APPLIED("待审核", "awaiting review"), APPROVED("已下达通知书", "notice issued"),
        REFUSED("未同意", "refused"), ARRIVED("已到账", "arrived");

        private final String label;
        private final String labelEn;

        Status(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    @Id
    private UUID id;
    private UUID pairId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String processInstanceId;
    private Instant openedAt;
    private LocalDate warningMonth;
    private BigDecimal requested;
    private String reason;
    private String appliedBy;
    private Instant appliedAt;
    private BigDecimal approved;
    private String decisionNote;
    private String decidedBy;
    private Instant decidedAt;
    private String arrivedBy;
    private Instant arrivedAt;
    @ElementCollection
    @CollectionTable(name = "prepayment_top_up_step", joinColumns = @JoinColumn(name = "top_up_id"))
    @OrderBy("openedAt")
    private List<StepRecord> steps = new ArrayList<>();

    protected TopUp() {
        // for JPA
    }

    TopUp(UUID pairId, YearMonth warningMonth, Instant now) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.status = Status.TO_APPLY;
        this.openedAt = now;
        this.warningMonth = warningMonth == null ? null : warningMonth.atDay(1);
    }

    void caseStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void applied(Money amount, String reason, String by, Instant now) {
        requireStatus(Status.TO_APPLY);
        this.requested = amount.yuan();
        this.reason = reason;
        this.appliedBy = by;
        this.appliedAt = now;
        this.status = Status.APPLIED;
    }

    /** the centre approves {@code amount} (the amount applied for, or adjusted) or refuses (null) */
    void decided(Money amount, String note, String by, Instant now) {
        requireStatus(Status.APPLIED);
        this.approved = amount == null ? null : amount.yuan();
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = now;
        this.status = amount == null ? Status.REFUSED : Status.APPROVED;
    }

    void arrived(String by, Instant now) {
        requireStatus(Status.APPROVED);
        this.arrivedBy = by;
        this.arrivedAt = now;
        this.status = Status.ARRIVED;
    }

    void stepOpened(TopUpStep step, Instant now, Instant due) {
        StepRecord.open(steps, step, now, due);
    }

    void stepDone(TopUpStep step, String by, String note, Instant now) {
        StepRecord.done(steps, step, step.label(), step.labelEn(), by, note, now);
    }

    void stepEscalated(TopUpStep step, Instant now) {
        StepRecord.escalated(steps, step, now);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new BusinessRuleException("该调增申请当前状态为" + status.label() + "，不能办理此步骤",
                    "The top-up is " + status.labelEn() + ": this step cannot be done now");
        }
    }

    public Optional<StepRecord> step(TopUpStep step) {
        return StepRecord.find(steps, step);
    }

    public UUID getId() {
        return id;
    }

    public UUID getPairId() {
        return pairId;
    }

    public Status getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    /** the month whose red warning opened it */
    public YearMonth getWarningMonth() {
        return warningMonth == null ? null : YearMonth.from(warningMonth);
    }

    public Money getRequested() {
        return requested == null ? null : new Money(requested);
    }

    public String getReason() {
        return reason;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Money getApproved() {
        return approved == null ? null : new Money(approved);
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getArrivedBy() {
        return arrivedBy;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    public List<StepRecord> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}
