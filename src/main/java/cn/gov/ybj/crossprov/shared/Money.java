package cn.gov.ybj.crossprov.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in yuan (元) with two decimals, rounded half up as the settlement rules
 * round; a plain number in JSON. The clearing tables print 万元 with four decimals ({@link #toWanYuan()}).
 */
public record Money(@JsonValue BigDecimal yuan) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        yuan = yuan.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money yuan(String amount) {
        try {
            return new Money(new BigDecimal(amount.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new BusinessRuleException("金额格式不正确：" + amount, "Not an amount of money: " + amount);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money yuan(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money yuan(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    /** From 万元 as the clearing tables give it (four decimals), rounded to the fen. */
    public static Money wanYuan(BigDecimal wan) {
        return new Money(wan.multiply(TEN_THOUSAND));
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    /** This amount times a rate (e.g. a reimbursement ratio), rounded half up to the fen. */
    public Money times(BigDecimal factor) {
        return new Money(yuan.multiply(factor));
    }

    public Money negate() {
        return new Money(yuan.negate());
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    /** In 万元 with four decimals, half up: 12,345.67 元 is 1.2346 万元. */
    public BigDecimal toWanYuan() {
        return yuan.divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Money o) {
        return yuan.compareTo(o.yuan);
    }

    /** Plain yuan with two decimals, e.g. {@code 1234.50}. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }

    /** As printed documents and tables show it: thousands separated, two decimals, e.g. {@code 25,500.00}. */
    public String grouped() {
        return String.format(java.util.Locale.ROOT, "%,.2f", yuan);
    }
}
