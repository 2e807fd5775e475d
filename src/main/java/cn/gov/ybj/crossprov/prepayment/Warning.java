package cn.gov.ybj.crossprov.prepayment;

/** 第二十条: the band of a pair's usage — 黄色预警 at 70 %, 红色预警 at 90 % and above (thresholds: {@link UsageRule}). */
public enum Warning {
    NONE("正常", "normal"),
    YELLOW("黄色预警", "yellow warning"),
    RED("红色预警", "red warning");

    private final String label;
    private final String labelEn;

    Warning(String label, String labelEn) {
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
