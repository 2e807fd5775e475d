package cn.gov.ybj.crossprov.settlement;

/** Where a settlement's base sits on the fund's bands. */
public enum BandScope {
    /** 按次: every settlement starts at position 0 of the bands. */
    PER_SETTLEMENT("按次计算", "per settlement"),
    /**
     * 年度累计: a settlement continues where the year's earlier settlements ended
     * ({@link FundUsage#base()}); resets with the calendar year of the discharge date.
     */
    ANNUAL("年度累计", "cumulative over the year");

    private final String label;
    private final String labelEn;

    BandScope(String label, String labelEn) {
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
