package cn.gov.ybj.crossprov.calendar.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pure engine test (in-memory H2) of both ways a BPMN counts working days: the
 * {@code workingDays} bean in an expression, and {@code workingDays:N} through the business
 * calendars added by {@link WorkingDaysEnginePlugin}. The engine clock is moved, not waited for.
 */
class WorkingDaysTimerTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        WorkingDaysService workingDays = ShippedFiles.workingDays();
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setProcessEngineName("working-days-test");
        cfg.setJdbcUrl("jdbc:h2:mem:working-days-engine;DB_CLOSE_DELAY=1000");
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setJobExecutorActivate(false);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        cfg.setEnforceHistoryTimeToLive(false);
        cfg.setBeans(Map.of("workingDays", workingDays));
        cfg.getProcessEnginePlugins().add(new WorkingDaysEnginePlugin(workingDays));
        engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("calendar/working-days-expression.bpmn")
                .addClasspathResource("calendar/working-days-calendar.bpmn")
                .deploy();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void clock(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private static Date beijing(String dateTime) {
        return Date.from(OffsetDateTime.parse(dateTime + "+08:00").toInstant());
    }

    private static long executableJobs(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().count();
    }

    private static boolean passed(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(activityId).count() > 0;
    }

    @Test
    void expressionDeadlineSkipsTheNationalDayHolidays() {
        clock("2025-09-30T02:00:00Z"); // Tue 30 Sep 2025, 10:00 in Beijing
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("working-days-expression");

        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getDueDate()).isEqualTo(beijing("2025-10-10T23:59:59"));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(beijing("2025-10-10T23:59:59"));

        clock("2025-10-10T15:00:00Z"); // 23:00 on the last day: not yet
        assertThat(executableJobs(instance)).isZero();
        clock("2025-10-10T16:00:01Z"); // Sat 11 Oct 00:00:01 in Beijing
        assertThat(executableJobs(instance)).isEqualTo(1);
        engine.getManagementService().executeJob(timer.getId());

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(passed(instance, "End_Overdue")).isTrue();
    }

    @Test
    void businessCalendarCountsTheSpringFestivalAndLeavesIsoDurationsAlone() {
        clock("2026-02-13T01:00:00Z"); // Fri 13 Feb 2026, 09:00 in Beijing
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("working-days-calendar");

        // Sat 14 Feb is a make-up workday; 15–23 Feb are the Spring Festival holidays
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getDueDate()).isEqualTo(beijing("2026-02-14T23:59:59"));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list())
                .extracting(Job::getDuedate)
                .containsExactlyInAnyOrder(beijing("2026-02-13T10:00:00"), beijing("2026-02-24T23:59:59"));

        clock("2026-02-13T02:00:00Z");
        Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().singleResult();
        engine.getManagementService().executeJob(reminder.getId());
        assertThat(passed(instance, "End_Reminded")).isTrue();

        clock("2026-02-23T15:59:59Z"); // still 23 Feb in Beijing, the last day off
        assertThat(executableJobs(instance)).isZero();
        clock("2026-02-24T16:00:00Z"); // 25 Feb 00:00 in Beijing
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().singleResult();
        engine.getManagementService().executeJob(overdue.getId());
        assertThat(passed(instance, "End_Overdue")).isTrue();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }
}
