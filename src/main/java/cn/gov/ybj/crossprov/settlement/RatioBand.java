package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.math.BigDecimal;

/**
 * One band of a fund's 分段支付比例: the fund pays {@code percent} % of the part of its base that
 * lies in {@code [from, to)}; {@code to == null} is open-ended (the last band). Positions are on
 * the fund's base as {@link FundRule} describes it, in yuan. The percent is kept as given, trailing
 * zeros dropped ({@code 70.00} is {@code 70}), at most four decimals.
 */
public record RatioBand(Money from, Money to, BigDecimal percent) {

    public RatioBand {
        PolicyValidation.requireValid(PolicyValidation.band(from, to, percent));
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
    }

    /** {@code [from, to)} at {@code percent} %, e.g. {@code of("0", "10000", "70")}. */
    public static RatioBand of(String from, String to, String percent) {
        return new RatioBand(Money.yuan(from), Money.yuan(to), new BigDecimal(percent));
    }

    /** The open-ended last band {@code [from, ∞)} at {@code percent} %. */
    public static RatioBand openFrom(String from, String percent) {
        return new RatioBand(Money.yuan(from), null, new BigDecimal(percent));
    }

    public boolean isOpen() {
        return to == null;
    }

    /** The percent as a factor: 70 % is {@code 0.70}; exact. */
    public BigDecimal ratio() {
        return percent.movePointLeft(2);
    }

    /** e.g. {@code [0.00, 10000.00) 70%} or {@code [10000.00, ∞) 75%} */
    @Override
    public String toString() {
        return "[" + from + ", " + (to == null ? "∞" : to) + ") " + percent.toPlainString() + "%";
    }
}
