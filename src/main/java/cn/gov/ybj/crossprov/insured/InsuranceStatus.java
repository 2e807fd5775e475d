package cn.gov.ybj.crossprov.insured;

import java.util.Arrays;
import java.util.Optional;

/** 参保状态: only {@link #NORMAL} persons may file (002, 003 第七条). */
public enum InsuranceStatus {
    NORMAL("正常参保", "insured normally"),
    SUSPENDED("暂停参保", "suspended"),
    TERMINATED("终止参保", "terminated");

    private final String label;
    private final String labelEn;

    InsuranceStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By code ({@code NORMAL}) or Chinese label ({@code 正常参保}). */
    public static Optional<InsuranceStatus> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }
}
