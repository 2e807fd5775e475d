package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk import of designated institutions from CSV with the columns of the national query
 * screen: 序号,所属行政区,医疗机构名称,医疗机构编码,医院等级,医疗机构分类,地址 (所属行政区 as a
 * 6-digit code or a full name such as 北京市朝阳区). Idempotent by code; a file with any bad
 * row changes nothing and gets a per-row report.
 */
@Service
public class InstitutionImport {

    public static final String HEADER = "序号,所属行政区,医疗机构名称,医疗机构编码,医院等级,医疗机构分类,地址";
    private static final Pattern CODE = Pattern.compile("\\d{13}");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");
    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final DesignatedInstitutions institutions;

    InstitutionImport(JdbcClient jdbc, DesignatedInstitutions institutions) {
        this.jdbc = jdbc;
        this.institutions = institutions;
    }

    /** @param line 1-based line number in the file; message Chinese first, then English */
    public record RowError(int line, String message) {
    }

    public record Report(int rows, int inserted, int updated, int unchanged, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    record Row(String code, String name, String divisionCode, String grade, String category, String address) {
    }

    @Transactional
    public Report importCsv(InputStream csv, boolean demo) throws IOException {
        Map<String, String> divisionsByName = new HashMap<>();
        Set<String> divisionCodes = new HashSet<>();
        Set<String> ambiguous = new HashSet<>();
        jdbc.sql("SELECT code, full_name FROM app.division").query((rs, n) -> {
            divisionCodes.add(rs.getString(1));
            if (divisionsByName.putIfAbsent(rs.getString(2), rs.getString(1)) != null) {
                ambiguous.add(rs.getString(2));
            }
            return null;
        }).list();

        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !HEADER.equals(header.replace("\uFEFF", "").trim())) {
                return new Report(0, 0, 0, 0, List.of(new RowError(1,
                        "表头应为「" + HEADER + "」 / The header must be: " + HEADER)));
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                if (f.size() != 7) {
                    errors.add(new RowError(lineNo, "应有7列，实有" + f.size() + "列 / Expected 7 columns, found " + f.size()));
                    continue;
                }
                String division = f.get(1).trim();
                String divisionCode = DIVISION_CODE.matcher(division).matches() ? division
                        : ambiguous.contains(division) ? null : divisionsByName.get(division);
                String code = f.get(3).trim();
                if (!CODE.matcher(code).matches()) {
                    errors.add(new RowError(lineNo, "医疗机构编码应为13位数字：" + code + " / The institution code must have 13 digits"));
                } else if (!seen.add(code)) {
                    errors.add(new RowError(lineNo, "医疗机构编码在文件中重复：" + code + " / Duplicate institution code in the file"));
                } else if (divisionCode == null || !divisionCodes.contains(divisionCode)) {
                    errors.add(new RowError(lineNo, "未知的行政区：" + division + " / Unknown administrative division"));
                } else if (f.get(2).isBlank() || f.get(4).isBlank() || f.get(5).isBlank()) {
                    errors.add(new RowError(lineNo, "名称、医院等级和医疗机构分类不能为空 / Name, grade and category are required"));
                } else if (f.get(2).length() > 200 || f.get(4).length() > 20 || f.get(5).length() > 20 || f.get(6).length() > 300) {
                    errors.add(new RowError(lineNo, "字段超长 / A field is too long"));
                } else {
                    rows.add(new Row(code, f.get(2).trim(), divisionCode, f.get(4).trim(), f.get(5).trim(), f.get(6).trim()));
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Report(rows.size() + errors.size(), 0, 0, 0, List.copyOf(errors));
        }
        // the search estimates its plans from a sample of the table: read it again once this commits
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                institutions.tableChanged();
            }
        });
        int inserted = 0;
        int updated = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            // one row back for each row written: inserted (no earlier version, xmax 0) or updated; unchanged rows return none
            List<Boolean> written = jdbc.sql("""
                    INSERT INTO app.designated_institution (code, name, division_code, grade, category, address, demo)
                    SELECT r.*, :demo FROM unnest(CAST(:codes AS text[]), CAST(:names AS text[]), CAST(:divisions AS text[]),
                                                  CAST(:grades AS text[]), CAST(:categories AS text[]), CAST(:addresses AS text[])) AS r
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, division_code = EXCLUDED.division_code,
                        grade = EXCLUDED.grade, category = EXCLUDED.category, address = EXCLUDED.address, updated_at = now()
                    WHERE (designated_institution.name, designated_institution.division_code, designated_institution.grade,
                           designated_institution.category, designated_institution.address)
                          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.division_code, EXCLUDED.grade, EXCLUDED.category, EXCLUDED.address)
                    RETURNING xmax = 0""")
                    .param("codes", batch.stream().map(Row::code).toArray(String[]::new))
                    .param("names", batch.stream().map(Row::name).toArray(String[]::new))
                    .param("divisions", batch.stream().map(Row::divisionCode).toArray(String[]::new))
                    .param("grades", batch.stream().map(Row::grade).toArray(String[]::new))
                    .param("categories", batch.stream().map(Row::category).toArray(String[]::new))
                    .param("addresses", batch.stream().map(Row::address).toArray(String[]::new))
                    .param("demo", demo)
                    .query(Boolean.class).list();
            for (boolean insert : written) {
                if (insert) {
                    inserted++;
                } else {
                    updated++;
                }
            }
        }
        return new Report(rows.size(), inserted, updated, rows.size() - inserted - updated, List.of());
    }

    /** Minimal RFC 4180 field splitting: commas, double quotes, doubled quotes inside quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
