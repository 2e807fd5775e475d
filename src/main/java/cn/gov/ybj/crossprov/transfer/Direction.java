package cn.gov.ybj.crossprov.transfer;

/** Where the person applied (查询类型 转出 / 转入). */
public enum Direction {
    /** 转出申请, in the area the insurance leaves */
    OUT("转出", "transfer-out"),
    /** 异地转入申请, in the area the insurance moves to; the in-area counter checks it first */
    IN("转入", "transfer-in");

    private final String label;
    private final String labelEn;

    Direction(String label, String labelEn) {
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
