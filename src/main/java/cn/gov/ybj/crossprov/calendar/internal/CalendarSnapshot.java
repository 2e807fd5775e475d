package cn.gov.ybj.crossprov.calendar.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Immutable copy of the calendar: the exceptions to the Monday-to-Friday rule
 * ({@code true} = a make-up workday, {@code false} = a day off) and the years that have data.
 */
public record CalendarSnapshot(Map<LocalDate, Boolean> exceptions, Set<Integer> years, Set<Integer> provisionalYears) {

    public static final CalendarSnapshot EMPTY = new CalendarSnapshot(Map.of(), Set.of(), Set.of());

    public CalendarSnapshot {
        exceptions = Map.copyOf(exceptions);
        years = Set.copyOf(years);
        provisionalYears = Set.copyOf(provisionalYears);
    }

    /** One year's parsed file after another, a later year replacing an earlier copy of itself. */
    public static CalendarSnapshot of(Collection<CalendarCsv.Parsed> files) {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        Set<Integer> provisional = new HashSet<>();
        for (CalendarCsv.Parsed file : files) {
            exceptions.keySet().removeIf(d -> d.getYear() == file.year());
            for (CalendarCsv.Day day : file.days()) {
                exceptions.put(day.day(), day.kind() == CalendarCsv.Kind.WORKDAY);
            }
            years.add(file.year());
            if (Boolean.TRUE.equals(file.provisional())) {
                provisional.add(file.year());
            } else {
                provisional.remove(file.year());
            }
        }
        return new CalendarSnapshot(exceptions, years, provisional);
    }
}
