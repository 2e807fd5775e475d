package cn.gov.ybj.crossprov.clearing;

/** How the national centre resolves a province's dispute of a pair (第三十四条: the pair's tables). */
public enum DisputeResolution {
    /** the settlements were corrected (a ledger sent again, a settlement reversed): the pair is generated again */
    REGENERATED("更正后重新生成", "corrected and generated again"),
    /** the pair is held out of this month; its settlements are cleared with the next month generated */
    CARRIED_OVER("本月暂不清算，结转下月", "held out of this month, cleared with the next");

    private final String label;
    private final String labelEn;

    DisputeResolution(String label, String labelEn) {
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
