package cn.gov.ybj.crossprov.clearing;

/**
 * Where a clearing month stands. So far the tables and their confirmation (003 第三十四条); the
 * notices (第三十五条), the finance steps (第三十六、三十七条) and closing come with the clearing process.
 */
public enum ClearingStatus {
    /** 待确认: the tables are generated, the provinces confirm them by the 25th */
    CONFIRMING("待确认", "awaiting confirmation"),
    /** 已确认: every province with amounts this month has confirmed */
    CONFIRMED("已确认", "confirmed");

    private final String label;
    private final String labelEn;

    ClearingStatus(String label, String labelEn) {
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
