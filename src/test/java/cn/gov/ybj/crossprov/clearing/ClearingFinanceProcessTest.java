package cn.gov.ybj.crossprov.clearing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
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
 * Every path of {@code bpmn/clearing-finance.bpmn} with camunda-bpm-assert, and the month's case calling
 * it per province: a province that pays and receives (its payers had transferred); one that only
 * receives and waits for its payers' transfers; one that only pays; a transfer late past its deadline
 * escalated to the centre while it stays the province's; the month settled when every province is. The
 * steps are a stand-in that records the calls, with each step due a day after it opens.
 */
class ClearingFinanceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    static final String BEIJING = "110000";
    static final String FUJIAN = "350000";
    static final Instant START = Instant.parse("2025-05-06T02:00:00Z");

    public static class RecordingFinanceSteps {
        final List<String> calls = new ArrayList<>();
        final Map<String, Boolean> pays = new HashMap<>(Map.of(BEIJING, true, FUJIAN, false));
        final Map<String, Boolean> receives = new HashMap<>(Map.of(BEIJING, true, FUJIAN, true));
        final Map<String, Boolean> transferred = new HashMap<>(Map.of(BEIJING, true, FUJIAN, false));

        public void begin(DelegateExecution e) {
            String p = (String) e.getVariable("province");
            e.setVariable("pays", pays.get(p));
            e.setVariable("receives", receives.get(p));
        }

        public void open(DelegateExecution e, String step) {
            calls.add("open:" + e.getVariable("province") + ":" + step);
            e.setVariable(cn.gov.ybj.crossprov.workflow.EngineWork.dueVariable(FinanceStep.valueOf(step)),
                    Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        }

        public boolean incomingTransferred(DelegateExecution e) {
            return transferred.get((String) e.getVariable("province"));
        }

        public void escalate(DelegateExecution e, String step) {
            calls.add("escalate:" + e.getVariable("province") + ":" + step);
        }
    }

    /** the month's steps up to the notices, for the calling case */
    public static class MonthSteps {
        final List<String> calls = new ArrayList<>();

        public void openConfirmations(DelegateExecution e) {
            e.setProcessBusinessKey("2025-03");
            e.setVariable("provinces", List.of(BEIJING, FUJIAN));
            e.setVariable("confirmDue", Date.from(START.plus(Duration.ofDays(30))));
            e.setVariable("monthConfirmed", false);
        }

        public boolean mustConfirm(DelegateExecution e) {
            return false;
        }

        public void publishNotices(DelegateExecution e) {
            e.setVariable("financeProvinces", List.of(BEIJING, FUJIAN));
        }

        public void settled(DelegateExecution e) {
            calls.add("settled:" + e.getVariable("month"));
        }
    }

    RecordingFinanceSteps steps;
    MonthSteps month;
    String deployment;

    @BeforeEach
    void deploy() {
        steps = new RecordingFinanceSteps();
        month = new MonthSteps();
        Mocks.register("clearingFinanceSteps", steps);
        Mocks.register("clearingSteps", month);
        Mocks.register("clearingSchedule", new ClearingProcessTest.Schedule());
        ClockUtil.setCurrentTime(Date.from(START));
        deployment = repositoryService().createDeployment().addClasspathResource("bpmn/clearing-finance.bpmn")
                .addClasspathResource("bpmn/monthly-clearing.bpmn").deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start(String province) {
        return runtimeService().startProcessInstanceByKey(ClearingTasks.FINANCE_PROCESS, ClearingTasks.financeKey(
                java.time.YearMonth.of(2025, 3), province), Map.of("month", "2025-03", "province", province));
    }

    Task task(ProcessInstance pi, FinanceStep step) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.taskDefinitionKey()).singleResult();
    }

    void complete(ProcessInstance pi, FinanceStep step) {
        Task t = task(pi, step);
        assertThat(t).as(step.name()).isNotNull();
        taskService().complete(t.getId());
    }

    void assertGroup(Task t, String group) {
        assertThat(taskService().createTaskQuery().taskId(t.getId()).taskCandidateGroup(group).count()).as(group).isEqualTo(1);
    }

    @Test
    void aProvinceThatPaysAndReceivesHandsOverTransfersReportsConfirmsReceiptAndSettlesItsAreas() {
        ProcessInstance pi = start(BEIJING);
        assertThat(pi).isWaitingAt(FinanceStep.HAND_OVER.taskDefinitionKey());
        Task handOver = task(pi, FinanceStep.HAND_OVER);
        assertGroup(handOver, "finance-110000");
        assertThat(handOver.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(1))));

        complete(pi, FinanceStep.HAND_OVER);
        // both branches: its payers had all transferred, so the receipt opens at once
        assertThat(pi).isWaitingAt(FinanceStep.TRANSFER.taskDefinitionKey(), FinanceStep.RECEIPT.taskDefinitionKey());
        complete(pi, FinanceStep.RECEIPT);
        assertThat(pi).isWaitingAt(FinanceStep.TRANSFER.taskDefinitionKey()).hasNotPassed("Task_OpenSettleAreas");
        complete(pi, FinanceStep.TRANSFER);
        complete(pi, FinanceStep.FEEDBACK);
        Task report = task(pi, FinanceStep.REPORT);
        assertGroup(report, "clearing-110000");
        complete(pi, FinanceStep.REPORT);
        assertGroup(task(pi, FinanceStep.SETTLE_AREAS), "finance-110000");
        complete(pi, FinanceStep.SETTLE_AREAS);
        assertThat(pi).isEnded().hasPassed("Gateway_Join", "EndEvent_ProvinceSettled").hasNotPassed("Event_IncomingTransferred");
        assertThat(steps.calls).containsExactly("open:110000:HAND_OVER", "open:110000:TRANSFER", "open:110000:RECEIPT",
                "open:110000:FEEDBACK", "open:110000:REPORT", "open:110000:SETTLE_AREAS");
    }

    @Test
    void aReceivingProvinceWaitsUntilEveryPayerHasTransferred() {
        ProcessInstance pi = start(FUJIAN);
        complete(pi, FinanceStep.HAND_OVER);
        assertThat(pi).isWaitingAt("Event_IncomingTransferred");
        assertThat(task(pi, FinanceStep.TRANSFER)).as("Fujian pays nothing").isNull();
        // as ClearingTasks: the last payer's transfer
        runtimeService().createMessageCorrelation(ClearingTasks.INCOMING_TRANSFERRED)
                .processInstanceBusinessKey(ClearingTasks.financeKey(java.time.YearMonth.of(2025, 3), FUJIAN)).correlateAll();
        complete(pi, FinanceStep.RECEIPT);
        complete(pi, FinanceStep.SETTLE_AREAS);
        assertThat(pi).isEnded().hasPassed("Event_IncomingTransferred").hasNotPassed("Task_OpenTransfer");
    }

    @Test
    void aProvinceThatOnlyPaysHasNoReceiptToConfirm() {
        steps.receives.put(BEIJING, false);
        ProcessInstance pi = start(BEIJING);
        complete(pi, FinanceStep.HAND_OVER);
        assertThat(pi).isWaitingAt(FinanceStep.TRANSFER.taskDefinitionKey());
        complete(pi, FinanceStep.TRANSFER);
        complete(pi, FinanceStep.FEEDBACK);
        complete(pi, FinanceStep.REPORT);
        complete(pi, FinanceStep.SETTLE_AREAS);
        assertThat(pi).isEnded().hasNotPassed("Gateway_IncomingTransferred", "Task_OpenReceipt");
    }

    @Test
    void aLateTransferIsEscalatedToTheCentreAndStaysTheProvincesTask() {
        ProcessInstance pi = start(BEIJING);
        complete(pi, FinanceStep.HAND_OVER);
        Task transfer = task(pi, FinanceStep.TRANSFER);
        Job late = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("BoundaryEvent_TransferOverdue").singleResult();
        assertThat(late.getDuedate()).isEqualTo(transfer.getDueDate());
        assertThat(steps.calls).doesNotContain("escalate:110000:TRANSFER");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(2))));
        managementService().executeJob(late.getId());
        assertThat(steps.calls).contains("escalate:110000:TRANSFER");
        assertThat(task(pi, FinanceStep.TRANSFER).getId()).as("still open, the same task").isEqualTo(transfer.getId());
        assertThat(pi).hasPassed("Task_EscalateTransfer", "EndEvent_TransferEscalated");
        complete(pi, FinanceStep.TRANSFER);
        assertThat(pi).isWaitingAt(FinanceStep.FEEDBACK.taskDefinitionKey(), FinanceStep.RECEIPT.taskDefinitionKey());
    }

    @Test
    void theMonthsCaseCallsAFinanceCasePerProvinceAndIsSettledWhenAllAre() {
        ProcessInstance monthCase = runtimeService().createMessageCorrelation(ClearingTasks.STARTED_BY_CENTRE)
                .processInstanceBusinessKey("2025-03").setVariable("month", "2025-03").correlateStartMessage();
        // nothing to confirm in this stand-in: the month is confirmed at once
        runtimeService().createMessageCorrelation(ClearingTasks.MONTH_CONFIRMED).processInstanceId(monthCase.getId()).correlateAll();
        assertThat(monthCase).isWaitingAt("CallActivity_ProvinceFinance");
        ProcessInstance beijing = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2025-03/110000").singleResult();
        ProcessInstance fujian = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("2025-03/350000").singleResult();
        assertThat(beijing).isNotNull();
        assertThat(fujian).isNotNull();
        for (ProcessInstance pi : List.of(beijing, fujian)) {
            complete(pi, FinanceStep.HAND_OVER);
        }
        complete(beijing, FinanceStep.RECEIPT);
        complete(beijing, FinanceStep.TRANSFER);
        complete(beijing, FinanceStep.FEEDBACK);
        complete(beijing, FinanceStep.REPORT);
        complete(beijing, FinanceStep.SETTLE_AREAS);
        assertThat(monthCase).isWaitingAt("CallActivity_ProvinceFinance");
        assertThat(month.calls).isEmpty();
        runtimeService().createMessageCorrelation(ClearingTasks.INCOMING_TRANSFERRED).processInstanceBusinessKey("2025-03/350000")
                .correlateAll();
        complete(fujian, FinanceStep.RECEIPT);
        complete(fujian, FinanceStep.SETTLE_AREAS);
        assertThat(monthCase).isEnded().hasPassed("Task_RecordMonthSettled", "EndEvent_MonthSettled");
        assertThat(month.calls).containsExactly("settled:2025-03");
    }
}
