package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default window: start at most a year back, end at most ten years ahead (China's today). */
class FilingDateWindowTest {

    private final FilingDateWindow window = new FilingDateWindow(Period.ofYears(1), Period.ofYears(10));
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void startsUpToAYearBackAndEndsUpToTenYearsAhead() {
        assertThatCode(() -> window.checkStart(today.minusYears(1))).doesNotThrowAnyException();
        assertThatCode(() -> window.checkEnd(today.plusYears(10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> window.checkStart(today.minusYears(1).minusDays(1)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.messageZh()).startsWith("开始日期不能早于"));
        assertThatThrownBy(() -> window.checkEnd(today.plusYears(10).plusDays(1)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.messageEn()).startsWith("The end date must not be after"));
        assertThatThrownBy(() -> window.checkStart(LocalDate.of(0, 1, 1))).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> window.checkEnd(LocalDate.MAX)).isInstanceOf(BusinessRuleException.class);
    }
}
