package cn.gov.ybj.crossprov.calendar.internal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shipped calendar files, parsed without a database. */
final class ShippedFiles {

    private ShippedFiles() {
    }

    static List<CalendarCsv.Parsed> parsed() {
        try {
            List<CalendarCsv.Parsed> files = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(ShippedCalendars.LOCATION)) {
                int year = Integer.parseInt(r.getFilename().replaceAll("\\D", ""));
                try (InputStream in = r.getInputStream()) {
                    files.add(CalendarCsv.parse(year, in.readAllBytes()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkingDaysService workingDays() {
        return WorkingDaysService.of(CalendarSnapshot.of(parsed()));
    }
}
