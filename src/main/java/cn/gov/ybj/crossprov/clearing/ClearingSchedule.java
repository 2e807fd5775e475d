package cn.gov.ybj.crossprov.clearing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalTime;

/**
 * When the clearing case's timer generates last month's tables (003 第三十四条: before the 21st):
 * {@code app.clearing.generation-day} (1–20, default 20) at {@code app.clearing.generation-time}
 * (default 22:00), China time. The timer of {@code bpmn/monthly-clearing.bpmn} reads {@link #cycle()};
 * the engine reads it again each time it is due ({@code reevaluateTimeCycleWhenDue}), so a changed
 * setting takes effect from the next month.
 */
@Component("clearingSchedule")
public class ClearingSchedule {

    private final int day;
    private final LocalTime time;

    ClearingSchedule(@Value("${app.clearing.generation-day:20}") int day,
                     @Value("${app.clearing.generation-time:22:00}") LocalTime time) {
        if (day < 1 || day > 20) {
            // the tables must exist before the 21st; a day above 28 would also not exist in every month
            throw new IllegalStateException("app.clearing.generation-day must be 1–20 (the tables exist before the 21st): " + day);
        }
        this.day = day;
        this.time = time;
    }

    /**
     * ISO 8601 repeating interval: monthly from a day in the past, with China's offset (no daylight
     * saving), so the server's own time zone does not matter. The engine takes the first date after now.
     */
    public String cycle() {
        return "R/2025-01-%02dT%s:00+08:00/P1M".formatted(day, time.toString().substring(0, 5));
    }
}
