package cn.gov.ybj.crossprov.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One year of the calendar as CSV: header {@code 日期,类型,名称}, then one row per exception,
 * e.g. {@code 2025-01-26,WORKDAY,春节调休上班}. Lines starting with {@code #} are comments;
 * {@code # source: …} names the notice and {@code # provisional: true} marks a provisional year.
 */
public final class CalendarCsv {

    public static final String HEADER = "日期,类型,名称";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final String[] WEEKDAYS_ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    public enum Kind { HOLIDAY, WORKDAY }

    public record Day(LocalDate day, Kind kind, String name) {
    }

    /** @param line 1-based line of the file (0: the file as a whole); message Chinese first, then English */
    public record RowError(int line, String message) {
    }

    /** @param provisional from a {@code # provisional:} comment, {@code null} when the file has none */
    public record Parsed(int year, List<Day> days, String source, Boolean provisional, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private CalendarCsv() {
    }

    public static Parsed parse(int year, byte[] csv) {
        List<RowError> errors = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        String source = null;
        Boolean provisional = null;
        if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(new RowError(0, "年份应在" + MIN_YEAR + "至" + MAX_YEAR + "之间：" + year
                    + " / The year must be between " + MIN_YEAR + " and " + MAX_YEAR));
            return new Parsed(year, List.of(), null, null, errors);
        }
        String[] lines = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n", -1);
        boolean header = false;
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).trim();
                int colon = comment.indexOf(':');
                if (colon > 0) {
                    String key = comment.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = comment.substring(colon + 1).trim();
                    if (key.equals("source") || key.equals("来源")) {
                        source = value;
                    } else if (key.equals("provisional") || key.equals("暂定")) {
                        provisional = Boolean.parseBoolean(value);
                    }
                }
                continue;
            }
            if (!header) {
                if (!HEADER.equals(line)) {
                    errors.add(new RowError(lineNo, "表头应为「" + HEADER + "」 / The header must be: " + HEADER));
                    return new Parsed(year, List.of(), source, provisional, errors);
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                errors.add(new RowError(lineNo, "应有3列，实有" + f.length + "列 / Expected 3 columns, found " + f.length));
                continue;
            }
            String dateText = f[0].trim();
            String kindText = f[1].trim();
            String name = f[2].trim();
            LocalDate day;
            try {
                day = LocalDate.parse(dateText, DATE);
            } catch (DateTimeParseException e) {
                errors.add(new RowError(lineNo, "日期无效，应为YYYY-MM-DD：" + dateText + " / Invalid date, expected YYYY-MM-DD"));
                continue;
            }
            Kind kind;
            try {
                kind = Kind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(lineNo, "类型应为HOLIDAY（放假）或WORKDAY（调休上班）：" + kindText
                        + " / The kind must be HOLIDAY or WORKDAY"));
                continue;
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (day.getYear() != year) {
                errors.add(new RowError(lineNo, "日期不在" + year + "年：" + dateText + " / The date is not in " + year));
            } else if (!seen.add(day)) {
                errors.add(new RowError(lineNo, "日期在文件中重复：" + dateText + " / Duplicate date in the file"));
            } else if (kind == Kind.WORKDAY && !weekend) {
                errors.add(new RowError(lineNo, "调休上班日应为周六或周日，" + dateText + "是"
                        + WEEKDAYS_ZH[day.getDayOfWeek().getValue() - 1] + " / A make-up workday must be a Saturday or Sunday, "
                        + dateText + " is a " + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)));
            } else if (name.isEmpty()) {
                errors.add(new RowError(lineNo, "名称不能为空 / The name is required"));
            } else if (name.length() > 50) {
                errors.add(new RowError(lineNo, "名称超过50字 / The name is longer than 50 characters"));
            } else {
                days.add(new Day(day, kind, name));
            }
        }
        if (!header) {
            errors.add(new RowError(0, "缺少表头「" + HEADER + "」 / The header is missing: " + HEADER));
        } else if (days.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, "文件没有数据行 / The file has no data rows"));
        }
        return new Parsed(year, errors.isEmpty() ? List.copyOf(days) : List.of(), source, provisional, List.copyOf(errors));
    }
}
