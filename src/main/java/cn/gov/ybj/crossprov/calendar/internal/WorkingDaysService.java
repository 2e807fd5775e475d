package cn.gov.ybj.crossprov.calendar.internal;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link WorkingDays} on an immutable in-memory snapshot, loaded on first use and replaced
 * after each import. Public (in {@code internal}) only because BPMN expressions call it by name.
 */
@Component("workingDays")
public class WorkingDaysService implements WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDaysService.class);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** far beyond any legal deadline; stops a runaway loop on a bad argument */
    private static final int MAX_DAYS = 3660;

    private final Supplier<CalendarSnapshot> loader;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile CalendarSnapshot snapshot;

    @Autowired
    WorkingDaysService(CalendarStore store) {
        this((Supplier<CalendarSnapshot>) store::load);
    }

    WorkingDaysService(Supplier<CalendarSnapshot> loader) {
        this.loader = loader;
    }

    /** For tests and the engine test: a fixed snapshot. */
    static WorkingDaysService of(CalendarSnapshot snapshot) {
        return new WorkingDaysService(() -> snapshot);
    }

    /** Re-reads the calendar (after an import). */
    void reload() {
        snapshot = loader.get();
    }

    CalendarSnapshot snapshot() {
        CalendarSnapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = loader.get();
                }
                s = snapshot;
            }
        }
        return s;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(snapshot(), day);
    }

    private boolean isWorkingDay(CalendarSnapshot s, LocalDate day) {
        Boolean exception = s.exceptions().get(day);
        if (exception != null) {
            return exception;
        }
        if (!s.years().contains(day.getYear()) && warnedYears.add(day.getYear())) {
            log.warn("工作日历没有{}年的数据，按周一至周五计算工作日；请导入该年的节假日安排 / No working calendar for {}: "
                    + "counting Monday to Friday; import the year's holiday notice (POST /api/admin/calendar/{})",
                    day.getYear(), day.getYear(), day.getYear());
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 1 || n > MAX_DAYS) {
            throw new IllegalArgumentException("工作日数应在1至" + MAX_DAYS + "之间：" + n
                    + " / The number of working days must be between 1 and " + MAX_DAYS);
        }
        CalendarSnapshot s = snapshot();
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(s, d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public OffsetDateTime deadline(Instant start, int n) {
        LocalDate startDay = start.atZone(ZONE).toLocalDate();
        return plusWorkingDays(startDay, n).atTime(END_OF_DAY).atZone(ZONE).toOffsetDateTime();
    }

    @Override
    public Date due(int n) {
        return Date.from(deadline(ClockUtil.getCurrentTime().toInstant(), n).toInstant());
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        CalendarSnapshot s = snapshot();
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(s, d)) {
                count++;
            }
        }
        return count;
    }
}
