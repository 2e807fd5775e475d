package cn.gov.ybj.crossprov.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resident ID number (公民身份号码) checked against GB 11643-1999: 6-digit region code,
 * birth date, 3-digit sequence and an ISO 7064 MOD 11-2 check character.
 * {@link #toString()} is masked so the number cannot leak into logs by accident.
 */
public final class IdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /**
     * The one form every ID number is stored and compared in: whitespace removed (also inside,
     * as people type {@code 350203 19620915 1238}, and the full-width space), full-width digits and
     * {@code ｘ}/{@code Ｘ} as ASCII, {@code x} upper-case. {@code null} stays {@code null}. The database
     * checks the same form ({@code app.canonical_id_number}).
     */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                b.append((char) ('0' + (c - '\uFF10')));
            } else if (c == 'x' || c == '\uFF58' || c == '\uFF38') {
                b.append('X');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** @throws InvalidIdNumberException with a bilingual message when the number is not valid */
    public static IdNumber of(String raw) {
        String v = raw == null ? "" : canonical(raw);
        if (!SHAPE.matcher(v).matches()) {
            throw new InvalidIdNumberException("公民身份号码应为18位，末位为数字或X / The ID number must have 18 characters, the last a digit or X");
        }
        if (v.charAt(0) == '0') {
            throw new InvalidIdNumberException("公民身份号码的地区码无效 / The region code of the ID number is invalid");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(ChinaTime.today())) {
                throw new DateTimeException("out of range");
            }
        } catch (DateTimeException e) {
            throw new InvalidIdNumberException("公民身份号码中的出生日期无效 / The birth date in the ID number is invalid");
        }
        if (checkCharacter(v) != v.charAt(17)) {
            throw new InvalidIdNumberException("公民身份号码校验位错误 / The check digit of the ID number is wrong");
        }
        return new IdNumber(v);
    }

    /** The canonical number, or a {@link BusinessRuleException} (a 422 with both messages) when it is not valid. */
    public static String require(String raw) {
        try {
            return of(raw).value();
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            throw new BusinessRuleException(parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }
    }

    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidIdNumberException e) {
            return false;
        }
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The full number, only for the person's own detail view and for storage. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    /** 性别 as GB 11643 encodes it: the 17th character (the last of the sequence code) is odd for men, even for women. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Age in full years on {@code date} (the birthday counts from that day on); 0 before the birth date. */
    public int ageOn(LocalDate date) {
        LocalDate birth = birthDate();
        return date.isBefore(birth) ? 0 : Period.between(birth, date).getYears();
    }

    /** 性别 derived from an ID number; {@link #label()} is what documents print. */
    public enum Sex {
        MALE("男"), FEMALE("女");

        private final String label;

        Sex(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** e.g. {@code 350*****0865}: the first three and the last four characters. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that looks like an ID number; used for display and log output. */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 8) {
            return "****";
        }
        return raw.substring(0, 3) + "*****" + raw.substring(raw.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
