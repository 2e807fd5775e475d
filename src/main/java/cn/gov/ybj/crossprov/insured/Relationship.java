package cn.gov.ybj.crossprov.insured;

import java.util.Arrays;
import java.util.Optional;

/** Relationship of a family member to the account owner. */
public enum Relationship {
    SPOUSE("配偶", "spouse"),
    PARENT("父母", "parent"),
    CHILD("子女", "child"),
    OTHER("其他", "other");

    private final String label;
    private final String labelEn;

    Relationship(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<Relationship> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t) || v.label.equals(t)).findFirst();
    }
}
