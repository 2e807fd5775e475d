package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 第二十条: 预付金使用率 = the month's clearing amount ÷ the pair's prepayment (quota and top-ups arrived).
 * The band is decided exactly — {@code amount × 100 ≥ prepayment × threshold}, no rounded ratio in
 * between — so 69.99 % is not yellow and 70.00 % is. The thresholds are settings
 * ({@code app.prepayment.yellow-percent} 70, {@code red-percent} 90). A pair without prepayment that is
 * owed anything is red (nothing covers it).
 */
@Component
public class UsageRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal yellow;
    private final BigDecimal red;

    public UsageRule(@Value("${app.prepayment.yellow-percent:70}") BigDecimal yellow,
                     @Value("${app.prepayment.red-percent:90}") BigDecimal red) {
        if (yellow.signum() <= 0 || red.compareTo(yellow) <= 0 || red.compareTo(HUNDRED) > 0) {
            throw new IllegalStateException("app.prepayment thresholds must be 0 < yellow < red ≤ 100: " + yellow + ", " + red);
        }
        this.yellow = yellow;
        this.red = red;
    }

    public Warning warning(Money amount, Money prepayment) {
        BigDecimal used = amount.yuan().multiply(HUNDRED);
        if (prepayment.isZero()) {
            return amount.isZero() ? Warning.NONE : Warning.RED;
        }
        if (used.compareTo(prepayment.yuan().multiply(red)) >= 0) {
            return Warning.RED;
        }
        return used.compareTo(prepayment.yuan().multiply(yellow)) >= 0 ? Warning.YELLOW : Warning.NONE;
    }

    /** The ratio for display, four decimals half up (0.7000 = 70.00 %); null without prepayment. */
    public static BigDecimal usage(Money amount, Money prepayment) {
        return prepayment.isZero() ? null : amount.yuan().divide(prepayment.yuan(), 4, RoundingMode.HALF_UP);
    }

    public BigDecimal yellowPercent() {
        return yellow;
    }

    public BigDecimal redPercent() {
        return red;
    }
}
