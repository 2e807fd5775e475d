package cn.gov.ybj.crossprov.documents;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts as Chinese financial documents write them (中文大写金额, as 《支付结算办法》 附件 and
 * 会计基础工作规范 describe): {@code 1,234.50 → 壹仟贰佰叁拾肆元伍角整}.
 * <ul>
 *   <li>digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟, 万, 亿; ten is 壹拾 (never a bare 拾);</li>
 *   <li>one 零 for each run of skipped digits inside the amount ({@code 10,010.01 → 壹万零壹拾元零壹分},
 *       {@code 100,000,001 → 壹亿零壹元整}), none for zeros at the end of the yuan
 *       ({@code 100.10 → 壹佰元壹角整}) and none between 元 and 角;</li>
 *   <li>零 between 元 and 分 when there are 分 but no 角 ({@code 1.05 → 壹元零伍分});</li>
 *   <li>no 元 when there are no yuan ({@code 0.05 → 伍分}); zero is 零元整;</li>
 *   <li>整 after 元 or 角 when there are no 分, never after 分.</li>
 * </ul>
 * Negative amounts and amounts of 10<sup>16</sup> yuan (一万万亿) or more are refused.
 */
public final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(16);

    private ChineseAmount() {
    }

    /** The amount in 大写, e.g. {@code 壹仟贰佰叁拾肆元伍角整}. */
    public static String inWords(Money amount) {
        BigDecimal yuan = amount.yuan();
        if (yuan.signum() < 0) {
            throw new BusinessRuleException("大写金额不能为负数：" + amount,
                    "An amount in words cannot be negative: " + amount);
        }
        if (yuan.compareTo(LIMIT) >= 0) {
            throw new BusinessRuleException("金额过大，无法写成大写：" + amount,
                    "Amount too large to write in words: " + amount);
        }
        long fen = yuan.movePointRight(2).longValueExact();
        long integer = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (integer > 0) {
            out.append(integerWords(integer)).append('元');
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (integer > 0 && cents > 0) {
            out.append('零');
        }
        if (cents > 0) {
            out.append(DIGITS.charAt(cents)).append('分');
        } else if (integer == 0 && jiao == 0) {
            out.append("零元整");
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** With the currency in front, as on cheques and receipts: {@code 人民币壹仟贰佰叁拾肆元伍角整}. */
    public static String inWordsWithPrefix(Money amount) {
        return "人民币" + inWords(amount);
    }

    /** The 小写 figure with the yuan sign and thousands separators: {@code ¥1,234.50}. */
    public static String inFigures(Money amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return (amount.isNegative() ? "-¥" : "¥") + format.format(amount.yuan().abs());
    }

    /** 1 ≤ n < 10^16: 亿 above 万, so 10^12 is 壹万亿. */
    private static String integerWords(long n) {
        if (n >= YI) {
            return withLower(integerWords(n / YI) + '亿', n % YI, YI / 10);
        }
        if (n >= WAN) {
            return withLower(group((int) (n / WAN)) + '万', n % WAN, WAN / 10);
        }
        return group((int) n);
    }

    /** The lower part after 万 or 亿, with one 零 when its leading digit is skipped. */
    private static String withLower(String upper, long lower, long leadingPlace) {
        if (lower == 0) {
            return upper;
        }
        return upper + (lower < leadingPlace ? "零" : "") + integerWords(lower);
    }

    /** 1 ≤ n ≤ 9999: one 零 for each run of zeros between non-zero digits, none at the end. */
    private static String group(int n) {
        StringBuilder out = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int digit = n / (int) Math.pow(10, place) % 10;
            if (digit == 0) {
                zero = started;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS.charAt(digit)).append(PLACES[place]);
                started = true;
            }
        }
        return out.toString();
    }
}
