package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.insured.InsuranceType;

import java.util.Arrays;
import java.util.Optional;

/**
 * The province tables of 003 第三十四条, one per 附件. Each lists the other provinces (the 地区 rows of
 * the seed: whom the province pays, or from whom it receives), or on request the province's own
 * pooling areas (精确查询本省内各统筹区).
 */
public enum TableKind {
    /** 附件7-1 应付医疗费用清算表: what the province's insured areas pay, by 险种 */
    PAYABLE("7-1", "应付医疗费用清算表", "payable medical costs", true, null),
    /** 附件7-2 职工医保基金支付明细表 */
    EMPLOYEE_FUNDS("7-2", "职工医保基金支付明细表", "employee insurance fund payments", true, InsuranceType.EMPLOYEE),
    /** 附件7-3 居民医保基金支付明细表 */
    RESIDENT_FUNDS("7-3", "居民医保基金支付明细表", "resident insurance fund payments", true, InsuranceType.RESIDENT),
    /** 附件7-4 职工医保基金审核扣款明细表: zero until the audit of 第四十一条 records deductions */
    EMPLOYEE_DEDUCTIONS("7-4", "职工医保基金审核扣款明细表", "employee insurance audit deductions", true, InsuranceType.EMPLOYEE),
    /** 附件7-5 居民医保基金审核扣款明细表: zero likewise */
    RESIDENT_DEDUCTIONS("7-5", "居民医保基金审核扣款明细表", "resident insurance audit deductions", true, InsuranceType.RESIDENT),
    /** 附件7-6 应收医疗费用清算表: what the province's hospitals receive, by 险种 */
    RECEIVABLE("7-6", "应收医疗费用清算表", "receivable medical costs", false, null);

    private final String annex;
    private final String label;
    private final String labelEn;
    private final boolean payingSide;
    private final InsuranceType fundsOf;

    TableKind(String annex, String label, String labelEn, boolean payingSide, InsuranceType fundsOf) {
        this.annex = annex;
        this.label = label;
        this.labelEn = labelEn;
        this.payingSide = payingSide;
        this.fundsOf = fundsOf;
    }

    /** 7-1 … 7-6 */
    public String annex() {
        return annex;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The seed's title, e.g. 北京市跨省异地就医应付医疗费用清算表. */
    public String title(String provinceName) {
        return provinceName + "跨省异地就医" + label;
    }

    /** Whether the province is the paying one (7-1 … 7-5: rows are whom it pays) or the receiving one (7-6). */
    public boolean payingSide() {
        return payingSide;
    }

    /** The 险种 of a fund or deduction table; empty for 7-1 and 7-6, whose columns are the 险种. */
    public Optional<InsuranceType> fundsOf() {
        return Optional.ofNullable(fundsOf);
    }

    public boolean deductions() {
        return this == EMPLOYEE_DEDUCTIONS || this == RESIDENT_DEDUCTIONS;
    }

    /** By name ({@code PAYABLE}) or annex ({@code 7-1}). */
    public static Optional<TableKind> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.annex.equals(t)).findFirst();
    }
}
