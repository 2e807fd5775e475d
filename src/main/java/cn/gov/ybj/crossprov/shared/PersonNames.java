package cn.gov.ybj.crossprov.shared;

/** Names in lists, like ID numbers, show only what identifies a row to its owner. */
public final class PersonNames {

    private PersonNames() {
    }

    /** 张伟 → 张*, 欧阳娜娜 → 欧***, as the national app lists persons. */
    public static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
