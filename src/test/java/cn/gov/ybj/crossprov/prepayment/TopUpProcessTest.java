package cn.gov.ybj.crossprov.prepayment;

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
 * Every path of {@code bpmn/prepayment-top-up.bpmn} with camunda-bpm-assert: approved through the paying
 * province's finance steps to the arrival; refused by the centre; a late transfer escalated to the centre
 * while it stays the paying province's. The steps are a stand-in recording the calls, each step due a
 * day after it opens.
 */
class TopUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    static final Instant START = Instant.parse("2025-03-03T02:00:00Z");

    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();

        public void open(DelegateExecution e, String step) {
            calls.add("open:" + step);
            e.setVariable(cn.gov.ybj.crossprov.workflow.EngineWork.dueVariable(TopUpStep.valueOf(step)), Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        }

        public void escalate(DelegateExecution e, String step) {
            calls.add("escalate:" + step);
        }

        public void arrived(DelegateExecution e) {
            calls.add("arrived:" + e.getVariable("topUpId"));
        }
    }

    RecordingSteps steps;
    String deployment;

    @BeforeEach
    void deploy() {
        steps = new RecordingSteps();
        Mocks.register("topUpSteps", steps);
        ClockUtil.setCurrentTime(Date.from(START));
        deployment = repositoryService().createDeployment().addClasspathResource("bpmn/prepayment-top-up.bpmn").deploy().getId();
    }

    @AfterEach
    void reset() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(TopUps.PROCESS, "2025/350000/110000/1",
                Map.of("topUpId", "t-1", "year", 2025, "payingProvince", "350000", "receivingProvince", "110000"));
    }

    Task task(ProcessInstance pi, TopUpStep step) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.taskDefinitionKey()).singleResult();
    }

    void complete(ProcessInstance pi, TopUpStep step, String group, Map<String, Object> variables) {
        Task t = task(pi, step);
        assertThat(t).as(step.name()).isNotNull();
        assertThat(taskService().createTaskQuery().taskId(t.getId()).taskCandidateGroup(group).count()).as(group).isEqualTo(1);
        taskService().complete(t.getId(), variables);
    }

    @Test
    void approvedTheTopUpGoesThroughThePayingProvincesFinanceToTheArrival() {
        ProcessInstance pi = start();
        complete(pi, TopUpStep.APPLY, "prepayment-110000", Map.of());
        complete(pi, TopUpStep.REVIEW, "prepayment-000000", Map.of("approved", true));
        complete(pi, TopUpStep.HAND_OVER, "finance-350000", Map.of());
        complete(pi, TopUpStep.TRANSFER, "finance-350000", Map.of());
        complete(pi, TopUpStep.FEEDBACK, "finance-350000", Map.of());
        complete(pi, TopUpStep.REPORT, "prepayment-110000", Map.of());
        assertThat(pi).isEnded().hasPassed("Task_RecordArrival", "EndEvent_TopUpArrived").hasNotPassed("EndEvent_TopUpRefused");
        assertThat(steps.calls).containsExactly("open:APPLY", "open:REVIEW", "open:HAND_OVER", "open:TRANSFER", "open:FEEDBACK",
                "open:REPORT", "arrived:t-1");
    }

    @Test
    void refusedByTheCentreNothingReachesThePayingProvince() {
        ProcessInstance pi = start();
        complete(pi, TopUpStep.APPLY, "prepayment-110000", Map.of());
        complete(pi, TopUpStep.REVIEW, "prepayment-000000", Map.of("approved", false));
        assertThat(pi).isEnded().hasPassed("EndEvent_TopUpRefused").hasNotPassed("Task_OpenHandOver", "Task_RecordArrival");
    }

    @Test
    void aLateTransferIsEscalatedAndStaysThePayingProvinces() {
        ProcessInstance pi = start();
        complete(pi, TopUpStep.APPLY, "prepayment-110000", Map.of());
        complete(pi, TopUpStep.REVIEW, "prepayment-000000", Map.of("approved", true));
        complete(pi, TopUpStep.HAND_OVER, "finance-350000", Map.of());
        Task transfer = task(pi, TopUpStep.TRANSFER);
        Job late = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("BoundaryEvent_TransferOverdue").singleResult();
        assertThat(late.getDuedate()).isEqualTo(transfer.getDueDate());
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(3))));
        managementService().executeJob(late.getId());
        assertThat(steps.calls).contains("escalate:TRANSFER");
        assertThat(task(pi, TopUpStep.TRANSFER).getId()).isEqualTo(transfer.getId());
        assertThat(pi).hasPassed("Task_EscalateTransfer", "EndEvent_TransferEscalated");
        complete(pi, TopUpStep.TRANSFER, "finance-350000", Map.of());
        assertThat(pi).isWaitingAt(TopUpStep.FEEDBACK.taskDefinitionKey());
    }
}
