package cn.gov.ybj.crossprov.calendar;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * The official working-day calendar (工作日): Monday to Friday, minus the public holidays,
 * plus the make-up workdays (调休上班) of the State Council General Office's yearly notice.
 * Answers from an in-memory snapshot (no database access per call), refreshed after every
 * import. A year without calendar data counts Monday to Friday (and is logged once as WARN).
 *
 * <p>The Spring bean is named {@code workingDays}, so BPMN expressions can call it, e.g. a
 * user task {@code camunda:dueDate="${deadline}"} and its boundary timer
 * {@code <timeDate>${deadline}</timeDate>} after a start listener
 * {@code ${execution.setVariable('deadline', workingDays.due(2))}}; or, through the engine's
 * business calendars, a plain {@code timeDuration}/{@code timeDate}/{@code camunda:dueDate} of
 * {@code workingDays:2} (see docs/calendar.md).
 */
public interface WorkingDays {

    /** Days and deadlines are those of Beijing time. */
    ZoneId ZONE = ChinaTime.ZONE;

    boolean isWorkingDay(LocalDate day);

    /**
     * The {@code n}th working day after {@code day} ({@code day} itself does not count).
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    LocalDate plusWorkingDays(LocalDate day, int n);

    /**
     * End (23:59:59 Beijing time) of the {@code n}th working day after the day (in Beijing) of
     * {@code start}.
     */
    OffsetDateTime deadline(Instant start, int n);

    /**
     * {@link #deadline(Instant, int)} from now, for BPMN expressions. "Now" is the engine's
     * clock ({@code ClockUtil}), so tests that move the engine clock move it too.
     */
    Date due(int n);

    /**
     * Working days in {@code (fromExclusive, toInclusive]}; negative (the same count, negated)
     * when {@code toInclusive} is before {@code fromExclusive}.
     */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);
}
