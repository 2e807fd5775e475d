package cn.gov.ybj.crossprov.calendar.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Adds or replaces one year of the calendar: the file is checked row by row (any bad row:
 * nothing written, a report line per bad row), then the year's rows are replaced in one
 * transaction and the in-memory snapshot is refreshed. Importing the same file again
 * (same SHA-256 and provisional flag) changes nothing.
 */
@Service
public class CalendarImport {

    private static final Logger log = LoggerFactory.getLogger(CalendarImport.class);
    static final String STARTUP = "startup";

    /** @param changed false when the year already held exactly this file */
    public record Report(int year, int rows, boolean changed, boolean provisional, List<CalendarCsv.RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final CalendarStore store;
    private final WorkingDaysService workingDays;

    CalendarImport(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, CalendarStore store,
                   WorkingDaysService workingDays) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.store = store;
        this.workingDays = workingDays;
    }

    /**
     * @param provisional overrides the file's {@code # provisional:} comment; {@code null}: the file's, else false
     * @param source      overrides the file's {@code # source:} comment; {@code null}: the file's
     * @param loadedBy    {@code startup} or the admin's username
     */
    public Report importCsv(int year, byte[] csv, Boolean provisional, String source, String loadedBy) {
        CalendarCsv.Parsed parsed = CalendarCsv.parse(year, csv);
        boolean isProvisional = provisional != null ? provisional : Boolean.TRUE.equals(parsed.provisional());
        if (!parsed.ok()) {
            return new Report(year, 0, false, isProvisional, parsed.errors());
        }
        String effectiveSource = source != null && !source.isBlank() ? source.trim()
                : parsed.source() != null ? parsed.source() : "管理员上传 / uploaded by " + loadedBy;
        String hash = sha256(csv);
        boolean same = store.year(year)
                .filter(y -> Objects.equals(y.sha256(), hash) && y.provisional() == isProvisional).isPresent();
        if (same) {
            return new Report(year, parsed.days().size(), false, isProvisional, List.of());
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM app.calendar_day WHERE day BETWEEN ? AND ?")
                    .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31))).update();
            template.batchUpdate("INSERT INTO app.calendar_day (day, kind, name) VALUES (?, ?, ?)",
                    parsed.days().stream().map(d -> new Object[]{Date.valueOf(d.day()), d.kind().name(), d.name()}).toList());
            jdbc.sql("""
                    INSERT INTO app.calendar_year (year, source, provisional, sha256, loaded_by, loaded_at)
                    VALUES (?, ?, ?, ?, ?, now())
                    ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, provisional = EXCLUDED.provisional,
                        sha256 = EXCLUDED.sha256, loaded_by = EXCLUDED.loaded_by, loaded_at = EXCLUDED.loaded_at
                    """).params(year, effectiveSource, isProvisional, hash, loadedBy).update();
        });
        workingDays.reload();
        log.info("Working calendar {}: {} exceptions loaded by {}{} ({})", year, parsed.days().size(), loadedBy,
                isProvisional ? ", PROVISIONAL" : "", effectiveSource);
        return new Report(year, parsed.days().size(), true, isProvisional, List.of());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
