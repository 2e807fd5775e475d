package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A 转移接续 case, the aggregate of this module: the application, each area's decision and what the
 * transfer-out and transfer-in recorded. Read-only outside the module; the steps change it through
 * package-private methods, each in the transaction of the process step that makes the change.
 */
@Entity
@Table(name = "transfer_case")
public class TransferCase {

    @Id
    private UUID id;
    private long serialNo;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Enumerated(EnumType.STRING)
    private TransferStatus status;
    private String personIdNumber;
    private String personName;
    private String phone;
    @Enumerated(EnumType.STRING)
    private InsuranceType insuranceType;
    @Enumerated(EnumType.STRING)
    private PersonType personType;
    private String outAreaCode;
    private String inAreaCode;
    private String applicantAccount;
    private Instant submittedAt;
    private Instant updatedAt;
    private String processInstanceId;
    private String acceptedBy;
    private Instant acceptedAt;
    @Enumerated(EnumType.STRING)
    private TransferStatus refusedStep;
    private String refuseReason;
    private String refusedBy;
    private String certificateNo;
    private Instant transferredOutAt;
    private String transferredOutBy;
    private LocalDate outFirstMonth;
    private LocalDate outLastMonth;
    private Integer outMonths;
    private BigDecimal balance;
    private BigDecimal balanceReceived;
    private Instant balanceCreditedAt;
    private Instant transferredInAt;
    private String transferredInBy;
    private Integer accumulatedMonths;
    /** null until first saved: Spring Data then persists the new case instead of merging a copy */
    @Version
    @Column(nullable = false)
    private Long version;

    protected TransferCase() {
        // for JPA
    }

    TransferCase(long serialNo, Direction direction, String personIdNumber, String personName, String phone,
                 InsuranceType insuranceType, PersonType personType, String outAreaCode, String inAreaCode,
                 String applicantAccount, Instant now) {
        this.id = UUID.randomUUID();
        this.serialNo = serialNo;
        this.direction = direction;
        this.status = direction == Direction.IN ? TransferStatus.IN_AREA_ACCEPTANCE : TransferStatus.OUT_AREA_REVIEW;
        this.personIdNumber = IdNumber.canonical(personIdNumber);
        this.personName = personName;
        this.phone = phone;
        this.insuranceType = insuranceType;
        this.personType = personType;
        this.outAreaCode = outAreaCode;
        this.inAreaCode = inAreaCode;
        this.applicantAccount = applicantAccount;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** 前台经办落地审核 done: identity and documents seen at the in-area counter. */
    void accepted(String clerk, Instant now) {
        expect(TransferStatus.IN_AREA_ACCEPTANCE);
        acceptedBy = clerk;
        acceptedAt = now;
        move(TransferStatus.OUT_AREA_REVIEW, now);
    }

    void outReviewApproved(Instant now) {
        expect(TransferStatus.OUT_AREA_REVIEW);
        move(TransferStatus.TRANSFERRING_OUT, now);
    }

    void transferredOut(String clerk, String certificateNo, YearMonth first, YearMonth last, int months, Money balance,
                        Instant now) {
        expect(TransferStatus.TRANSFERRING_OUT);
        this.transferredOutBy = clerk;
        this.transferredOutAt = now;
        this.certificateNo = certificateNo;
        this.outFirstMonth = first == null ? null : first.atDay(1);
        this.outLastMonth = last == null ? null : last.atDay(1);
        this.outMonths = months;
        this.balance = balance.yuan();
        move(TransferStatus.TRANSFERRING_IN, now);
    }

    /** The amount the in-area saw arrive; the credit happens with the transfer-in. */
    void balanceReceived(Money received) {
        expect(TransferStatus.TRANSFERRING_IN);
        this.balanceReceived = received.yuan();
    }

    void transferredIn(String clerk, int accumulatedMonths, boolean credited, Instant now) {
        expect(TransferStatus.TRANSFERRING_IN);
        this.transferredInBy = clerk;
        this.transferredInAt = now;
        this.accumulatedMonths = accumulatedMonths;
        if (credited) {
            this.balanceCreditedAt = now;
        }
        move(TransferStatus.COMPLETED, now);
    }

    void refused(String clerk, String reason, Instant now) {
        if (!status.isRunning()) {
            throw new IllegalStateException("transfer " + serialNo + " already ended as " + status);
        }
        this.refusedStep = status;
        this.refusedBy = clerk;
        this.refuseReason = reason;
        move(TransferStatus.REFUSED, now);
    }

    private void expect(TransferStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("transfer " + serialNo + " is " + status + ", not " + expected);
        }
    }

    private void move(TransferStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    /** 流水号 */
    public long getSerialNo() {
        return serialNo;
    }

    public Direction getDirection() {
        return direction;
    }

    public TransferStatus getStatus() {
        return status;
    }

    public String getPersonIdNumber() {
        return personIdNumber;
    }

    public String getMaskedIdNumber() {
        return IdNumber.mask(personIdNumber);
    }

    public String getPersonName() {
        return personName;
    }

    public String getPhone() {
        return phone;
    }

    public InsuranceType getInsuranceType() {
        return insuranceType;
    }

    public PersonType getPersonType() {
        return personType;
    }

    public String getOutAreaCode() {
        return outAreaCode;
    }

    public String getInAreaCode() {
        return inAreaCode;
    }

    public String getApplicantAccount() {
        return applicantAccount;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    /** The step at which the case was refused. */
    public TransferStatus getRefusedStep() {
        return refusedStep;
    }

    public String getRefuseReason() {
        return refuseReason;
    }

    /** 凭证号, once transferred out. */
    public String getCertificateNo() {
        return certificateNo;
    }

    public Instant getTransferredOutAt() {
        return transferredOutAt;
    }

    public YearMonth getOutFirstMonth() {
        return outFirstMonth == null ? null : YearMonth.from(outFirstMonth);
    }

    public YearMonth getOutLastMonth() {
        return outLastMonth == null ? null : YearMonth.from(outLastMonth);
    }

    public Integer getOutMonths() {
        return outMonths;
    }

    /** 个人账户余额 sent by the out-area; null before the transfer-out. */
    public Money getBalance() {
        return balance == null ? null : Money.yuan(balance);
    }

    public Money getBalanceReceived() {
        return balanceReceived == null ? null : Money.yuan(balanceReceived);
    }

    public Instant getBalanceCreditedAt() {
        return balanceCreditedAt;
    }

    public Instant getTransferredInAt() {
        return transferredInAt;
    }

    public Integer getAccumulatedMonths() {
        return accumulatedMonths;
    }

    @Override
    public String toString() {
        return "TransferCase[" + serialNo + ", " + getMaskedIdNumber() + ", " + outAreaCode + "→" + inAreaCode + ", " + status + "]";
    }
}
