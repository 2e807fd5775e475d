package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.SortNatural;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A clearing month (清算所属月份), the aggregate of this module: who generated its tables and when,
 * what they hold, and each province's confirmation or disputes. One per month, never two (the unique
 * {@code month}). Read-only outside the module; {@link MonthlyClearing} changes it, the rules of a
 * confirmation and a dispute are here.
 */
@Entity
@Table(name = "clearing_month")
public class ClearingMonth {

    @Id
    private java.util.UUID id;
    /** the 1st of the month */
    private LocalDate month;
    @Enumerated(EnumType.STRING)
    private ClearingStatus status;
    private String generatedBy;
    private Instant generatedAt;
    private long generationMs;
    private long settlements;
    private BigDecimal fundsTotal;
    private long unreconciledSettlements;
    private BigDecimal unreconciledFunds;
    private Instant confirmedAt;
    /** the month's case (bpmn/monthly-clearing.bpmn) */
    private String processInstanceId;
    /** 第三十四条: confirmed by the 25th of the next month */
    private Instant confirmDue;
    /** 第三十五条: the notices published */
    private Instant noticesPublishedAt;
    @ElementCollection
    @CollectionTable(name = "clearing_province", joinColumns = @JoinColumn(name = "clearing_month_id"))
    @MapKeyColumn(name = "province_code")
    @SortNatural
    private SortedMap<String, ProvinceConfirmation> provinces = new TreeMap<>();
    @ElementCollection
    @CollectionTable(name = "clearing_dispute", joinColumns = @JoinColumn(name = "clearing_month_id"))
    @OrderBy("raisedAt")
    private List<Dispute> disputes = new ArrayList<>();
    /** 第三十六、三十七条: each province's finance steps once opened */
    @ElementCollection
    @CollectionTable(name = "clearing_finance_step", joinColumns = @JoinColumn(name = "clearing_month_id"))
    @OrderBy("openedAt")
    private List<ProvinceFinanceStep> financeSteps = new ArrayList<>();
    /** 清算完成: every province has settled with its pooling areas */
    private Instant settledAt;
    /** null until first saved: Spring Data then persists the new month instead of merging a copy */
    @Version
    @Column(nullable = false)
    private Long version;

    protected ClearingMonth() {
        // for JPA
    }

    /** Claims the month before its tables are generated (in the same transaction). */
    ClearingMonth(YearMonth month, String generatedBy, Instant now) {
        this.id = java.util.UUID.randomUUID();
        this.month = month.atDay(1);
        this.status = ClearingStatus.CONFIRMING;
        this.generatedBy = generatedBy;
        this.generatedAt = now;
        this.fundsTotal = BigDecimal.ZERO;
        this.unreconciledFunds = BigDecimal.ZERO;
    }

    /**
     * The tables are generated: every province of the month (code → name) with what it has to do —
     * confirm when it pays or receives anything ({@code involved}), else nothing.
     */
    void generated(Map<String, String> provinceNames, Set<String> involved, long settlements, Money fundsTotal,
                   long unreconciledSettlements, Money unreconciledFunds, long generationMs, Instant now) {
        provinceNames.forEach((code, name) -> provinces.put(code, new ProvinceConfirmation(name,
                involved.contains(code) ? ProvinceStatus.PENDING : ProvinceStatus.NOT_INVOLVED)));
        this.settlements = settlements;
        this.fundsTotal = fundsTotal.yuan();
        this.unreconciledSettlements = unreconciledSettlements;
        this.unreconciledFunds = unreconciledFunds.yuan();
        this.generationMs = generationMs;
        completeIfConfirmed(now);
    }

    /**
     * The province confirms the month's tables (第三十四条). Once is enough: a second confirmation
     * changes nothing. A province with an open dispute waits for the centre's resolution.
     */
    void confirm(String province, String by, Instant now) {
        ProvinceConfirmation p = provinceToAnswer(province);
        switch (p.getStatus()) {
            case CONFIRMED -> {
                return;
            }
            case DISPUTED -> throw new BusinessRuleException(
                    "本省对 " + month() + " 的清算表有未解决的异议，待部级经办机构处理后再确认",
                    "Your province has an open dispute on the clearing tables of " + month()
                            + ": confirm after the national centre has resolved it");
            default -> p.confirmed(by, now);
        }
        completeIfConfirmed(now);
    }

    /** The province disputes its pair with {@code pairProvince}, with a reason; before it has confirmed. */
    void dispute(String province, String pairProvince, String reason, String by, Instant now) {
        ProvinceConfirmation p = provinceToAnswer(province);
        if (p.getStatus() == ProvinceStatus.CONFIRMED) {
            throw new BusinessRuleException("本省已确认 " + month() + " 的清算表，不能再提出异议",
                    "Your province has already confirmed the clearing tables of " + month() + ": no dispute any more");
        }
        if (pairProvince.equals(province) || !provinces.containsKey(pairProvince)) {
            throw new BusinessRuleException("异议的对方省份应为本月清算表中的其他省份：" + pairProvince,
                    "The other province of a dispute must be another province of the month's tables: " + pairProvince);
        }
        if (disputes.stream().anyMatch(d -> d.isOpen() && d.getProvinceCode().equals(province) && d.getPairProvince().equals(pairProvince))) {
            throw new BusinessRuleException("本省已对与 " + provinces.get(pairProvince).getName() + " 的清算提出异议",
                    "Your province has already disputed its clearing with " + pairProvince);
        }
        disputes.add(new Dispute(province, pairProvince, reason, by, now));
        p.disputed();
    }

    /** The month's case and its deadline for the provinces. */
    void caseStarted(String processInstanceId, Instant confirmDue) {
        this.processInstanceId = processInstanceId;
        this.confirmDue = confirmDue;
    }

    /** 第三十五条: the notices are published once every province has confirmed. */
    void noticesPublished(Instant now) {
        if (status != ClearingStatus.CONFIRMED) {
            throw new BusinessRuleException(month() + " 的清算表尚未全部确认，不能发布通知书",
                    "The clearing tables of " + month() + " are not all confirmed: no notices yet");
        }
        status = ClearingStatus.NOTICES_PUBLISHED;
        noticesPublishedAt = now;
    }

    /** A province not confirmed by the deadline: escalated to the centre (its state stays). */
    void escalated(String province, Instant now) {
        ProvinceConfirmation p = provinces.get(province);
        if (p != null && status == ClearingStatus.CONFIRMING
                && (p.getStatus() == ProvinceStatus.PENDING || p.getStatus() == ProvinceStatus.DISPUTED)) {
            p.escalated(now);
        }
    }

    /** The province's finance step opens with its deadline (once; the case opens each step once). */
    void financeStepOpened(String province, FinanceStep step, Instant now, Instant due) {
        if (status != ClearingStatus.NOTICES_PUBLISHED) {
            throw new BusinessRuleException(month() + " 的通知书尚未发布或清算已完成", "The notices of " + month() + " are not published, or its clearing is complete");
        }
        if (financeStep(province, step).isEmpty()) {
            financeSteps.add(new ProvinceFinanceStep(province, step, now, due));
        }
    }

    /** The province's open finance step is done; a step done already is refused (the task has gone). */
    void financeStepDone(String province, FinanceStep step, String by, String note, Instant now) {
        ProvinceFinanceStep s = financeStep(province, step).filter(x -> !x.isDone())
                .orElseThrow(() -> new BusinessRuleException("该步骤未开始或已办结：" + step.label(),
                        "This step has not started or is done: " + step.labelEn()));
        s.done(by, note, now);
    }

    /** The province's step was not done by its deadline: recorded once (the case escalates its task). */
    void financeStepEscalated(String province, FinanceStep step, Instant now) {
        financeStep(province, step).ifPresent(s -> s.escalated(now));
    }

    /** 清算完成: every province has settled with its pooling areas (第三十七条). */
    void settled(Instant now) {
        if (status == ClearingStatus.NOTICES_PUBLISHED) {
            status = ClearingStatus.SETTLED;
            settledAt = now;
        }
    }

    public Optional<ProvinceFinanceStep> financeStep(String province, FinanceStep step) {
        return financeSteps.stream().filter(s -> s.getProvince().equals(province) && s.getStep() == step).findFirst();
    }

    /** every opened finance step, in the order they opened */
    public List<ProvinceFinanceStep> getFinanceSteps() {
        return Collections.unmodifiableList(financeSteps);
    }

    /** when the last province settled with its pooling areas, or null */
    public Instant getSettledAt() {
        return settledAt;
    }

    /** The province's open disputes, oldest first. */
    public List<Dispute> openDisputes(String province) {
        return disputes.stream().filter(d -> d.isOpen() && d.getProvinceCode().equals(province)).toList();
    }

    /**
     * The centre resolves the province's open dispute of its pair with {@code pairProvince}; the
     * tables of the pair were generated again or the pair held out before ({@link #pairChanged}).
     */
    void resolve(String province, String pairProvince, DisputeResolution resolution, String note, String by, Instant now) {
        if (status != ClearingStatus.CONFIRMING) {
            throw new BusinessRuleException(month() + " 的清算表已确认完毕", "The clearing tables of " + month() + " are confirmed");
        }
        Dispute d = disputes.stream()
                .filter(x -> x.isOpen() && x.getProvinceCode().equals(province) && x.getPairProvince().equals(pairProvince))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该异议不存在或已处理：" + province + " ↔ " + pairProvince,
                        "No open dispute of " + province + " on its pair with " + pairProvince));
        d.resolved(resolution, note, by, now);
    }

    /**
     * The pair's lines were generated again or removed: each of the two provinces confirms again when its
     * tables changed and it had confirmed, or is newly involved; one left without amounts has nothing to
     * confirm; one whose disputes are all resolved confirms. The month's figures follow.
     *
     * @param changed  whether the pair's amounts differ from before
     * @param involved the provinces that pay or receive anything now
     * @return the provinces whose case must look again: to confirm now (had confirmed, or had nothing), or
     *         nothing to confirm any more while their confirmation was open
     */
    Set<String> pairChanged(String a, String b, boolean changed, Set<String> involved, long settlements, Money fundsTotal,
                            Instant now) {
        Set<String> recheck = new java.util.TreeSet<>();
        for (String code : List.of(a, b)) {
            ProvinceConfirmation p = provinces.get(code);
            boolean isInvolved = involved.contains(code);
            switch (p.getStatus()) {
                case CONFIRMED -> {
                    if (!isInvolved) {
                        p.notInvolved();
                    } else if (changed) {
                        p.toConfirm();
                        recheck.add(code);
                    }
                }
                case NOT_INVOLVED -> {
                    if (isInvolved) {
                        p.toConfirm();
                        recheck.add(code);
                    }
                }
                case PENDING -> {
                    if (!isInvolved) {
                        p.notInvolved();
                        recheck.add(code);
                    }
                }
                case DISPUTED -> {
                    if (openDisputes(code).isEmpty()) {
                        if (isInvolved) {
                            p.toConfirm();
                        } else {
                            p.notInvolved();
                        }
                    }
                }
            }
        }
        this.settlements = settlements;
        this.fundsTotal = fundsTotal.yuan();
        completeIfConfirmed(now);
        return recheck;
    }

    private ProvinceConfirmation provinceToAnswer(String province) {
        if (status != ClearingStatus.CONFIRMING) {
            throw new BusinessRuleException(month() + " 的清算表已确认完毕", "The clearing tables of " + month() + " are confirmed");
        }
        ProvinceConfirmation p = provinces.get(province);
        if (p == null || p.getStatus() == ProvinceStatus.NOT_INVOLVED) {
            throw new BusinessRuleException("本省 " + month() + " 无跨省清算费用，无需确认",
                    "Your province has nothing to clear for " + month() + ": nothing to confirm");
        }
        return p;
    }

    private void completeIfConfirmed(Instant now) {
        boolean open = provinces.values().stream()
                .anyMatch(p -> p.getStatus() == ProvinceStatus.PENDING || p.getStatus() == ProvinceStatus.DISPUTED);
        if (!open) {
            status = ClearingStatus.CONFIRMED;
            confirmedAt = now;
        }
    }

    public java.util.UUID getId() {
        return id;
    }

    /** 清算所属月份 */
    public YearMonth month() {
        return YearMonth.from(month);
    }

    public ClearingStatus getStatus() {
        return status;
    }

    /** the national officer's account ({@code provincial:nc-clearing}) */
    public String getGeneratedBy() {
        return generatedBy;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    /** how long the generation took (the month's settlements summed, the tables written) */
    public long getGenerationMs() {
        return generationMs;
    }

    /** reconciled settlements in the tables */
    public long getSettlements() {
        return settlements;
    }

    /** their fund payment: 附件7's grand total */
    public Money getFundsTotal() {
        return new Money(fundsTotal);
    }

    /** settled settlements of the month that were not reconciled when the tables were generated: left out */
    public long getUnreconciledSettlements() {
        return unreconciledSettlements;
    }

    public Money getUnreconciledFunds() {
        return new Money(unreconciledFunds);
    }

    /** when the last province confirmed */
    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    /** the month's case (process instance of monthly-clearing), null for a month generated before the process */
    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** the provinces' deadline: the 25th of the next month (第三十四条) */
    public Instant getConfirmDue() {
        return confirmDue;
    }

    /** when the notices were published, or null */
    public Instant getNoticesPublishedAt() {
        return noticesPublishedAt;
    }

    /** every province of the month by code, in code order */
    public SortedMap<String, ProvinceConfirmation> getProvinces() {
        return Collections.unmodifiableSortedMap(provinces);
    }

    public Optional<ProvinceConfirmation> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    /** oldest first */
    public List<Dispute> getDisputes() {
        return Collections.unmodifiableList(disputes);
    }
}
