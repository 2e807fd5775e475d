package cn.gov.ybj.crossprov.settlement;

import java.util.Arrays;
import java.util.Optional;

/**
 * 入院方式 as the 住院结算单 (003 附件6) prints it. The seeds name the field without listing its
 * values; these are the admission routes of the inpatient record's 入院途径 (门诊, 急诊, 其他医疗机构转入,
 * 其他), with 转院 as the seeds call a transfer between hospitals (转诊转院, 003 第十二条, 002 §三).
 * The API takes the name ({@code EMERGENCY_ROOM}) or the label ({@code 急诊}).
 */
public enum AdmissionWay {
    /** 门诊: admitted from an outpatient visit */
    OUTPATIENT("门诊", "outpatient"),
    /** 急诊: admitted through the emergency room (not the same as 异地急诊抢救 without a filing, {@code emergency}) */
    EMERGENCY_ROOM("急诊", "emergency room"),
    /** 转院: transferred from another hospital */
    TRANSFER("转院", "transfer from another hospital"),
    /** 其他 */
    OTHER("其他", "other");

    private final String label;
    private final String labelEn;

    AdmissionWay(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** Chinese label as printed, e.g. 急诊 */
    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By name ({@code EMERGENCY_ROOM}, any case) or Chinese label ({@code 急诊}). */
    public static Optional<AdmissionWay> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(t) || w.label.equals(t)).findFirst();
    }
}
