package cn.gov.ybj.crossprov.filing;

/** 备案类型 (人员类别); emergencies (异地急诊抢救) are deemed filed and have no type here. */
public enum FilingType {
    RETIRED_RESETTLED("异地安置退休人员", "Retired and resettled elsewhere", true, "居住证、暂住证或户籍迁移证明"),
    LONG_TERM_RESIDENT("异地长期居住人员", "Living elsewhere long-term", true, "居住证、暂住证或房产证"),
    STATIONED_WORKER("常驻异地工作人员", "Stationed elsewhere by employer", true, "单位出具的异地工作证明（包含异地工作地点、原因、时间等）"),
    REFERRAL("异地转诊人员", "Referred elsewhere", false, "三级医院出具的《双向转诊上转单》"),
    OTHER_TEMPORARY("其他跨省临时外出就医人员", "Other temporary treatment elsewhere", false, null);

    private final String label;
    private final String labelEn;
    private final boolean longTerm;
    private final String material;

    FilingType(String label, String labelEn, boolean longTerm, String material) {
        this.label = label;
        this.labelEn = labelEn;
        this.longTerm = longTerm;
        this.material = material;
    }

    /**
     * The API's reading of a type: 「异地急诊抢救人员视同已备案」 (004, 开始备案) — {@code EMERGENCY} is refused with
     * the wizard's message, not as an unknown value.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    static FilingType of(String code) {
        if ("EMERGENCY".equals(code)) {
            throw emergency();
        }
        return valueOf(code);
    }

    /** 异地急诊抢救人员视同已备案: nothing to file. */
    public static cn.gov.ybj.crossprov.shared.BusinessRuleException emergency() {
        return new cn.gov.ybj.crossprov.shared.BusinessRuleException("异地急诊抢救人员视同已备案，无需办理备案手续",
                "Emergency treatment elsewhere counts as filed: no filing is needed");
    }

    public String label() {
        return label;
    }

    /** The same as the UI's {@code filingType.*} key in English, for texts composed outside the UI (the inbox's case type). */
    public String labelEn() {
        return labelEn;
    }

    /** 跨省异地长期居住人员 (as opposed to 跨省临时外出就医人员). */
    public boolean longTerm() {
        return longTerm;
    }

    /** The material this type proves itself with, in the words of 002 二(二) 「备案登记所需资料」, or null when none is asked. */
    public String material() {
        return material;
    }

    /** A referral names the designated institution it goes to (003 第十二、十三条). */
    public boolean needsInstitution() {
        return this == REFERRAL;
    }

    /** Long-term types may give a personal commitment instead of materials where the area allows it. */
    public boolean commitmentAllowed() {
        return longTerm;
    }
}
