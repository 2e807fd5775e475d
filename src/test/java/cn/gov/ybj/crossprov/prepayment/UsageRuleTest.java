package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 第二十条's bands decided exactly at their edges, and 第十六条's quota of two months. */
class UsageRuleTest {

    final UsageRule rule = new UsageRule(new BigDecimal("70"), new BigDecimal("90"));

    @Test
    void theBandsChangeExactlyAt70And90Percent() {
        Money prepayment = Money.yuan("1000000.00");
        assertThat(rule.warning(Money.yuan("699900.00"), prepayment)).isEqualTo(Warning.NONE);       // 69.99 %
        assertThat(rule.warning(Money.yuan("699999.99"), prepayment)).isEqualTo(Warning.NONE);       // 69.999999 %
        assertThat(rule.warning(Money.yuan("700000.00"), prepayment)).isEqualTo(Warning.YELLOW);     // 70.00 %
        assertThat(rule.warning(Money.yuan("899900.00"), prepayment)).isEqualTo(Warning.YELLOW);     // 89.99 %
        assertThat(rule.warning(Money.yuan("899999.99"), prepayment)).isEqualTo(Warning.YELLOW);
        assertThat(rule.warning(Money.yuan("900000.00"), prepayment)).isEqualTo(Warning.RED);        // 90.00 %
        assertThat(rule.warning(Money.yuan("1500000.00"), prepayment)).isEqualTo(Warning.RED);
        // a prepayment that rounds: 70 % of 333.33 is 233.331, so 233.33 is below and 233.34 above
        assertThat(rule.warning(Money.yuan("233.33"), Money.yuan("333.33"))).isEqualTo(Warning.NONE);
        assertThat(rule.warning(Money.yuan("233.34"), Money.yuan("333.33"))).isEqualTo(Warning.YELLOW);
        assertThat(UsageRule.usage(Money.yuan("233.33"), Money.yuan("333.33"))).isEqualByComparingTo("0.7000");
    }

    @Test
    void withoutPrepaymentAnythingOwedIsRed() {
        assertThat(rule.warning(Money.yuan("0.01"), Money.ZERO)).isEqualTo(Warning.RED);
        assertThat(rule.warning(Money.ZERO, Money.ZERO)).isEqualTo(Warning.NONE);
        assertThat(UsageRule.usage(Money.yuan("1.00"), Money.ZERO)).isNull();
    }

    @Test
    void theThresholdsAreSettingsWithinReason() {
        UsageRule other = new UsageRule(new BigDecimal("60"), new BigDecimal("85.5"));
        assertThat(other.warning(Money.yuan("60.00"), Money.yuan("100.00"))).isEqualTo(Warning.YELLOW);
        assertThat(other.warning(Money.yuan("85.49"), Money.yuan("100.00"))).isEqualTo(Warning.YELLOW);
        assertThat(other.warning(Money.yuan("85.50"), Money.yuan("100.00"))).isEqualTo(Warning.RED);
        assertThatThrownBy(() -> new UsageRule(new BigDecimal("90"), new BigDecimal("70"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new UsageRule(new BigDecimal("70"), new BigDecimal("120"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theQuotaIsTwoMonthsOfTheBasisHalfUpToTheFen() {
        assertThat(PrepaymentPair.quotaOf(Money.yuan("1200000.00"))).isEqualTo(Money.yuan("200000.00"));
        assertThat(PrepaymentPair.quotaOf(Money.yuan("100.00"))).isEqualTo(Money.yuan("16.67"));   // 16.666…
        assertThat(PrepaymentPair.quotaOf(Money.yuan("0.03"))).isEqualTo(Money.yuan("0.01"));     // 0.005 → 0.01
        assertThat(PrepaymentPair.quotaOf(Money.yuan("0.02"))).isEqualTo(Money.yuan("0.00"));     // 0.00333…
    }
}
