package cn.gov.ybj.crossprov.insured;

import java.util.Arrays;
import java.util.Optional;

/** 险种: basic medical insurance for employees or for urban and rural residents. */
public enum InsuranceType {
    /** 城镇职工基本医疗保险 */
    EMPLOYEE("城镇职工", "employee insurance"),
    /** 城乡居民基本医疗保险 */
    RESIDENT("城乡居民", "resident insurance");

    private final String label;
    private final String labelEn;

    InsuranceType(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** Chinese label, e.g. 城镇职工 */
    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By code ({@code EMPLOYEE}) or Chinese label ({@code 城镇职工}). */
    public static Optional<InsuranceType> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }
}
