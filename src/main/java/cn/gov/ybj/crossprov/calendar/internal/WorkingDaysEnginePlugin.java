package cn.gov.ybj.crossprov.calendar.internal;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine's business calendars to count working days. Camunda 7.24 has no BPMN
 * attribute to choose a calendar per timer or task (timers use the calendar named after
 * their kind: {@code dueDate} for {@code timeDate}, {@code duration} for
 * {@code timeDuration}, {@code cycle} for {@code timeCycle}; a task's
 * {@code camunda:dueDate} string uses {@code dueDate}), so this plugin
 * <ul>
 *   <li>decorates {@code dueDate} and {@code duration}: {@code workingDays:N} is the end of the
 *       Nth working day after the timer's (task's) creation day, anything else is handled by
 *       the engine's calendar exactly as before;</li>
 *   <li>adds a calendar named {@code workingDays} (bare {@code N}) for code that looks a calendar up by name.</li>
 * </ul>
 * BPMN: {@code <timeDuration>workingDays:2</timeDuration>}, {@code <timeDate>workingDays:2</timeDate>},
 * {@code camunda:dueDate="workingDays:2"}; or an expression {@code ${workingDays.due(2)}}, which
 * needs no calendar. The Spring Boot starter applies every {@code ProcessEnginePlugin} bean.
 */
@Component
class WorkingDaysEnginePlugin extends AbstractProcessEnginePlugin {

    static final String CALENDAR_NAME = "workingDays";

    private final WorkingDays workingDays;

    WorkingDaysEnginePlugin(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager engineCalendars = configuration.getBusinessCalendarManager();
        BusinessCalendar dueDate = new WorkingDaysBusinessCalendar(workingDays,
                engineCalendars.getBusinessCalendar(DueDateBusinessCalendar.NAME));
        BusinessCalendar duration = new WorkingDaysBusinessCalendar(workingDays,
                engineCalendars.getBusinessCalendar(DurationBusinessCalendar.NAME));
        BusinessCalendar standalone = new WorkingDaysBusinessCalendar(workingDays, null);
        if (engineCalendars instanceof MapBusinessCalendarManager map) {
            map.addBusinessCalendar(DueDateBusinessCalendar.NAME, dueDate);
            map.addBusinessCalendar(DurationBusinessCalendar.NAME, duration);
            map.addBusinessCalendar(CALENDAR_NAME, standalone);
        } else {
            configuration.setBusinessCalendarManager(name -> switch (name) {
                case DueDateBusinessCalendar.NAME -> dueDate;
                case CALENDAR_NAME -> standalone;
                default -> DurationBusinessCalendar.NAME.equals(name) ? duration : engineCalendars.getBusinessCalendar(name);
            });
        }
    }
}
