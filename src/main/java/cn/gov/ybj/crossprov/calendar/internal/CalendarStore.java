package cn.gov.ybj.crossprov.calendar.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code app.calendar_day} and {@code app.calendar_year}. */
@Repository
class CalendarStore {

    record YearInfo(int year, String source, boolean provisional, String sha256, String loadedBy) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CalendarSnapshot load() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.sql("SELECT day, kind FROM app.calendar_day").query((rs, n) ->
                exceptions.put(rs.getObject(1, LocalDate.class), "WORKDAY".equals(rs.getString(2)))).list();
        Set<Integer> years = new HashSet<>();
        Set<Integer> provisional = new HashSet<>();
        for (YearInfo y : years()) {
            years.add(y.year());
            if (y.provisional()) {
                provisional.add(y.year());
            }
        }
        return new CalendarSnapshot(exceptions, years, provisional);
    }

    java.util.List<YearInfo> years() {
        return jdbc.sql("SELECT year, source, provisional, sha256, loaded_by FROM app.calendar_year ORDER BY year")
                .query((rs, n) -> new YearInfo(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<YearInfo> year(int year) {
        return years().stream().filter(y -> y.year() == year).findFirst();
    }
}
