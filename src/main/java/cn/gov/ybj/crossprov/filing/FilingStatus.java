package cn.gov.ybj.crossprov.filing;

/**
 * Where a filing stands; the words shown depend on the review mode (004 §2): a returned quick filing reads 「备案失败」
 * and is found under the filter 「被退回」 (004 §2.1.1).
 */
public enum FilingStatus {
    SUBMITTED("申办中", "申办中"),
    OPENED("备案成功", "已开通"),
    RETURNED("备案失败", "被退回"),
    FAILED("备案失败", "开通失败"),
    CLOSED("已关闭", "已关闭");

    private final String manualLabel;
    private final String autoLabel;

    FilingStatus(String manualLabel, String autoLabel) {
        this.manualLabel = manualLabel;
        this.autoLabel = autoLabel;
    }

    public String label(ReviewMode mode) {
        return mode == ReviewMode.AUTO ? autoLabel : manualLabel;
    }

    /** Counts against the one-active-filing-per-period rule. */
    public boolean active() {
        return this == SUBMITTED || this == OPENED;
    }
}
