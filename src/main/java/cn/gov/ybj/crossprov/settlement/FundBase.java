package cn.gov.ybj.crossprov.settlement;

/**
 * The amount a fund pays on (its base, 支付基数) in one settlement; the fund's bands are positions on
 * that amount (see {@link FundRule}). Every base is part of the in-scope amount (统筹内费用): no
 * fund ever pays on self-paid amounts (自费费用).
 */
public enum FundBase {
    /**
     * The in-scope amount with the deductible counted inside the bands: the deductible occupies the
     * first part of this settlement's range and is not paid, the rest is paid at the ratio of the
     * band it falls in (so a deductible may straddle two bands). Typical for 统筹基金 whose bands
     * are written on the total in-scope amount ("起付线至 3 万元 85%").
     */
    IN_SCOPE("统筹内费用（起付标准计入分段）", "in-scope amount (deductible counted in the bands)"),
    /**
     * The in-scope amount above this settlement's deductible; band position 0 is the deductible.
     * Typical for 统筹基金 whose bands are written from the deductible ("起付标准以上 1 万元以内 70%").
     */
    ABOVE_DEDUCTIBLE("起付标准以上的统筹内费用", "in-scope amount above the deductible"),
    /**
     * What another, earlier fund ({@link FundRule#baseFund()}) left unpaid because its annual cap was
     * used up: the part of that fund's paying range after the point where its cap ran out.
     * Typical for 大额医疗费用补助 / 职工大病保险 ("统筹基金最高支付限额以上的部分 支付 80%").
     */
    ABOVE_CAP_OF("另一基金最高支付限额以上的费用", "amount above another fund's cap"),
    /**
     * The in-scope amount the person still bears after the funds before this one (deductible
     * included). With {@link BandScope#ANNUAL} and a 0 % first band it is a yearly threshold:
     * 城乡居民大病保险 ("个人年度累计负担的合规费用超过起付线的部分"), 医疗救助, 公务员医疗补助.
     */
    PERSONAL_SHARE("前序基金支付后个人负担的统筹内费用", "in-scope amount the person still bears after the earlier funds");

    private final String label;
    private final String labelEn;

    FundBase(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
