package cn.gov.ybj.crossprov.settlement;

/** Whether the 起付标准 applies to every admission or once per (calendar) year. */
public enum DeductibleMode {
    /** 每次住院: every admission pays it again (the policy may set a lower amount for the second and later ones). */
    PER_ADMISSION("每次住院", "per admission"),
    /** 年度内一次: paid once per year; what a cheap first admission left unpaid is due at the next. */
    ONCE_PER_YEAR("年度内一次", "once a year");

    private final String label;
    private final String labelEn;

    DeductibleMode(String label, String labelEn) {
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
