package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a policy obeys, each refusal with a Chinese and an English message. The records call
 * these in their constructors (so an invalid policy cannot exist) and throw
 * {@link InvalidPolicyException} with every problem found at that level; an editing screen can
 * call them on raw values to show all problems at once.
 * <ul>
 *   <li>a band: lower bound ≥ 0, upper bound above it (or none), ratio 0–100 % with at most 4 decimals;</li>
 *   <li>a band table: at least one band, the first from 0, each next one from where the previous one
 *       ends (no gap, no overlap), only the last one open-ended, and it is;</li>
 *   <li>a deductible: a mode, an amount ≥ 0 for every grade; later-admission amounts only per admission;</li>
 *   <li>a fund: code, name, base (the fund named for {@code ABOVE_CAP_OF}, only then), scope, annual
 *       cap ≥ 0, a valid band table for every grade;</li>
 *   <li>a policy: key, effective date, deductible, at least one fund, codes and names unique, a fund
 *       paying above another's cap comes after it.</li>
 * </ul>
 */
public final class PolicyValidation {

    /** Fund codes: a capital letter, then capital letters, digits or underscores; 32 at most. */
    public static final Pattern FUND_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    public static final int MAX_FUND_NAME_LENGTH = 40;
    public static final int MAX_PERCENT_DECIMALS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PolicyValidation() {
    }

    /** Throws {@link InvalidPolicyException} with all of {@code problems} unless it is empty. */
    public static void requireValid(List<PolicyProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
    }

    public static List<PolicyProblem> band(Money from, Money to, BigDecimal percent) {
        List<PolicyProblem> p = new ArrayList<>();
        if (from == null) {
            p.add(new PolicyProblem("分段缺少下限", "A band has no lower bound"));
        } else if (from.isNegative()) {
            p.add(new PolicyProblem("分段下限不能为负数：" + from, "A band cannot start below 0: " + from));
        } else if (to != null && to.compareTo(from) <= 0) {
            p.add(new PolicyProblem("分段上限应大于下限：[" + from + ", " + to + ")",
                    "A band must end above its start: [" + from + ", " + to + ")"));
        }
        if (percent == null) {
            p.add(new PolicyProblem("分段缺少支付比例", "A band has no ratio"));
        } else {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                p.add(new PolicyProblem("支付比例应在 0% 到 100% 之间：" + percent.toPlainString() + "%",
                        "A ratio lies between 0 % and 100 %: " + percent.toPlainString() + " %"));
            }
            if (percent.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
                p.add(new PolicyProblem("支付比例最多保留 " + MAX_PERCENT_DECIMALS + " 位小数：" + percent.toPlainString() + "%",
                        "A ratio has at most " + MAX_PERCENT_DECIMALS + " decimals: " + percent.toPlainString() + " %"));
            }
        }
        return p;
    }

    /** A band table of one fund and grade: from 0, contiguous, the last (only the last) open-ended. */
    public static List<PolicyProblem> bands(List<RatioBand> bands) {
        List<PolicyProblem> p = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            p.add(new PolicyProblem("至少需要一个分段", "At least one band is needed"));
            return p;
        }
        if (bands.stream().anyMatch(Objects::isNull)) {
            p.add(new PolicyProblem("分段不能为空", "A band is missing"));
            return p;
        }
        if (!bands.get(0).from().isZero()) {
            p.add(new PolicyProblem("第 1 段应从 0 开始，而不是 " + bands.get(0).from(),
                    "Band 1 must start at 0, not " + bands.get(0).from()));
        }
        for (int i = 1; i < bands.size(); i++) {
            RatioBand prev = bands.get(i - 1);
            RatioBand cur = bands.get(i);
            if (prev.isOpen()) {
                p.add(new PolicyProblem("只有最后一段可以不设上限（第 " + i + " 段）",
                        "Only the last band may be open-ended (band " + i + ")"));
                continue;
            }
            int c = cur.from().compareTo(prev.to());
            if (c > 0) {
                p.add(new PolicyProblem("第 " + i + " 段与第 " + (i + 1) + " 段之间有空缺：" + prev.to() + "–" + cur.from(),
                        "Gap between band " + i + " and band " + (i + 1) + ": " + prev.to() + "–" + cur.from()));
            } else if (c < 0) {
                p.add(new PolicyProblem("第 " + i + " 段与第 " + (i + 1) + " 段重叠：" + cur.from() + "–" + prev.to(),
                        "Band " + i + " and band " + (i + 1) + " overlap: " + cur.from() + "–" + prev.to()));
            }
        }
        RatioBand last = bands.get(bands.size() - 1);
        if (!last.isOpen()) {
            p.add(new PolicyProblem("最后一段应不设上限（第 " + bands.size() + " 段止于 " + last.to() + "）",
                    "The last band must be open-ended (band " + bands.size() + " ends at " + last.to() + ")"));
        }
        return p;
    }

    public static List<PolicyProblem> deductible(DeductibleMode mode, Map<HospitalGrade, Money> amounts,
                                                 Map<HospitalGrade, Money> subsequentAmounts) {
        List<PolicyProblem> p = new ArrayList<>();
        if (mode == null) {
            p.add(new PolicyProblem("缺少起付标准的计算方式（每次住院或年度内一次）",
                    "The deductible mode (per admission or once a year) is missing"));
        }
        p.addAll(gradeAmounts(amounts, "起付标准", "The deductible"));
        if (subsequentAmounts != null && !subsequentAmounts.isEmpty()) {
            if (mode == DeductibleMode.ONCE_PER_YEAR) {
                p.add(new PolicyProblem("年度内一次的起付标准不区分再次住院",
                        "A once-a-year deductible has no amount for later admissions"));
            } else {
                p.addAll(gradeAmounts(subsequentAmounts, "再次住院的起付标准", "The later-admission deductible"));
            }
        }
        return p;
    }

    private static List<PolicyProblem> gradeAmounts(Map<HospitalGrade, Money> amounts, String whatZh, String whatEn) {
        List<PolicyProblem> p = new ArrayList<>();
        for (HospitalGrade g : HospitalGrade.values()) {
            Money m = amounts == null ? null : amounts.get(g);
            if (m == null) {
                p.add(new PolicyProblem(whatZh + "缺少" + g.label() + "医院的金额",
                        whatEn + " has no amount for " + g.labelEn() + " hospitals"));
            } else if (m.isNegative()) {
                p.add(new PolicyProblem(whatZh + "不能为负数（" + g.label() + "：" + m + "）",
                        whatEn + " cannot be negative (" + g.labelEn() + ": " + m + ")"));
            }
        }
        return p;
    }

    public static List<PolicyProblem> fund(String code, String name, FundBase base, String baseFund, BandScope scope,
                                           Map<HospitalGrade, List<RatioBand>> bands, Money annualCap) {
        List<PolicyProblem> p = new ArrayList<>();
        if (code == null || code.isBlank()) {
            p.add(new PolicyProblem("缺少基金代码", "The fund code is missing"));
        } else if (!FUND_CODE.matcher(code).matches()) {
            p.add(new PolicyProblem("基金代码应以大写字母开头，由大写字母、数字和下划线组成，至多 32 位：" + code,
                    "A fund code starts with a capital letter and has capital letters, digits and underscores, 32 at most: " + code));
        }
        if (name == null || name.isBlank()) {
            p.add(new PolicyProblem("缺少基金名称", "The fund name is missing"));
        } else if (name.strip().length() > MAX_FUND_NAME_LENGTH) {
            p.add(new PolicyProblem("基金名称至多 " + MAX_FUND_NAME_LENGTH + " 个字",
                    "A fund name has at most " + MAX_FUND_NAME_LENGTH + " characters"));
        }
        if (base == null) {
            p.add(new PolicyProblem("缺少支付基数", "The amount the fund pays on (base) is missing"));
        } else if (base == FundBase.ABOVE_CAP_OF) {
            if (baseFund == null || baseFund.isBlank()) {
                p.add(new PolicyProblem("按限额以上费用支付的基金须指明是哪个基金的限额",
                        "A fund paying above a cap must name whose cap"));
            } else if (baseFund.equals(code)) {
                p.add(new PolicyProblem("基金不能按自身限额以上的费用支付", "A fund cannot pay above its own cap"));
            }
        } else if (baseFund != null) {
            p.add(new PolicyProblem("只有按限额以上费用支付的基金才指明另一基金",
                    "Only a fund paying above another fund's cap names another fund"));
        }
        if (scope == null) {
            p.add(new PolicyProblem("缺少分段累计方式（按次或年度累计）",
                    "The band scope (per settlement or cumulative over the year) is missing"));
        }
        if (annualCap == null) {
            p.add(new PolicyProblem("缺少年度最高支付限额", "The annual cap is missing"));
        } else if (annualCap.isNegative()) {
            p.add(new PolicyProblem("年度最高支付限额不能为负数：" + annualCap, "The annual cap cannot be negative: " + annualCap));
        }
        for (HospitalGrade g : HospitalGrade.values()) {
            List<RatioBand> list = bands == null ? null : bands.get(g);
            if (list == null) {
                p.add(new PolicyProblem("缺少" + g.label() + "医院的分段", "No bands for " + g.labelEn() + " hospitals"));
            } else {
                bands(list).forEach(problem -> p.add(problem.in(g.label() + "医院：", g.labelEn() + " hospitals: ")));
            }
        }
        String label = code == null || code.isBlank() ? "" : " " + code;
        return p.stream().map(problem -> problem.in("基金" + label + "：", "Fund" + label + ": ")).toList();
    }

    public static List<PolicyProblem> policy(PolicyKey key, LocalDate effectiveFrom, DeductibleRule deductible,
                                             List<FundRule> funds) {
        List<PolicyProblem> p = new ArrayList<>();
        if (key == null) {
            p.add(new PolicyProblem("缺少参保地、险种和人员类别", "The insured area, insurance type and person type are missing"));
        }
        if (effectiveFrom == null) {
            p.add(new PolicyProblem("缺少生效日期", "The effective date is missing"));
        }
        if (deductible == null) {
            p.add(new PolicyProblem("缺少起付标准", "The deductible is missing"));
        }
        if (funds == null || funds.isEmpty()) {
            p.add(new PolicyProblem("至少需要一个基金", "At least one fund is needed"));
            return p;
        }
        if (funds.stream().anyMatch(Objects::isNull)) {
            p.add(new PolicyProblem("基金不能为空", "A fund is missing"));
            return p;
        }
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (FundRule f : funds) {
            if (f.base() == FundBase.ABOVE_CAP_OF && !codes.contains(f.baseFund())) {
                p.add(new PolicyProblem("基金 " + f.code() + " 按 " + f.baseFund() + " 限额以上的费用支付，" + f.baseFund() + " 须排在它之前",
                        "Fund " + f.code() + " pays above the cap of " + f.baseFund() + ", so " + f.baseFund() + " must come before it"));
            }
            if (!codes.add(f.code())) {
                p.add(new PolicyProblem("基金代码重复：" + f.code(), "Fund code used twice: " + f.code()));
            }
            if (!names.add(f.name().strip())) {
                p.add(new PolicyProblem("基金名称重复：" + f.name(), "Fund name used twice: " + f.name()));
            }
        }
        return p;
    }
}
