package cn.gov.ybj.crossprov.calendar.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the shipped {@code reference/calendar/cn-YYYY.csv} files at start-up, like the
 * divisions: a year is (re)loaded when it is missing, when the stored copy came from an
 * older shipped file, or when the stored copy is provisional and the shipped one is not. A
 * year an admin uploaded is never overwritten by a shipped file. Then every provisional year
 * is logged as WARN, so that someone replaces it when the State Council notice appears.
 */
@Component
@Order(0)
class ShippedCalendars implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedCalendars.class);
    static final String LOCATION = "classpath*:reference/calendar/cn-*.csv";
    private static final Pattern FILE = Pattern.compile("cn-(\\d{4})\\.csv");

    private final CalendarImport importer;
    private final CalendarStore store;

    ShippedCalendars(CalendarImport importer, CalendarStore store) {
        this.importer = importer;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        loadShipped();
        warnProvisional();
    }

    /** @return the number of years (re)loaded */
    int loadShipped() throws IOException {
        int loaded = 0;
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            Matcher m = FILE.matcher(file.getFilename());
            if (!m.matches()) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            byte[] csv;
            try (InputStream in = file.getInputStream()) {
                csv = in.readAllBytes();
            }
            CalendarCsv.Parsed parsed = CalendarCsv.parse(year, csv);
            if (!parsed.ok()) {
                throw new IllegalStateException("Shipped calendar " + file.getFilename() + " is invalid: " + parsed.errors());
            }
            boolean provisional = Boolean.TRUE.equals(parsed.provisional());
            Optional<CalendarStore.YearInfo> stored = store.year(year);
            boolean replace = stored.isEmpty()
                    || CalendarImport.STARTUP.equals(stored.get().loadedBy()) && !CalendarImport.sha256(csv).equals(stored.get().sha256())
                    || stored.get().provisional() && !provisional;
            if (!replace) {
                continue;
            }
            CalendarImport.Report report = importer.importCsv(year, csv, provisional, null, CalendarImport.STARTUP);
            if (report.changed()) {
                loaded++;
            }
        }
        return loaded;
    }

    void warnProvisional() {
        for (CalendarStore.YearInfo y : store.years()) {
            if (y.provisional()) {
                log.warn("工作日历{}年为暂定数据（仅法定节假日，不含调休）：国务院办公厅发布该年节假日安排后请导入 "
                        + "(POST /api/admin/calendar/{}) / Working calendar {} is PROVISIONAL (statutory holidays only, "
                        + "no make-up workdays): import the State Council notice for {} when it is published",
                        y.year(), y.year(), y.year(), y.year());
            }
        }
    }
}
