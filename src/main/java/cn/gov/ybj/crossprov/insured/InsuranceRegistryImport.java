package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.InvalidIdNumberException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a bureau's registry (参保信息) from UTF-8 CSV with the columns of {@link #HEADER}; lines
 * starting with {@code #} are comments. Persons are upserted by ID number and their
 * contribution periods replaced; nobody is deleted. A file with any bad row changes nothing
 * and gets a per-row report.
 *
 * <p>{@code contribution_periods}: periods separated by {@code ;}, each
 * {@code area:TYPE:yyyy-MM~yyyy-MM} (end empty while open), e.g.
 * {@code 110105:EMPLOYEE:1990-07~2012-12;350200:EMPLOYEE:2013-01~}. Enum columns take the
 * code ({@code EMPLOYEE}) or the Chinese label ({@code 城镇职工}); sex {@code M}/{@code F} or 男/女.
 */
@Service
public class InsuranceRegistryImport {

    public static final String HEADER =
            "id_number,name,sex,birth_date,pooling_area_code,insurance_type,person_type,status,employer,contribution_periods,mobile";
    /** files from before the mobile number (预留手机号, where binding codes go) was imported */
    static final String HEADER_WITHOUT_MOBILE = HEADER.substring(0, HEADER.lastIndexOf(','));
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9]\\d{9}");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PoolingAreas poolingAreas;

    InsuranceRegistryImport(JdbcClient jdbc, JdbcTemplate template, PoolingAreas poolingAreas) {
        this.jdbc = jdbc;
        this.template = template;
        this.poolingAreas = poolingAreas;
    }

    /** @param line 1-based line number in the file */
    public record RowError(int line, String messageZh, String messageEn) {
        public String message() {
            return "第" + line + "行：" + messageZh + " / Line " + line + ": " + messageEn;
        }
    }

    public record Report(int rows, int inserted, int updated, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Row(InsuranceRecord record, List<ContributionPeriod> periods, String mobile) {
    }

    /** @param demo marks the rows as demo data (the shipped generated file) */
    @Transactional
    public Report importCsv(InputStream csv, boolean demo) throws IOException {
        // the areas are read once per file, not per row (a registry file has hundreds of thousands)
        Set<String> areas = poolingAreas.codes();
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            int columns = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                line = line.replace("\uFEFF", "");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    columns = line.trim().split(",").length;
                    if (!HEADER.equals(line.trim()) && !HEADER_WITHOUT_MOBILE.equals(line.trim())) {
                        return new Report(0, 0, 0, List.of(new RowError(lineNo, "表头应为「" + HEADER + "」",
                                "The header must be: " + HEADER)));
                    }
                    continue;
                }
                Row row = parse(line, lineNo, columns, areas, errors);
                if (row != null) {
                    if (!seen.add(row.record().idNumber())) {
                        errors.add(new RowError(lineNo, "公民身份号码在文件中重复出现", "The ID number occurs more than once in the file"));
                    } else {
                        rows.add(row);
                    }
                }
            }
            if (!headerSeen) {
                return new Report(0, 0, 0, List.of(new RowError(1, "文件为空，缺少表头", "The file is empty; the header is missing")));
            }
        }
        if (!errors.isEmpty()) {
            return new Report(rows.size() + errors.size(), 0, 0, errors);
        }
        Set<String> existing = new HashSet<>();
        List<String> ids = rows.stream().map(r -> r.record().idNumber()).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            existing.addAll(jdbc.sql("SELECT id_number FROM app.insurance_record WHERE id_number = ANY (?)")
                    .param(chunk.toArray(String[]::new)).query(String.class).list());
        }
        template.batchUpdate("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, mobile, demo, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id_number) DO UPDATE SET name = EXCLUDED.name, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
                    pooling_area_code = EXCLUDED.pooling_area_code, insurance_type = EXCLUDED.insurance_type,
                    person_type = EXCLUDED.person_type, status = EXCLUDED.status, employer = EXCLUDED.employer,
                    mobile = COALESCE(EXCLUDED.mobile, app.insurance_record.mobile), demo = EXCLUDED.demo, updated_at = now()
                """, rows.stream().map(r -> {
            InsuranceRecord x = r.record();
            return new Object[]{x.idNumber(), x.name(), x.sex(), Date.valueOf(x.birthDate()), x.poolingAreaCode(),
                    x.insuranceType().name(), x.personType().name(), x.status().name(), x.employer(), r.mobile(), demo};
        }).toList());
        template.batchUpdate("DELETE FROM app.contribution_period WHERE id_number = ?",
                ids.stream().map(id -> new Object[]{id}).toList());
        List<Object[]> periods = new ArrayList<>();
        for (Row r : rows) {
            for (ContributionPeriod p : r.periods()) {
                periods.add(new Object[]{r.record().idNumber(), p.poolingAreaCode(), p.insuranceType().name(),
                        Date.valueOf(p.startMonth()), p.endMonth() == null ? null : Date.valueOf(p.endMonth())});
            }
        }
        template.batchUpdate("""
                INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month, end_month)
                VALUES (?, ?, ?, ?, ?)
                """, periods);
        return new Report(rows.size(), rows.size() - existing.size(), existing.size(), List.of());
    }

    private static Row parse(String line, int lineNo, int columns, Set<String> areas, List<RowError> errors) {
        String[] f = line.split(",", -1);
        if (f.length != columns) {
            errors.add(new RowError(lineNo, "应有" + columns + "列，实际为" + f.length + "列（字段中不能含逗号）",
                    "Expected " + columns + " columns, found " + f.length + " (fields may not contain commas)"));
            return null;
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        int before = errors.size();
        IdNumber id = null;
        try {
            id = IdNumber.of(f[0]);
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            errors.add(new RowError(lineNo, parts[0], parts.length > 1 ? parts[1] : parts[0]));
        }
        String name = f[1];
        if (name.isEmpty() || name.length() > 64) {
            errors.add(new RowError(lineNo, "姓名不能为空且不超过64个字符", "The name is required and at most 64 characters"));
        }
        String sex = switch (f[2].toUpperCase()) {
            case "M", "男" -> "M";
            case "F", "女" -> "F";
            default -> null;
        };
        if (sex == null) {
            errors.add(new RowError(lineNo, "性别应为 M/F 或 男/女：" + f[2], "Sex must be M/F or 男/女: " + f[2]));
        } else if (id != null && !sex.equals(sexOf(id))) {
            errors.add(new RowError(lineNo, "性别与公民身份号码第17位不符", "The sex does not match the 17th character of the ID number"));
        }
        LocalDate birth = null;
        if (f[3].isEmpty() && id != null) {
            birth = id.birthDate();
        } else {
            try {
                birth = LocalDate.parse(f[3]);
                if (id != null && !birth.equals(id.birthDate())) {
                    errors.add(new RowError(lineNo, "出生日期与公民身份号码不符", "The birth date does not match the ID number"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new RowError(lineNo, "出生日期格式应为 yyyy-MM-dd：" + f[3], "The birth date must be yyyy-MM-dd: " + f[3]));
            }
        }
        if (!areas.contains(f[4])) {
            errors.add(new RowError(lineNo, "未知的统筹区编码：" + f[4], "Unknown pooling area code: " + f[4]));
        }
        InsuranceType type = InsuranceType.parse(f[5]).orElse(null);
        if (type == null) {
            errors.add(new RowError(lineNo, "险种无效（应为 EMPLOYEE 城镇职工 / URBAN_RESIDENT 城镇居民 / NCMS 新农合 / RESIDENT 城乡居民）：" + f[5],
                    "Invalid insurance type (EMPLOYEE, URBAN_RESIDENT, NCMS or RESIDENT): " + f[5]));
        }
        PersonType personType = PersonType.parse(f[6]).orElse(null);
        if (personType == null) {
            errors.add(new RowError(lineNo, "人员类别无效：" + f[6], "Invalid person type: " + f[6]));
        }
        InsuranceStatus status = InsuranceStatus.parse(f[7]).orElse(null);
        if (status == null) {
            errors.add(new RowError(lineNo, "参保状态无效（应为 NORMAL 正常参保 / SUSPENDED 暂停参保 / TERMINATED 终止参保）：" + f[7],
                    "Invalid status (NORMAL, SUSPENDED or TERMINATED): " + f[7]));
        }
        List<ContributionPeriod> periods = f[9].isEmpty() ? List.of() : periods(f[9], lineNo, areas, errors);
        String mobile = f.length > 10 && !f[10].isEmpty() ? f[10] : null;
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            errors.add(new RowError(lineNo, "预留手机号码应为11位手机号：" + mobile, "The mobile number must have 11 digits: " + mobile));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Row(new InsuranceRecord(id.value(), name, sex, birth, f[4], type, personType, status,
                f[8].isEmpty() ? null : f[8]), periods, mobile);
    }

    private static List<ContributionPeriod> periods(String text, int lineNo, Set<String> areas, List<RowError> errors) {
        List<ContributionPeriod> periods = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] p = part.trim().split(":", -1);
            String[] range = p.length == 3 ? p[2].split("~", -1) : new String[0];
            InsuranceType type = p.length == 3 ? InsuranceType.parse(p[1]).orElse(null) : null;
            if (p.length != 3 || range.length != 2 || type == null) {
                errors.add(new RowError(lineNo, "缴费期间格式应为 统筹区:险种:yyyy-MM~yyyy-MM：" + part,
                        "A contribution period must be area:TYPE:yyyy-MM~yyyy-MM: " + part));
                continue;
            }
            if (!areas.contains(p[0])) {
                errors.add(new RowError(lineNo, "缴费期间中的统筹区编码未知：" + p[0], "Unknown pooling area in a contribution period: " + p[0]));
                continue;
            }
            try {
                LocalDate start = YearMonth.parse(range[0]).atDay(1);
                LocalDate end = range[1].isEmpty() ? null : YearMonth.parse(range[1]).atDay(1);
                if (end != null && end.isBefore(start)) {
                    errors.add(new RowError(lineNo, "缴费期间的截止年月早于起始年月：" + part, "A contribution period ends before it starts: " + part));
                    continue;
                }
                periods.add(new ContributionPeriod(p[0], type, start, end));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(lineNo, "缴费期间的年月格式应为 yyyy-MM：" + part, "Months in a contribution period must be yyyy-MM: " + part));
            }
        }
        return periods;
    }

    private static String sexOf(IdNumber id) {
        return (id.value().charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
