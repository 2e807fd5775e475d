package cn.gov.ybj.crossprov.shared;

import java.text.Normalizer;

/**
 * An uploaded file's name reduced to what is safe to store, show and offer for download: no
 * folders ({@code ../}, {@code \}), no control, bidi or zero-width characters, only letters (Chinese
 * included), digits, {@code . - _}; spaces become {@code _}; at most {@value #MAX_LENGTH} characters;
 * the extension fits the detected type.
 */
public final class SafeFileNames {

    public static final int MAX_LENGTH = 80;

    private SafeFileNames() {
    }

    /**
     * @param extension the extension of the content's real type, e.g. {@code pdf}
     */
    public static String safe(String original, String extension) {
        String s = clean(original);
        String ext = "." + extension;
        String base = s.toLowerCase().endsWith(ext) || (extension.equals("jpg") && s.toLowerCase().endsWith(".jpeg"))
                ? s.substring(0, s.lastIndexOf('.')) : s;
        base = base.replaceAll("[._]+$", "");
        if (base.isEmpty()) {
            base = "材料";
        }
        return cut(base, MAX_LENGTH - ext.length()) + ext;
    }

    /** The name as it may be shown in a message, before its type is known. */
    public static String safe(String original) {
        String s = clean(original);
        return s.isEmpty() ? "材料" : cut(s, MAX_LENGTH);
    }

    private static String clean(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (UnsafeText.isUnsafe(c) || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                b.append(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append('_');
            }
        }
        // no hidden files, no ".." left over, no doubled separators
        return b.toString().replaceAll("\\.{2,}", ".").replaceAll("_{2,}", "_").replaceAll("^[._]+", "");
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String cut = s.substring(0, max);
        return Character.isHighSurrogate(cut.charAt(max - 1)) ? cut.substring(0, max - 1) : cut;
    }
}
