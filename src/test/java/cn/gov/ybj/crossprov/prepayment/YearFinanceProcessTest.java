package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.workflow.EngineWork;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of {@code bpmn/prepayment-year-finance.bpmn} (第十九条) with camunda-bpm-assert: a province that
 * owes and is owed hands over, transfers and confirms the arrival; one owed waits until everyone owing it has
 * transferred; one that only owes has no arrival to confirm; a late transfer is escalated to the centre and
 * stays the province's. The steps are a stand-in recording the calls, each step due a day after it opens.
 */
class YearFinanceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    static final Instant START = Instant.parse("2026-01-15T02:00:00Z");

    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        boolean incomingTransferred;

        public void open(DelegateExecution e, String step) {
            calls.add("open:" + step);
            e.setVariable(EngineWork.dueVariable(YearFinanceStep.valueOf(step)), Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        }

        public boolean incomingTransferred(DelegateExecution e) {
            return incomingTransferred;
        }

        public void escalate(DelegateExecution e, String step) {
            calls.add("escalate:" + step);
        }
    }

    RecordingSteps steps;
    String deployment;

    @BeforeEach
    void deploy() {
        steps = new RecordingSteps();
        Mocks.register("yearFinanceSteps", steps);
        ClockUtil.setCurrentTime(Date.from(START));
        deployment = repositoryService().createDeployment().addClasspathResource("bpmn/prepayment-year-finance.bpmn").deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start(boolean pays, boolean receives) {
        return runtimeService().startProcessInstanceByKey(YearFinances.PROCESS, "2026/350000",
                Map.of("year", 2026, "province", "350000", "pays", pays, "receives", receives));
    }

    Task task(ProcessInstance pi, YearFinanceStep step) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.taskDefinitionKey()).singleResult();
    }

    void complete(ProcessInstance pi, YearFinanceStep step) {
        Task t = task(pi, step);
        assertThat(t).as(step.name()).isNotNull();
        assertThat(taskService().createTaskQuery().taskId(t.getId()).taskCandidateGroup("finance-350000").count()).isEqualTo(1);
        taskService().complete(t.getId());
    }

    @Test
    void aProvinceThatOwesAndIsOwedHandsOverTransfersAndConfirmsTheArrival() {
        steps.incomingTransferred = true;
        ProcessInstance pi = start(true, true);
        complete(pi, YearFinanceStep.HAND_OVER);
        complete(pi, YearFinanceStep.TRANSFER);
        complete(pi, YearFinanceStep.RECEIPT);
        assertThat(pi).isEnded().hasPassed("EndEvent_ProvinceDone").hasNotPassed("Event_IncomingTransferred");
        assertThat(steps.calls).containsExactlyInAnyOrder("open:HAND_OVER", "open:TRANSFER", "open:RECEIPT");
    }

    @Test
    void aProvinceOwedWaitsUntilEveryoneOwingItHasTransferred() {
        ProcessInstance pi = start(false, true);
        complete(pi, YearFinanceStep.HAND_OVER);
        assertThat(pi).isWaitingAt("Event_IncomingTransferred");
        assertThat(task(pi, YearFinanceStep.RECEIPT)).isNull();
        runtimeService().createMessageCorrelation(YearFinances.INCOMING_TRANSFERRED).processInstanceBusinessKey("2026/350000").correlateAll();
        complete(pi, YearFinanceStep.RECEIPT);
        assertThat(pi).isEnded().hasNotPassed("Task_OpenTransfer");
    }

    @Test
    void aProvinceThatOnlyOwesHasNoArrivalToConfirm() {
        ProcessInstance pi = start(true, false);
        complete(pi, YearFinanceStep.HAND_OVER);
        complete(pi, YearFinanceStep.TRANSFER);
        assertThat(pi).isEnded().hasNotPassed("Task_OpenReceipt", "Gateway_IncomingTransferred");
    }

    @Test
    void aLateTransferIsEscalatedAndStaysTheProvinces() {
        ProcessInstance pi = start(true, false);
        complete(pi, YearFinanceStep.HAND_OVER);
        Task transfer = task(pi, YearFinanceStep.TRANSFER);
        Job late = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("BoundaryEvent_TransferOverdue").singleResult();
        assertThat(late.getDuedate()).isEqualTo(transfer.getDueDate());
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(3))));
        managementService().executeJob(late.getId());
        assertThat(steps.calls).contains("escalate:TRANSFER");
        assertThat(task(pi, YearFinanceStep.TRANSFER).getId()).isEqualTo(transfer.getId());
        assertThat(pi).hasPassed("Task_EscalateTransfer", "EndEvent_TransferEscalated");
        complete(pi, YearFinanceStep.TRANSFER);
        assertThat(pi).isEnded();
    }
}
