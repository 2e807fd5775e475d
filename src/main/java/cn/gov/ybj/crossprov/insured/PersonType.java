package cn.gov.ybj.crossprov.insured;

import java.util.Arrays;
import java.util.Optional;

/** 人员类别 in the registry (not the filing type). */
public enum PersonType {
    IN_SERVICE("在职", "in service"),
    RETIRED("退休", "retired"),
    FLEXIBLE_EMPLOYMENT("灵活就业", "flexible employment"),
    RESIDENT("城乡居民", "resident"),
    STUDENT_CHILD("学生儿童", "student or child");

    private final String label;
    private final String labelEn;

    PersonType(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By code ({@code RETIRED}) or Chinese label ({@code 退休}). */
    public static Optional<PersonType> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }
}
