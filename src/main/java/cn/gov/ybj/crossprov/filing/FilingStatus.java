package cn.gov.ybj.crossprov.filing;

/**
 * Where a filing stands; the words shown depend on the review mode (004 §2): a returned quick filing reads 「备案失败」
 * and is found under the filter 「被退回」 (004 §2.1.1).
 */
public enum FilingStatus {
    SUBMITTED("申办中", "申办中", "In progress", "In progress"),
    OPENED("备案成功", "已开通", "Filed", "Opened"),
    RETURNED("备案失败", "被退回", "Filing failed", "Returned"),
    FAILED("备案失败", "开通失败", "Filing failed", "Opening failed"),
    CLOSED("已关闭", "已关闭", "Closed", "Closed");

    private final String manualLabel;
    private final String autoLabel;
    private final String manualLabelEn;
    private final String autoLabelEn;

    FilingStatus(String manualLabel, String autoLabel, String manualLabelEn, String autoLabelEn) {
        this.manualLabel = manualLabel;
        this.autoLabel = autoLabel;
        this.manualLabelEn = manualLabelEn;
        this.autoLabelEn = autoLabelEn;
    }

    public String label(ReviewMode mode) {
        return mode == ReviewMode.AUTO ? autoLabel : manualLabel;
    }

    /** {@link #label} in English, with the same split by review mode. */
    public String labelEn(ReviewMode mode) {
        return mode == ReviewMode.AUTO ? autoLabelEn : manualLabelEn;
    }

    /** The label in the screen's language. */
    public String label(ReviewMode mode, boolean english) {
        return english ? labelEn(mode) : label(mode);
    }

    /** Counts against the one-active-filing-per-period rule. */
    public boolean active() {
        return this == SUBMITTED || this == OPENED;
    }
}
