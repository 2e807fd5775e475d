package cn.gov.ybj.crossprov.insured;

import java.util.Arrays;
import java.util.Optional;

/**
 * 险种: the four of 附件1 (登记备案表). {@link #URBAN_RESIDENT} 城镇居民 and {@link #NCMS} 新农合 are the resident
 * schemes from before 2016, merged into {@link #RESIDENT} 城乡居民 (国发〔2016〕3号) in most areas; where they
 * remain, a person is still insured under them, but settlement policies and fund columns exist per merged
 * type only ({@link #policyType()}).
 */
public enum InsuranceType {
    /** 城镇职工基本医疗保险 */
    EMPLOYEE("城镇职工", "employee insurance"),
    /** 城镇居民基本医疗保险, before the merger into 城乡居民 */
    URBAN_RESIDENT("城镇居民", "urban resident insurance"),
    /** 新型农村合作医疗, before the merger into 城乡居民 */
    NCMS("新农合", "new rural cooperative medical scheme"),
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

    /** The label in the screen's language. */
    public String label(boolean english) {
        return english ? labelEn : label;
    }

    /**
     * The type policies, funds and the employee/resident split go by: EMPLOYEE, or RESIDENT for the three
     * resident schemes (their successor's policy applies).
     */
    public InsuranceType policyType() {
        return this == EMPLOYEE ? EMPLOYEE : RESIDENT;
    }

    /** By code ({@code EMPLOYEE}), Chinese label ({@code 城镇职工}) or English label. */
    public static Optional<InsuranceType> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t) || v.labelEn.equalsIgnoreCase(t))
                .findFirst();
    }
}
