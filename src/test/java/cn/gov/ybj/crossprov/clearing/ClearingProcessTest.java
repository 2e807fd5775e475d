package cn.gov.ybj.crossprov.clearing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of {@code bpmn/monthly-clearing.bpmn} with camunda-bpm-assert: all provinces confirm; a
 * dispute resolved by generating the pair again (both provinces confirm again); a dispute resolved by
 * carrying the pair over (the province has nothing left to confirm); a confirmation late by the 25th
 * escalated while it stays open; the timer start, generating or finding the month generated. The steps
 * are a stand-in that records the calls and answers what the month says ({@code mustConfirm}); the
 * messages are sent as {@link ClearingTasks} sends them.
 */
class ClearingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    static final String BEIJING = "110000";
    static final String FUJIAN = "350000";
    static final String GUANGDONG = "440000";

    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        /** what MonthlyClearing would answer: the province's status is PENDING */
        final Map<String, Boolean> pending = new HashMap<>(Map.of(BEIJING, true, FUJIAN, true, GUANGDONG, false));
        Date due = Date.from(Instant.parse("2025-04-25T15:59:59Z"));
        boolean generate = true;

        public void generateLastMonth(DelegateExecution e) {
            calls.add("generateLastMonth");
            e.setVariable("generated", generate);
            e.setVariable("month", "2025-03");
        }

        public void openConfirmations(DelegateExecution e) {
            calls.add("openConfirmations:" + e.getVariable("month"));
            e.setProcessBusinessKey((String) e.getVariable("month"));
            e.setVariable("provinces", List.of(BEIJING, FUJIAN, GUANGDONG));
            e.setVariable("confirmDue", due);
            e.setVariable("monthConfirmed", false);
        }

        public boolean mustConfirm(DelegateExecution e) {
            return pending.get((String) e.getVariable("province"));
        }

        public void escalate(DelegateExecution e) {
            calls.add("escalate:" + e.getVariable("province"));
        }

        public void publishNotices(DelegateExecution e) {
            calls.add("publishNotices:" + e.getVariable("month"));
            // the provinces' finance cases are ClearingFinanceProcessTest's
            e.setVariable("financeProvinces", List.of());
        }

        public void settled(DelegateExecution e) {
            calls.add("settled:" + e.getVariable("month"));
        }
    }

    public static class Schedule {
        public String cycle() {
            return "R/2025-01-20T22:00:00+08:00/P1M";
        }
    }

    RecordingSteps steps;
    String deployment;

    @BeforeEach
    void deploy() {
        steps = new RecordingSteps();
        Mocks.register("clearingSteps", steps);
        Mocks.register("clearingSchedule", new Schedule());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-04-21T02:00:00Z")));
        // deployed after the mocks: the timer start's cycle is read when the process is deployed
        deployment = repositoryService().createDeployment().addClasspathResource("bpmn/monthly-clearing.bpmn").deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance startByHand() {
        ProcessInstance pi = runtimeService().createMessageCorrelation(ClearingTasks.STARTED_BY_CENTRE).processInstanceBusinessKey("2025-03")
                .setVariable("month", "2025-03").setVariable("startedBy", "provincial:nc-clearing").correlateStartMessage();
        assertThat(steps.calls).containsExactly("openConfirmations:2025-03");
        return pi;
    }

    Task confirmation(ProcessInstance pi, String province) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ClearingTasks.CONFIRM_TABLES)
                .taskCandidateGroup(ClearingTasks.group(province)).singleResult();
    }

    void answer(ProcessInstance pi, String province, String answer) {
        Task t = confirmation(pi, province);
        assertThat(t).as("confirmation of " + province).isNotNull();
        taskService().complete(t.getId(), Map.of("answer", answer));
    }

    /** as ClearingTasks: the province's waiting instance */
    void tablesChanged(ProcessInstance pi, String province) {
        for (Execution e : runtimeService().createExecutionQuery().processInstanceId(pi.getId())
                .messageEventSubscriptionName(ClearingTasks.TABLES_CHANGED).list()) {
            if (province.equals(runtimeService().getVariable(e.getId(), "province"))) {
                runtimeService().messageEventReceived(ClearingTasks.TABLES_CHANGED, e.getId());
            }
        }
    }

    void monthConfirmed(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(ClearingTasks.MONTH_CONFIRMED).processInstanceId(pi.getId()).correlateAll();
    }

    @Test
    void everyProvinceWithAmountsConfirmsThenTheMonthEnds() {
        ProcessInstance pi = startByHand();
        assertThat(pi).isWaitingAt(ClearingTasks.CONFIRM_TABLES, "Gateway_Wait");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
        Task beijing = confirmation(pi, BEIJING);
        assertThat(beijing.getDueDate()).isEqualTo(steps.due);
        assertThat(confirmation(pi, GUANGDONG)).as("nothing to confirm").isNull();
        // no province sees another's task
        assertThat(taskService().createTaskQuery().taskCandidateGroup(ClearingTasks.group(FUJIAN)).taskId(beijing.getId()).count()).isZero();

        answer(pi, BEIJING, "CONFIRM");
        assertThat(pi).isActive();
        answer(pi, FUJIAN, "CONFIRM");
        monthConfirmed(pi);
        assertThat(pi).isEnded().hasPassed("Task_PublishNotices", "EndEvent_MonthSettled")
                .hasNotPassed("Task_ResolveDisputes", "BoundaryEvent_ConfirmationLate");
        assertThat(steps.calls).containsExactly("openConfirmations:2025-03", "publishNotices:2025-03", "settled:2025-03");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2025-03").count()).isZero();
    }

    @Test
    void aDisputeGeneratedAgainSendsBothProvincesBackToConfirm() {
        ProcessInstance pi = startByHand();
        answer(pi, BEIJING, "CONFIRM");
        answer(pi, FUJIAN, "DISPUTE");
        Task resolve = taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(ClearingTasks.RESOLVE_DISPUTES).singleResult();
        assertThat(resolve).isNotNull();
        assertThat(taskService().createTaskQuery().taskId(resolve.getId())
                .taskCandidateGroup(ClearingTasks.group("000000")).count()).isEqualTo(1);
        assertThat(taskService().getVariable(resolve.getId(), "province")).isEqualTo(FUJIAN);

        // the centre generates the pair again: Fujian confirms, and Beijing, whose tables changed, again
        taskService().complete(resolve.getId());
        tablesChanged(pi, BEIJING);
        assertThat(confirmation(pi, FUJIAN)).isNotNull();
        assertThat(confirmation(pi, BEIJING)).isNotNull();
        // a change while a confirmation is open: the province looks again, and still has tables to confirm
        String fujianTask = confirmation(pi, FUJIAN).getId();
        tablesChanged(pi, FUJIAN);
        assertThat(confirmation(pi, FUJIAN).getId()).isNotEqualTo(fujianTask);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);

        answer(pi, FUJIAN, "CONFIRM");
        answer(pi, BEIJING, "CONFIRM");
        monthConfirmed(pi);
        assertThat(pi).isEnded().hasPassed("Task_ResolveDisputes", "EndEvent_MonthSettled");
    }

    @Test
    void aDisputeCarriedOverLeavesTheProvinceNothingToConfirm() {
        ProcessInstance pi = startByHand();
        answer(pi, FUJIAN, "DISPUTE");
        // the pair was Fujian's only one: carried to next month, Fujian has nothing left this month
        steps.pending.put(FUJIAN, false);
        Task resolve = taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(ClearingTasks.RESOLVE_DISPUTES).singleResult();
        taskService().complete(resolve.getId());
        assertThat(confirmation(pi, FUJIAN)).isNull();
        answer(pi, BEIJING, "CONFIRM");
        monthConfirmed(pi);
        assertThat(pi).isEnded().hasPassed("Task_ResolveDisputes", "EndEvent_MonthSettled");
    }

    @Test
    void anOpenConfirmationGoesWhenTheProvinceHasNothingLeftToConfirm() {
        ProcessInstance pi = startByHand();
        answer(pi, FUJIAN, "CONFIRM");
        // the centre carried Beijing's only pair out of the month (another province's dispute)
        steps.pending.put(BEIJING, false);
        tablesChanged(pi, BEIJING);
        assertThat(confirmation(pi, BEIJING)).isNull();
        assertThat(pi).hasPassed("BoundaryEvent_TablesChangedWhileOpen");
        monthConfirmed(pi);
        assertThat(pi).isEnded().hasPassed("EndEvent_MonthSettled");
    }

    @Test
    void aConfirmationLateByThe25thIsEscalatedAndStaysOpen() {
        ProcessInstance pi = startByHand();
        answer(pi, BEIJING, "CONFIRM");
        Job late = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("BoundaryEvent_ConfirmationLate").singleResult();
        assertThat(late.getDuedate()).isEqualTo(steps.due);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-04-25T16:00:00Z")));
        managementService().executeJob(late.getId());
        assertThat(steps.calls).contains("escalate:" + FUJIAN).doesNotContain("escalate:" + BEIJING);
        assertThat(confirmation(pi, FUJIAN)).as("still Fujian's to confirm").isNotNull();
        answer(pi, FUJIAN, "CONFIRM");
        monthConfirmed(pi);
        assertThat(pi).isEnded().hasPassed("Task_EscalateLateConfirmation", "EndEvent_Escalated", "EndEvent_MonthSettled");
    }

    @Test
    void theTimerGeneratesLastMonthOnTheGenerationDay() {
        Job timer = managementService().createJobQuery().timers().activityId("StartEvent_GenerationDay").singleResult();
        assertThat(timer).as("the timer start").isNotNull();
        // 2025-04-21 02:00 UTC now: the next cycle is 2025-05-20 22:00 China time
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2025-05-20T14:00:00Z")));
        managementService().executeJob(timer.getId());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2025-03").singleResult();
        assertThat(pi).isNotNull();
        assertThat(steps.calls).containsExactly("generateLastMonth", "openConfirmations:2025-03");
        assertThat(pi).hasPassed("Task_GenerateTables", "Task_OpenConfirmations").isWaitingAt(ClearingTasks.CONFIRM_TABLES);
        assertThat(managementService().createJobQuery().timers().activityId("StartEvent_GenerationDay").count())
                .as("the next month's timer").isEqualTo(1);
    }

    @Test
    void theTimerEndsWhenTheCentreGeneratedTheMonthBefore() {
        steps.generate = false;
        Job timer = managementService().createJobQuery().timers().activityId("StartEvent_GenerationDay").singleResult();
        managementService().executeJob(timer.getId());
        assertThat(steps.calls).containsExactly("generateLastMonth");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricActivityInstanceQuery()
                .activityId("EndEvent_AlreadyGenerated").count()).isEqualTo(1);
    }
}
