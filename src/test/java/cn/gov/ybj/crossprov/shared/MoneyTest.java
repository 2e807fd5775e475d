package cn.gov.ybj.crossprov.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTwoDecimalsRoundedHalfUp() {
        assertThat(Money.yuan("12.345").yuan()).isEqualByComparingTo("12.35");
        assertThat(Money.yuan("12.344").toString()).isEqualTo("12.34");
        assertThat(Money.yuan("-0.005").toString()).isEqualTo("-0.01");
        assertThat(Money.yuan(7).toString()).isEqualTo("7.00");
        // equal amounts are equal whatever scale they came with
        assertThat(Money.yuan("1.5")).isEqualTo(Money.yuan(new BigDecimal("1.500")));
    }

    @Test
    void convertsToWanYuanWithFourDecimalsAsTheClearingTablesPrintIt() {
        assertThat(Money.yuan("12345.67").toWanYuan()).isEqualTo(new BigDecimal("1.2346"));
        assertThat(Money.yuan("4.99").toWanYuan()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(Money.yuan("4.94").toWanYuan()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(Money.yuan("4.90").toWanYuan()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(Money.yuan("4.49").toWanYuan()).isEqualTo(new BigDecimal("0.0004"));
        assertThat(Money.wanYuan(new BigDecimal("1.2346"))).isEqualTo(Money.yuan("12346.00"));
    }

    @Test
    void arithmeticStaysInFen() {
        Money a = Money.yuan("100.10");
        assertThat(a.plus(Money.yuan("0.05")).minus(Money.yuan("50"))).isEqualTo(Money.yuan("50.15"));
        assertThat(a.times(new BigDecimal("0.333"))).isEqualTo(Money.yuan("33.33"));
        assertThat(a.negate().isNegative()).isTrue();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.yuan("2").compareTo(Money.yuan("10"))).isNegative();
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Money.yuan("12元")).isInstanceOf(BusinessRuleException.class)
                .hasMessageStartingWith("金额格式不正确");
        assertThatThrownBy(() -> Money.yuan((String) null)).isInstanceOf(BusinessRuleException.class);
    }
}
