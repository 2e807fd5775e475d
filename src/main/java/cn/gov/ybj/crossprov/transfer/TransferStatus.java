package cn.gov.ybj.crossprov.transfer;

/** Where a transfer case stands; the last two end it. */
public enum TransferStatus {
    IN_AREA_ACCEPTANCE("待转入地受理", "awaiting acceptance in the in-area"),
    OUT_AREA_REVIEW("转出地审核中", "under review in the out-area"),
    TRANSFERRING_OUT("转出地办理转出中", "being transferred out"),
    TRANSFERRING_IN("转入地办理接续中", "being transferred in"),
    COMPLETED("已办结", "completed"),
    REFUSED("未通过", "refused");

    private final String label;
    private final String labelEn;

    TransferStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean isRunning() {
        return this != COMPLETED && this != REFUSED;
    }
}
