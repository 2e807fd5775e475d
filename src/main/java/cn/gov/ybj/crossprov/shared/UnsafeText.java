package cn.gov.ybj.crossprov.shared;

/**
 * Characters no text field of the application needs: C0/C1 control characters (NUL, BEL, ESC, …),
 * bidi overrides, embeddings, isolates and marks (they make 「正常.pdf」 display as something else)
 * and zero-width characters (invisible duplicates of names). Only a line feed is allowed, and only
 * in multi-line text.
 */
public final class UnsafeText {

    /** Longest text value the API takes; the longest real field (reasons, addresses) is far shorter. */
    public static final int MAX_LENGTH = 10_000;

    private UnsafeText() {
    }

    /** Index of the first refused character, or -1. */
    public static int firstUnsafe(String s, boolean multiLine) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c) && !(multiLine && c == '\n')) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)            // C0, DEL, C1
                || (c >= 0x202A && c <= 0x202E)                // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069)                // bidi isolates
                || c == 0x200E || c == 0x200F || c == 0x061C   // bidi marks
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; // zero-width
    }

    /** "U+202E" for messages: the character itself would be invisible or reorder the message. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** Reasons and other free text may span lines; by convention their names end in "Reason". */
    public static boolean isMultiLineField(String field) {
        return field != null && field.endsWith("Reason");
    }
}
