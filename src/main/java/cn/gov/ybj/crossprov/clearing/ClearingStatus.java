package cn.gov.ybj.crossprov.clearing;

/**
 * Where a clearing month stands: the tables and their confirmation (003 第三十四条), the notices
 * (第三十五条), the money (第三十六、三十七条).
 */
public enum ClearingStatus {
    /** 待确认: the tables are generated, the provinces confirm them by the 25th */
    CONFIRMING("待确认", "awaiting confirmation"),
    /** 已确认: every province with amounts this month has confirmed */
    CONFIRMED("已确认", "confirmed"),
    /** 通知书已发布: 付款通知书 and 收款通知书 of every province are published (by the month's end) */
    NOTICES_PUBLISHED("通知书已发布", "notices published"),
    /** 清算完成: every province has paid, received and settled with its pooling areas */
    SETTLED("清算完成", "settled");

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
