package cn.gov.ybj.crossprov.clearing;

/** A province's answer to the month's tables (003 第三十四条: 于每月 25 日前确认). */
public enum ProvinceStatus {
    /** 本月无跨省费用: it neither pays nor receives anything this month, nothing to confirm */
    NOT_INVOLVED("本月无跨省费用", "nothing to clear this month"),
    /** 待确认 */
    PENDING("待确认", "to confirm"),
    /** 已确认 */
    CONFIRMED("已确认", "confirmed"),
    /** 有异议: it disputes at least one province pair; the national centre resolves it */
    DISPUTED("有异议", "disputed");

    private final String label;
    private final String labelEn;

    ProvinceStatus(String label, String labelEn) {
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
