package cn.gov.ybj.crossprov.shared.web;

/** Text with a character no field accepts, or too long; answered with 400 naming where it was. */
class UnsafeInputException extends RuntimeException {

    private final String whereZh;
    private final String whereEn;
    private final String detail;

    /** @param detail the refused character as {@code U+XXXX}, or "too long" */
    UnsafeInputException(String whereZh, String whereEn, String detail) {
        super("unsafe input in " + whereEn + ": " + detail);
        this.whereZh = whereZh;
        this.whereEn = whereEn;
        this.detail = detail;
    }

    /** A field, parameter, path variable or header: the same name in both languages. */
    static UnsafeInputException field(String name, String detail) {
        String n = name == null || name.isEmpty() ? "(body)" : name;
        return new UnsafeInputException("字段 " + n, "Field " + n, detail);
    }

    String whereZh() {
        return whereZh;
    }

    String whereEn() {
        return whereEn;
    }

    String detail() {
        return detail;
    }
}
