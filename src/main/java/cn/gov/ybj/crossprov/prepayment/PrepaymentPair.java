package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A pair's prepayment of a year (the aggregate of this module): what the paying (insured) province
 * advances the receiving (medical) province, its top-ups, and its usage month by month.
 */
@Entity
@Table(name = "prepayment_pair")
public class PrepaymentPair {

    /** 第十六条: two months of the basis year's spending — basis × 2 ÷ 12, half up to the fen. */
    static Money quotaOf(Money basis) {
        return new Money(basis.yuan().multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
    }

    @Id
    private UUID id;
    private int year;
    private String payingProvince;
    private String receivingProvince;
    private BigDecimal basis;
    private BigDecimal quota;
    private BigDecimal previousQuota;
    private BigDecimal topUps;
    private LocalDate usageMonth;
    private BigDecimal usageAmount;
    private BigDecimal usage;
    @Enumerated(EnumType.STRING)
    private Warning warning;
    @ElementCollection
    @CollectionTable(name = "prepayment_usage", joinColumns = @JoinColumn(name = "pair_id"))
    @OrderBy("month")
    private List<MonthUsage> months = new ArrayList<>();
    /** null until first saved: Spring Data then persists the new pair */
    @Version
    @Column(nullable = false)
    private Long version;

    protected PrepaymentPair() {
        // for JPA
    }

    PrepaymentPair(int year, String payingProvince, String receivingProvince, Money basis, Money previousQuota) {
        this.id = UUID.randomUUID();
        this.year = year;
        this.payingProvince = payingProvince;
        this.receivingProvince = receivingProvince;
        this.basis = basis.yuan();
        this.quota = quotaOf(basis).yuan();
        this.previousQuota = previousQuota.yuan();
        this.topUps = BigDecimal.ZERO;
        this.warning = Warning.NONE;
    }

    /** 第十七条: a quota the paying province reported and the centre confirmed (no basis, no last year). */
    static PrepaymentPair reported(int year, String payingProvince, String receivingProvince, Money quota) {
        PrepaymentPair p = new PrepaymentPair(year, payingProvince, receivingProvince, Money.ZERO, Money.ZERO);
        p.quota = quota.yuan();
        return p;
    }

    /** 第二十条: the month's clearing amount against the prepayment now; the month's record replaces an earlier one. */
    Warning measured(YearMonth month, Money amount, UsageRule rule, Instant now) {
        Money prepayment = getPrepayment();
        Warning w = rule.warning(amount, prepayment);
        LocalDate first = month.atDay(1);
        months.removeIf(u -> u.month.equals(first));
        months.add(new MonthUsage(first, amount.yuan(), prepayment.yuan(), UsageRule.usage(amount, prepayment), w, now));
        if (usageMonth == null || !first.isBefore(usageMonth)) {
            usageMonth = first;
            usageAmount = amount.yuan();
            usage = UsageRule.usage(amount, prepayment);
            warning = w;
        }
        return w;
    }

    /** 第二十三条: an emergency top-up has arrived; the prepayment grows by it. */
    void toppedUp(Money amount) {
        topUps = topUps.add(amount.yuan());
    }

    public UUID getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public String getPayingProvince() {
        return payingProvince;
    }

    public String getReceivingProvince() {
        return receivingProvince;
    }

    /** the basis year's clearing amounts of the pair */
    public Money getBasis() {
        return new Money(basis);
    }

    /** 本年核定额度 */
    public Money getQuota() {
        return new Money(quota);
    }

    /** 上年额度 (含紧急调增), 附件4-1 */
    public Money getPreviousQuota() {
        return new Money(previousQuota);
    }

    /** 附件4-1's 实际划款额度: this year's quota less last year's (negative: refunded) */
    public Money getAdjustment() {
        return new Money(quota.subtract(previousQuota));
    }

    public Money getTopUps() {
        return new Money(topUps);
    }

    /** the prepayment the usage is measured against: quota and top-ups arrived */
    public Money getPrepayment() {
        return new Money(quota.add(topUps));
    }

    public YearMonth getUsageMonth() {
        return usageMonth == null ? null : YearMonth.from(usageMonth);
    }

    public Money getUsageAmount() {
        return usageAmount == null ? null : new Money(usageAmount);
    }

    /** the last month's ratio, four decimals (0.7000 = 70 %), or null */
    public BigDecimal getUsage() {
        return usage;
    }

    public Warning getWarning() {
        return warning;
    }

    public List<MonthUsage> getMonths() {
        return Collections.unmodifiableList(months);
    }

    /** A month's usage of the pair (a row of {@code app.prepayment_usage}). */
    @Embeddable
    public static class MonthUsage {
        private LocalDate month;
        private BigDecimal amount;
        private BigDecimal prepayment;
        private BigDecimal usage;
        @Enumerated(EnumType.STRING)
        private Warning warning;
        private Instant measuredAt;

        protected MonthUsage() {
            // for JPA
        }

        MonthUsage(LocalDate month, BigDecimal amount, BigDecimal prepayment, BigDecimal usage, Warning warning, Instant measuredAt) {
            this.month = month;
            this.amount = amount;
            this.prepayment = prepayment;
            this.usage = usage;
            this.warning = warning;
            this.measuredAt = measuredAt;
        }

        public YearMonth getMonth() {
            return YearMonth.from(month);
        }

        public Money getAmount() {
            return new Money(amount);
        }

        public Money getPrepayment() {
            return new Money(prepayment);
        }

        public BigDecimal getUsage() {
            return usage;
        }

        public Warning getWarning() {
            return warning;
        }

        public Instant getMeasuredAt() {
            return measuredAt;
        }
    }
}
