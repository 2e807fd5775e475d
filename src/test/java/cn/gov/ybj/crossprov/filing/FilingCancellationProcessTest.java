package cn.gov.ybj.crossprov.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * Every path of {@code bpmn/filing-cancellation.bpmn}: the steps are recorded by stand-ins so the
 * test sees which ran in which order; the review task's group, due date, form and escalation are
 * the engine's.
 */
@Deployment(resources = {"bpmn/filing-cancellation.bpmn", "forms/filing-cancellation-review.form"})
class FilingCancellationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /** Stands in for {@code cancellationSteps}; whether a review is needed is a switch. */
    public static class RecordingCancellationSteps {
        final List<String> calls;
        boolean reviewNeeded;
        final Date reviewDue = Date.from(Instant.parse("2026-12-03T15:59:59Z"));

        RecordingCancellationSteps(List<String> calls) {
            this.calls = calls;
        }

        public void start(DelegateExecution e) {
            calls.add("start");
            e.setVariable("reviewNeeded", reviewNeeded);
            if (reviewNeeded) {
                e.setVariable("reviewDue", reviewDue);
            }
        }

        public void close(DelegateExecution e) {
            calls.add("close:" + e.getVariable("reviewer"));
        }

        public void refuse(DelegateExecution e) {
            calls.add("refuse:" + e.getVariable("refuseReason"));
        }

        public void escalate(DelegateExecution e) {
            calls.add("escalate");
            // like the real step: the overdue task is offered to the supervisors too
            var review = taskService().createTaskQuery().processInstanceId(e.getProcessInstanceId()).singleResult();
            taskService().addCandidateGroup(review.getId(), "area-110105-supervisors");
            taskService().setPriority(review.getId(), 100);
        }
    }

    final List<String> calls = new ArrayList<>();
    RecordingCancellationSteps steps;

    @BeforeEach
    void register() {
        steps = new RecordingCancellationSteps(calls);
        // only cancellationSteps: the process no longer reports to the national registry itself
        Mocks.register("cancellationSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("filing-cancellation", "c-1",
                Map.of("filingId", "f-1", "requestId", "c-1", "reviewGroup", "area-110105"));
    }

    @Test
    void selfServiceCancellationClosesAtOnce() {
        ProcessInstance pi = start();

        // closed and ended in the starting transaction: no job is left behind
        assertThat(pi).isEnded()
                .hasPassed("Task_StartCancellation", "Gateway_ReviewNeeded", "Task_CloseFiling", "EndEvent_FilingClosed")
                .hasNotPassed("Task_ReviewCancellation");
        assertThat(calls).containsExactly("start", "close:null");
    }

    @Test
    void quickFilingGoesToTheAreaClerksDueInThreeWorkingDaysAndApprovalCloses() throws Exception {
        steps.reviewNeeded = true;
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("Task_ReviewCancellation");
        assertThat(task()).hasCandidateGroup("area-110105").hasDueDate(steps.reviewDue).hasName("审核取消备案申请");
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"filing-cancellation-review\"");
        }
        complete(task(), Map.of("decision", "APPROVE", "reviewer", "clerks:cy-reviewer"));

        assertThat(pi).isEnded().hasPassed("Gateway_CancellationApproved", "Task_CloseFiling", "EndEvent_FilingClosed")
                .hasNotPassed("Task_RefuseCancellation", "Task_EscalateCancellation");
        assertThat(calls).containsExactly("start", "close:clerks:cy-reviewer");
    }

    @Test
    void refusedCancellationKeepsTheFiling() {
        steps.reviewNeeded = true;
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ReviewCancellation");
        Map<String, Object> refusal = new java.util.HashMap<>();
        refusal.put("decision", "REFUSE");
        refusal.put("refuseReason", "正在异地住院，结算后再取消");
        refusal.put("reviewer", "clerks:cy-reviewer");
        complete(task(), refusal);

        assertThat(pi).isEnded().hasPassed("Task_RefuseCancellation", "EndEvent_CancellationRefused")
                .hasNotPassed("Task_CloseFiling", "EndEvent_FilingClosed");
        assertThat(calls).containsExactly("start", "refuse:正在异地住院，结算后再取消");
        assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void overdueReviewEscalatesToTheSupervisorAndStaysOpen() {
        steps.reviewNeeded = true;
        ProcessInstance pi = start();
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.reviewDue);

        ClockUtil.setCurrentTime(Date.from(steps.reviewDue.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("BoundaryEvent_CancellationReviewOverdue", "Task_EscalateCancellation",
                "EndEvent_CancellationEscalated").isWaitingAt("Task_ReviewCancellation");
        assertThat(task()).hasCandidateGroup("area-110105").hasCandidateGroup("area-110105-supervisors");
        assertThat(task().getPriority()).isEqualTo(100);
        assertThat(calls).containsExactly("start", "escalate");

        // the supervisor may still decide: the case goes on as usual
        complete(task(), Map.of("decision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("Task_CloseFiling", "EndEvent_FilingClosed");
        assertThat(calls).containsExactly("start", "escalate", "close:null");
    }
}
