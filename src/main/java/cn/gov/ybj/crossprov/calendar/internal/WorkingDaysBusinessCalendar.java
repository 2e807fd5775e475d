package cn.gov.ybj.crossprov.calendar.internal;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camunda business calendar that reads {@code workingDays:N} as "end (23:59:59 Beijing
 * time) of the Nth working day after the start day" and hands every other expression to the
 * engine's own calendar it decorates (ISO 8601 dates and durations keep working unchanged).
 * Without a delegate (the calendar registered under the name {@code workingDays}) a bare
 * {@code N} is accepted too.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

    static final String PREFIX = "workingDays:";
    private static final Pattern PREFIXED = Pattern.compile("\\s*workingDays\\s*:\\s*(\\d{1,4})\\s*");
    private static final Pattern BARE = Pattern.compile("\\s*(?:workingDays\\s*:\\s*)?(\\d{1,4})\\s*");

    private final WorkingDays workingDays;
    private final BusinessCalendar delegate;

    WorkingDaysBusinessCalendar(WorkingDays workingDays, BusinessCalendar delegate) {
        this.workingDays = workingDays;
        this.delegate = delegate;
    }

    private Integer workingDayCount(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = (delegate == null ? BARE : PREFIXED).matcher(expression);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    private Date deadline(int n, Date start) {
        Date from = start != null ? start : ClockUtil.getCurrentTime();
        return Date.from(workingDays.deadline(from.toInstant(), n).toInstant());
    }

    private ProcessEngineException notOurs(String expression) {
        return new ProcessEngineException("不是工作日期限表达式（应为 workingDays:N）：" + expression
                + " / Not a working-day expression (expected workingDays:N)");
    }

    @Override
    public Date resolveDuedate(String expression) {
        Integer n = workingDayCount(expression);
        if (n != null) {
            return deadline(n, null);
        }
        if (delegate == null) {
            throw notOurs(expression);
        }
        return delegate.resolveDuedate(expression);
    }

    @Override
    public Date resolveDuedate(String expression, Date startDate) {
        Integer n = workingDayCount(expression);
        if (n != null) {
            return deadline(n, startDate);
        }
        if (delegate == null) {
            throw notOurs(expression);
        }
        return startDate == null ? delegate.resolveDuedate(expression) : delegate.resolveDuedate(expression, startDate);
    }

    @Override
    public Date resolveDuedate(String expression, Task task) {
        Integer n = workingDayCount(expression);
        if (n != null) {
            return deadline(n, null);
        }
        if (delegate == null) {
            throw notOurs(expression);
        }
        return delegate.resolveDuedate(expression, task);
    }
}
