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

/** Every path of {@code bpmn/filing-change.bpmn}; the steps are recorded by stand-ins. */
@Deployment(resources = {"bpmn/filing-change.bpmn", "forms/filing-change-review.form"})
class FilingChangeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /** Stands in for {@code filingChangeSteps}; whether a review is needed is a switch. */
    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        boolean review;
        final Date reviewDue = Date.from(Instant.parse("2026-12-01T15:59:59Z"));

        public void startChange(DelegateExecution e) {
            calls.add("start");
            e.setVariable("needsReview", review);
            if (review) {
                e.setVariable("reviewDue", reviewDue);
            }
        }

        public void apply(DelegateExecution e) {
            calls.add("apply");
        }

        public void refuse(DelegateExecution e) {
            calls.add("refuse:" + e.getVariable("refuseReason"));
        }

        public void escalate(DelegateExecution e) {
            calls.add("escalate");
        }
    }

    RecordingSteps steps;

    @BeforeEach
    void register() {
        steps = new RecordingSteps();
        // only filingChangeSteps: the process no longer reports to the national registry itself
        Mocks.register("filingChangeSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("filing-change", "c-1",
                Map.of("filingId", "f-1", "requestId", "c-1", "reviewGroup", "area-110105"));
    }

    @Test
    void changeWithoutReviewAppliesAtOnce() {
        ProcessInstance pi = start();

        // applied and ended in the starting transaction: no job is left behind
        assertThat(pi).isEnded()
                .hasPassed("Task_StartChange", "Gateway_ChangeNeedsReview", "Task_ApplyChange", "EndEvent_ChangeApplied")
                .hasNotPassed("Task_ReviewChange");
        assertThat(steps.calls).containsExactly("start", "apply");
    }

    @Test
    void reviewedChangeIsOfferedToTheAreaClerksAndApprovalApplies() throws Exception {
        steps.review = true;
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("Task_ReviewChange");
        assertThat(task()).hasCandidateGroup("area-110105").hasDueDate(steps.reviewDue);
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"filing-change-review\"");
        }
        complete(task(), Map.of("decision", "APPROVE", "reviewer", "clerks:cy-reviewer"));

        assertThat(pi).isEnded().hasPassed("Gateway_ChangeApproved", "Task_ApplyChange", "EndEvent_ChangeApplied")
                .hasNotPassed("Task_RefuseChange", "Task_EscalateChangeReview");
        assertThat(steps.calls).containsExactly("start", "apply");
    }

    @Test
    void refusedChangeEndsWithoutApplying() {
        steps.review = true;
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ReviewChange");
        complete(task(), Map.of("decision", "REFUSE", "refuseReason", "新地址无法核实"));

        assertThat(pi).isEnded().hasPassed("Task_RefuseChange", "EndEvent_ChangeRefused")
                .hasNotPassed("Task_ApplyChange", "EndEvent_ChangeApplied");
        assertThat(steps.calls).containsExactly("start", "refuse:新地址无法核实");
    }

    @Test
    void overdueReviewEscalatesAndStaysOpen() {
        steps.review = true;
        ProcessInstance pi = start();
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.reviewDue);

        ClockUtil.setCurrentTime(Date.from(steps.reviewDue.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("Task_EscalateChangeReview", "EndEvent_ChangeReviewEscalated").isWaitingAt("Task_ReviewChange");
        assertThat(steps.calls).containsExactly("start", "escalate");
        complete(task(), Map.of("decision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("Task_ApplyChange", "EndEvent_ChangeApplied");
        assertThat(steps.calls).containsExactly("start", "escalate", "apply");
    }
}
