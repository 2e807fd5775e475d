package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;

/**
 * One fund's year so far for one person: what it {@code paid} (counted against its annual cap)
 * and the sum of its {@code base} amounts (where an {@link BandScope#ANNUAL} fund's next settlement
 * starts on its bands). Both ≥ 0.
 */
public record FundUsage(Money paid, Money base) {

    public static final FundUsage NONE = new FundUsage(Money.ZERO, Money.ZERO);

    public FundUsage {
        if (paid == null || base == null || paid.isNegative() || base.isNegative()) {
            throw new BusinessRuleException("基金年度累计金额不能为空或负数：" + paid + "，" + base,
                    "A fund's year-to-date amounts cannot be missing or negative: " + paid + ", " + base);
        }
    }

    public FundUsage plus(Money paid, Money base) {
        return new FundUsage(this.paid.plus(paid), this.base.plus(base));
    }
}
