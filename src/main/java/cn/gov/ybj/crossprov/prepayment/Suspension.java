package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 第二十四条: a receiving province's request to suspend a paying province's direct settlement, the
 * centre's decision and the resumption, each with who and when (the audit both provinces see).
 */
@Entity
@Table(name = "settlement_suspension")
public class Suspension {

    /** what did not arrive in time */
    public enum Cause {
        CLEARING("清算资金", "clearing funds"), TOP_UP("预付金紧急调增资金", "emergency top-up"), PREPAYMENT("预付金", "prepayment");

        private final String label;
        private final String labelEn;

        Cause(String label, String labelEn) {
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

    public enum Status {
        REQUESTED("待部级经办机构决定", "awaiting the centre"), SUSPENDED("已暂停直接结算", "suspended"),
        REFUSED("未同意暂停", "refused"), RESUMED("已恢复直接结算", "resumed");

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
    private String payingProvince;
    private String receivingProvince;
    @Enumerated(EnumType.STRING)
    private Cause cause;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private LocalDate suspendedFrom;
    private String resumedBy;
    private Instant resumedAt;
    private LocalDate resumedFrom;
    @Version
    @Column(nullable = false)
    private Long version;

    protected Suspension() {
        // for JPA
    }

    Suspension(String payingProvince, String receivingProvince, Cause cause, String reason, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.payingProvince = payingProvince;
        this.receivingProvince = receivingProvince;
        this.cause = cause;
        this.reason = reason;
        this.status = Status.REQUESTED;
        this.requestedBy = by;
        this.requestedAt = now;
    }

    /** the centre suspends from {@code today} (a discharge that day is refused) or refuses */
    void decided(boolean suspend, String note, String by, Instant now, LocalDate today) {
        if (status != Status.REQUESTED) {
            throw new BusinessRuleException("该申请已决定：" + status.label(), "This request has been decided: " + status.labelEn());
        }
        this.status = suspend ? Status.SUSPENDED : Status.REFUSED;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = now;
        this.suspendedFrom = suspend ? today : null;
    }

    /** the centre resumes from {@code today} (a discharge that day is accepted) */
    void resumed(String by, Instant now, LocalDate today) {
        if (status != Status.SUSPENDED) {
            throw new BusinessRuleException("只能恢复已暂停的直接结算", "Only a suspension can be resumed");
        }
        this.status = Status.RESUMED;
        this.resumedBy = by;
        this.resumedAt = now;
        this.resumedFrom = today;
    }

    /** whether a discharge on {@code day} falls in the suspension */
    public boolean covers(LocalDate day) {
        return suspendedFrom != null && !day.isBefore(suspendedFrom) && (resumedFrom == null || day.isBefore(resumedFrom));
    }

    public UUID getId() {
        return id;
    }

    public String getPayingProvince() {
        return payingProvince;
    }

    public String getReceivingProvince() {
        return receivingProvince;
    }

    public Cause getCause() {
        return cause;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public LocalDate getSuspendedFrom() {
        return suspendedFrom;
    }

    public String getResumedBy() {
        return resumedBy;
    }

    public Instant getResumedAt() {
        return resumedAt;
    }

    public LocalDate getResumedFrom() {
        return resumedFrom;
    }
}
