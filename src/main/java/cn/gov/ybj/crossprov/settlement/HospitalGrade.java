package cn.gov.ybj.crossprov.settlement;

import java.util.Arrays;
import java.util.Optional;

/**
 * 医院等级 as the policy tables distinguish it: deductibles and ratios differ by grade. The
 * institution list knows finer grades (三级甲等, 二级乙等, 三级内科 …); {@link #ofInstitutionGrade}
 * maps them to these four.
 */
public enum HospitalGrade {
    GRADE_1("一级", "grade 1"),
    GRADE_2("二级", "grade 2"),
    GRADE_3("三级", "grade 3"),
    UNGRADED("未定级", "ungraded");

    private final String label;
    private final String labelEn;

    HospitalGrade(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** Chinese label, e.g. 三级 */
    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** By code ({@code GRADE_3}) or Chinese label ({@code 三级}). */
    public static Optional<HospitalGrade> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(t) || g.label.equals(t)).findFirst();
    }

    /**
     * The grade of a designated institution as the institution list writes it ({@code 三级甲等},
     * {@code 二级}, {@code 一级甲等}, {@code 三级内科}): by its first two characters; anything else
     * (blank, {@code 未定级}, unknown) is {@link #UNGRADED}.
     */
    public static HospitalGrade ofInstitutionGrade(String grade) {
        String g = grade == null ? "" : grade.strip();
        if (g.startsWith("三级")) {
            return GRADE_3;
        }
        if (g.startsWith("二级")) {
            return GRADE_2;
        }
        if (g.startsWith("一级")) {
            return GRADE_1;
        }
        return UNGRADED;
    }
}
