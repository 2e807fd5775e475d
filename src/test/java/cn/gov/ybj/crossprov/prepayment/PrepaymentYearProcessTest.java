package cn.gov.ybj.crossprov.prepayment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

/**
 * {@code bpmn/prepayment-year.bpmn}: the January timer's next date (the 15th, 09:00 China time), and its two
 * ends — the quotas set now, or set before by the centre; the steps a stand-in.
 */
class PrepaymentYearProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    public static class Schedule {
        boolean ran = true;
        int runs;

        public String cycle() {
            return "R/2025-01-15T09:00:00+08:00/P1Y";
        }

        public void runThisYear(DelegateExecution e) {
            runs++;
            e.setVariable("ran", ran);
        }
    }

    Schedule schedule;
    String deployment;

    @BeforeEach
    void deploy() {
        schedule = new Schedule();
        Mocks.register("prepaymentSchedule", schedule);
        Mocks.register("prepaymentYearSteps", schedule);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-03-03T02:00:00Z")));
        deployment = repositoryService().createDeployment().addClasspathResource("bpmn/prepayment-year.bpmn").deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theTimerSetsTheQuotasOnTheFifteenthOfJanuary() {
        Job timer = managementService().createJobQuery().timers().activityId("StartEvent_January").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-01-15T01:00:00Z")));
        managementService().executeJob(timer.getId());
        assertThat(schedule.runs).isEqualTo(1);
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_QuotasSet").count()).isEqualTo(1);
    }

    @Test
    void quotasSetBeforeByTheCentreEndTheTimersCase() {
        schedule.ran = false;
        Job timer = managementService().createJobQuery().timers().activityId("StartEvent_January").singleResult();
        managementService().executeJob(timer.getId());
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_SetBefore").count()).isEqualTo(1);
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_QuotasSet").count()).isZero();
    }

    @Test
    void theRealScheduleWritesTheCycleFromItsSettings() {
        assertThat(new PrepaymentSchedule(20, java.time.LocalTime.of(8, 30)).cycle()).isEqualTo("R/2025-01-20T08:30:00+08:00/P1Y");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PrepaymentSchedule(32, java.time.LocalTime.NOON))
                .isInstanceOf(IllegalStateException.class);
    }
}
