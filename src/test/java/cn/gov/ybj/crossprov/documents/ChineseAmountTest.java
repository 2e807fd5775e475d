package cn.gov.ybj.crossprov.documents;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1234.50           | 壹仟贰佰叁拾肆元伍角整
            0.05              | 伍分
            1000000.00        | 壹佰万元整
            10010.01          | 壹万零壹拾元零壹分
            100.10            | 壹佰元壹角整
            0                 | 零元整
            0.00              | 零元整
            0.10              | 壹角整
            0.15              | 壹角伍分
            0.01              | 壹分
            1                 | 壹元整
            1.05              | 壹元零伍分
            1.50              | 壹元伍角整
            1.55              | 壹元伍角伍分
            10                | 壹拾元整
            15                | 壹拾伍元整
            20                | 贰拾元整
            101               | 壹佰零壹元整
            110               | 壹佰壹拾元整
            1001              | 壹仟零壹元整
            1010              | 壹仟零壹拾元整
            1100              | 壹仟壹佰元整
            10000             | 壹万元整
            10001             | 壹万零壹元整
            10100             | 壹万零壹佰元整
            11000             | 壹万壹仟元整
            100100            | 壹拾万零壹佰元整
            101000            | 壹拾万壹仟元整
            107000.53         | 壹拾万柒仟元伍角叁分
            1409.50           | 壹仟肆佰零玖元伍角整
            6007.14           | 陆仟零柒元壹角肆分
            1680.32           | 壹仟陆佰捌拾元叁角贰分
            325000.09         | 叁拾贰万伍仟元零玖分
            99999999.99       | 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分
            100000000         | 壹亿元整
            100000001         | 壹亿零壹元整
            100010000         | 壹亿零壹万元整
            101000000         | 壹亿零壹佰万元整
            110000000         | 壹亿壹仟万元整
            120000000.50      | 壹亿贰仟万元伍角整
            2000000000        | 贰拾亿元整
            1234567890.12     | 壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分
            1000000000000     | 壹万亿元整
            1000100000000     | 壹万零壹亿元整
            12345678901234    | 壹拾贰万叁仟肆佰伍拾陆亿柒仟捌佰玖拾万壹仟贰佰叁拾肆元整
            9999999999999999.99 | 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分
            """)
    void writesTheAmountInWords(String figures, String words) {
        assertThat(ChineseAmount.inWords(Money.yuan(figures))).isEqualTo(words);
    }

    @Test
    void roundsToTheFenFirstAsMoneyDoes() {
        assertThat(ChineseAmount.inWords(Money.yuan("0.005"))).isEqualTo("壹分");
        assertThat(ChineseAmount.inWords(Money.yuan("2.999"))).isEqualTo("叁元整");
    }

    @Test
    void prefixAndFigures() {
        assertThat(ChineseAmount.inWordsWithPrefix(Money.yuan("1234.50"))).isEqualTo("人民币壹仟贰佰叁拾肆元伍角整");
        assertThat(ChineseAmount.inFigures(Money.yuan("1234.5"))).isEqualTo("¥1,234.50");
        assertThat(ChineseAmount.inFigures(Money.yuan("1000000"))).isEqualTo("¥1,000,000.00");
        assertThat(ChineseAmount.inFigures(Money.ZERO)).isEqualTo("¥0.00");
        assertThat(ChineseAmount.inFigures(Money.yuan("-12.3"))).isEqualTo("-¥12.30");
    }

    @Test
    void refusesNegativeAndTooLargeAmounts() {
        assertThatThrownBy(() -> ChineseAmount.inWords(Money.yuan("-0.01")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("负数").hasMessageContaining("negative");
        assertThatThrownBy(() -> ChineseAmount.inWords(Money.yuan("-1234.50"))).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> ChineseAmount.inWords(Money.yuan("10000000000000000")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("too large");
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(ChineseAmount.inWords(Money.yuan("-0.00"))).isEqualTo("零元整");
    }
}
